// The language server in a web worker (vscode.dev, github.dev, the VS Code server's web worker
// extension host): the same startServer, over the worker's message port instead of IPC or stdio,
// reading .postmortemrc and the workspace's postmortems through the client (vscode.workspace.fs).
// Each open document is analysed in a nested worker running this same bundle, named ANALYSIS_ROLE.
import './browser/workerGlobals';
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { WorkerHost } from './analysis/workerHost';
import { serveAnalysesInWorker } from './browser/analysisRole';
import { ANALYSIS_ROLE, nestedWorkers } from './browser/nestedWorkers';
import { clientFileSystem } from './handlers/clientFileSystem';
import { startServer } from './startServer';

const scope = globalThis as unknown as { name?: string; location?: { href: string }; POSTMORTEM_ANALYSIS_BUDGET_MS?: unknown };

if (scope.name === ANALYSIS_ROLE) serveAnalysesInWorker();
else {
  // The worker's global scope is its message port (typed loosely: the server is compiled without DOM types).
  const worker = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
  const connection = createConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
  // A global POSTMORTEM_ANALYSIS_BUDGET_MS, set before this script runs, fixes the time budget (no
  // per-character allowance), as the environment variable of that name does on Node: for tests.
  const fixedBudget = Number(scope.POSTMORTEM_ANALYSIS_BUDGET_MS);
  const workers = nestedWorkers(scope.location?.href ?? '');
  const host = fixedBudget > 0 ? new WorkerHost(workers, fixedBudget, 0) : new WorkerHost(workers);
  startServer(connection, { host, fs: clientFileSystem(connection) });
}
