// The language server in a web worker (vscode.dev, github.dev, the VS Code server's web worker
// extension host): the same startServer, over the worker's message port instead of IPC or stdio,
// reading .postmortemrc and the workspace's postmortems through the client (vscode.workspace.fs).
import './browser/workerGlobals';
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { clientFileSystem } from './handlers/clientFileSystem';
import { startServer } from './startServer';

// The worker's global scope is its message port (typed loosely: the server is compiled without DOM types).
const worker = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
const connection = createConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
startServer(connection, { fs: clientFileSystem(connection) });
