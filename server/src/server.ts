// The language server's entry: `postmortem-language-server --stdio` for any editor, IPC for VS Code.
// createConnection reads the transport (--stdio, --node-ipc, --socket=N, --pipe=NAME) from argv.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './startServer';

if (process.argv.includes('--version')) {
  process.stdout.write(`${PM_VERSION}\n`);
} else {
  startServer(createConnection(ProposedFeatures.all));
}
