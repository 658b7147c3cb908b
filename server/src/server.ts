// The language server's entry: `postmortem-language-server --stdio` for any editor, IPC for VS Code.
// createConnection reads the transport (--stdio, --node-ipc, --socket=N, --pipe=NAME) from argv.
// Analyses and the workspace index run in worker threads started from serverWorker.js, the bundle
// of workerThread.ts, which sits beside this one.
import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { AnalysisHost } from './analysis/host';
import { IndexWorker, INDEX_WORKER_ROLE } from './indexWorker';
import { startServer } from './startServer';
import { reportProcessFailures } from './guard';
import { nodeFileSystem } from './service/nodeFileSystem';
import { relaunchPlan, type OwnProcess } from './serverLaunch';

// Started by something other than the VS Code client (an editor running the npm bin): restart in
// place with the memory settings the client would have given, before anything reads stdin.
const startupNotes: string[] = [];
const relaunch = relaunchPlan(process as unknown as OwnProcess);
if (relaunch.kind === 'relaunch') {
  try {
    accessSync(relaunch.file, constants.X_OK);
    (process as unknown as Required<OwnProcess>).execve(relaunch.file, relaunch.args, relaunch.env);
  } catch (error) {
    startupNotes.push(`Started without its memory settings: restarting with them failed (${(error as Error).message}).`);
  }
} else if (relaunch.kind === 'cannot') startupNotes.push(relaunch.note);

if (process.argv.includes('--version')) {
  process.stdout.write(`${PM_VERSION}\n`);
} else {
  const connection = createConnection(ProposedFeatures.all);
  // POSTMORTEM_ANALYSIS_BUDGET_MS fixes the time budget (no per-character allowance): for tests that
  // must see the budget run out whatever the machine's speed, and for users who want a tighter one.
  const fixedBudget = Number(process.env.POSTMORTEM_ANALYSIS_BUDGET_MS);
  // POSTMORTEM_WORKER_HEAP_MB sets the analysis worker's heap limit (tests see a worker run out of it).
  const heapMb = Number(process.env.POSTMORTEM_WORKER_HEAP_MB) || undefined;
  const workerScript = join(__dirname, 'serverWorker.js');
  const host = fixedBudget > 0 ? new AnalysisHost(workerScript, fixedBudget, 0, heapMb) : new AnalysisHost(workerScript, undefined, undefined, heapMb);
  const indexReader = new IndexWorker(workerScript, { workerData: INDEX_WORKER_ROLE, log: (m) => connection.console.log(m), ...(fixedBudget > 0 ? { budgetMs: fixedBudget, budgetMsPerChar: 0 } : {}) });
  const guard = startServer(connection, { host, fs: nodeFileSystem, indexReader, startupNotes });
  // Every handler is guarded; a failure that escapes them all is reported once through the same guard
  // instead of ending the process the editor depends on.
  reportProcessFailures(process, guard);
}
