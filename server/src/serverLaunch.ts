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

/** The settings a running process lacks. Values the user gave (flags, NODE_OPTIONS, environment) win. */
export function missingSettings(execArgv: readonly string[], env: Readonly<Record<string, string | undefined>>): ServerProcessOptions {
  const given = [...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/)].map((arg) => arg.split('=')[0]);
  return {
    execArgv: EXEC_ARGV.filter((flag) => !given.includes(flag.split('=')[0])),
    env: Object.fromEntries(Object.entries(ENV).filter(([name]) => env[name] === undefined)),
  };
}

/** What `server.js` needs to know about its own process. */
export interface OwnProcess {
  execPath: string;
  execArgv: readonly string[];
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  version: string;
  /** Node 22.15 / 23.11 and later, not on Windows: replaces the process image (same pid, same stdio). */
  execve?: (file: string, args: string[], env: Record<string, string | undefined>) => never;
}

/**
 * How the server's process gets the launch settings when something other than the VS Code client
 * starts it (`postmortem-language-server --stdio` from an editor's configuration):
 * - `keep`: it already has them, or was started over IPC (the channel's descriptor would not
 *   survive a restart; the VS Code client passes the settings itself);
 * - `relaunch`: restart the same process with them: execve keeps the pid and stdin/stdout, so the
 *   editor sees one process, and there is no second Node process to pay for;
 * - `cannot`: this Node has no execve; the server runs without them and says so once.
 * Before Node 26 a failed execve(2) aborts the process instead of throwing (nodejs/node#62878), so
 * server.ts first checks the one cause it can see: Node's own executable no longer runnable.
 */
export type Relaunch =
  | { kind: 'keep' }
  | { kind: 'relaunch'; file: string; args: string[]; env: Record<string, string | undefined> }
  | { kind: 'cannot'; note: string };

/** Set in the restarted process: it never restarts twice, whatever its flags say. */
export const RELAUNCHED = 'POSTMORTEM_RELAUNCHED';

export function relaunchPlan(own: OwnProcess): Relaunch {
  if (own.env.NODE_CHANNEL_FD !== undefined || own.env[RELAUNCHED] !== undefined || own.argv.includes('--version')) return { kind: 'keep' };
  const missing = missingSettings(own.execArgv, own.env);
  const names = [...missing.execArgv, ...Object.entries(missing.env).map(([name, value]) => `${name}=${value}`)];
  if (names.length === 0) return { kind: 'keep' };
  if (typeof own.execve !== 'function') {
    return {
      kind: 'cannot',
      note: `Started without its memory settings (${names.join(' ')}): Node ${own.version} cannot restart a process in place (Node 22.15 or later can, except on Windows). `
        + 'The server works the same and uses more memory; to apply them, start it as the README\'s "Other editors" section shows.',
    };
  }
  return { kind: 'relaunch', file: own.execPath, args: [own.execPath, ...missing.execArgv, ...own.execArgv, ...own.argv.slice(1)], env: { ...own.env, ...missing.env, [RELAUNCHED]: '1' } };
}
