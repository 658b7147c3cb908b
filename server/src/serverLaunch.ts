// How the language server's Node process is started. The VS Code client and the test client (the
// protocol tests and the bench) both start it this way, so what is measured is what editors run.

/**
 * V8's young generation on the main thread. The main thread turns the workers' answers into LSP
 * messages: its live young objects are a few MB, yet V8's default lets the nursery grow to 32 MB
 * resident. The analysis workers set their own limit (analysis/host.ts).
 */
const EXEC_ARGV = ['--max-semi-space-size=4'];

/**
 * glibc's malloc gives each worker thread arenas of its own, which fragment as document texts come
 * and go; two arenas and a fixed threshold above which buffers are mapped (and unmapped when freed)
 * give that memory back. Other C libraries ignore these variables.
 */
const ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' };

export interface ServerProcessOptions {
  execArgv: string[];
  env: Record<string, string>;
}

/** Node flags and environment for the server's process; `inspectPort` adds the debugger's flags. */
export function serverProcessOptions(inspectPort?: number): ServerProcessOptions {
  const debug = inspectPort === undefined ? [] : ['--nolazy', `--inspect=${inspectPort}`];
  return { execArgv: [...EXEC_ARGV, ...debug], env: { ...ENV } };
}
