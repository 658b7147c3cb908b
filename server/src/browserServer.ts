// The language server in a web worker (vscode.dev, github.dev, the VS Code server's web worker
// extension host): the same startServer, over the worker's message port instead of IPC or stdio,
// reading .postmortemrc and the workspace's postmortems through the client (vscode.workspace.fs).
// Each open document is analysed in a nested worker running this same bundle, named ANALYSIS_ROLE;
// the workspace index reads its files in one more, named INDEX_ROLE.
import './browser/workerGlobals';
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { WorkerHost } from './analysis/workerHost';
import { serveAnalysesInWorker, serveIndexJobsInWorker } from './browser/workerRoles';
import { ANALYSIS_ROLE, INDEX, INDEX_ROLE, nestedWorkers } from './browser/nestedWorkers';
import { clientFileSystem } from './handlers/clientFileSystem';
import { reportWorkerFailures, type WorkerFailureSource } from './guard';
import { IndexHost } from './indexHost';
import type { IndexAnswer, IndexJob } from './indexJobs';
import { startServer } from './startServer';

const scope = globalThis as unknown as { name?: string; location?: { href: string }; POSTMORTEM_ANALYSIS_BUDGET_MS?: unknown };

if (scope.name === ANALYSIS_ROLE) serveAnalysesInWorker();
else if (scope.name === INDEX_ROLE) serveIndexJobsInWorker();
else {
  // The worker's global scope is its message port (typed loosely: the server is compiled without DOM types).
  const worker = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
  const connection = createConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
  // A global POSTMORTEM_ANALYSIS_BUDGET_MS, set before this script runs, fixes the time budget of an
  // analysis and of an index read (no per-character allowance), as the environment variable of that
  // name does on Node: for tests.
  const fixedBudget = Number(scope.POSTMORTEM_ANALYSIS_BUDGET_MS);
  const script = scope.location?.href ?? '';
  const host = fixedBudget > 0 ? new WorkerHost(nestedWorkers(script), fixedBudget, 0) : new WorkerHost(nestedWorkers(script));
  const indexReader = new IndexHost(nestedWorkers<IndexJob, IndexAnswer>(script, undefined, INDEX), {
    log: (m) => connection.console.log(m),
    ...(fixedBudget > 0 ? { budgetMs: fixedBudget, budgetMsPerChar: 0 } : {}),
  });
  const guard = startServer(connection, { host, fs: clientFileSystem(connection), indexReader });
  // Every handler is guarded; a failure that escapes them all (a timer, a library callback) is
  // reported once through the same guard, as server.ts does with Node's process events.
  reportWorkerFailures(globalThis as unknown as WorkerFailureSource, guard);
}
