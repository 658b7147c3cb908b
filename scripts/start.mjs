// `npm start`: opens examples/ in VS Code with the extension loaded, the blame-laden example open,
// the Problems panel showing and the folder trusted. In order of preference:
//   1. `code` on the PATH (desktop VS Code, the extension loaded from this clone);
//   2. desktop VS Code downloaded by @vscode/test-electron into .vscode-test/ (any OS and CPU);
//   3. on Linux or macOS without internet access beyond npm: a VS Code server from the npm registry,
//      with the packaged extension, and the address of its browser workbench (HOST, PORT).
// Each step says what it is doing. Ctrl+C stops the server.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const examples = join(root, 'examples');
const example = join(examples, 'postmortems', '2026-10-14-search-outage.md');
const cache = process.env.POSTMORTEM_VSCODE_CACHE ?? join(root, '.vscode-test');
const started = Date.now();
const say = (message) => console.log(`[start ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`);
// Read by the extension on activation: open this file and show the Problems panel (client/src/startDemo.ts).
const demoEnv = { ...process.env, POSTMORTEM_START_OPEN: example };

function build() {
  say('Building the extension (esbuild)…');
  execFileSync(process.execPath, [join(root, 'esbuild.mjs')], { stdio: 'inherit', cwd: root });
}

function desktop(executable, extraArgs = []) {
  const args = [`--extensionDevelopmentPath=${root}`, '--disable-workspace-trust', ...extraArgs, examples, example];
  say(`Opening ${examples} in ${executable === 'code' ? 'VS Code (code on the PATH)' : executable}.`);
  spawn(executable, args, { stdio: 'inherit', env: demoEnv, shell: process.platform === 'win32' && executable === 'code' });
}

async function downloadDesktop() {
  say('No `code` on the PATH: downloading desktop VS Code with @vscode/test-electron (progress below)…');
  const { download } = await import('@vscode/test-electron');
  return download({ cachePath: cache, timeout: 20_000 });
}

function serverPath() {
  if (process.platform !== 'linux' && process.platform !== 'darwin') throw new Error('The VS Code server path needs Linux or macOS; install VS Code and put `code` on the PATH.');
  say('Installing a VS Code server from the npm registry if needed (once, into .vscode-test/; progress below)…');
  execFileSync(join(root, 'test', 'e2e', 'setup.sh'), ['--server-only'], { stdio: ['ignore', 'ignore', 'inherit'], cwd: root, env: { ...process.env, POSTMORTEM_VSCODE_CACHE: cache } });
  say('Packaging the extension (npm run package)…');
  execFileSync('npm', ['run', '--silent', 'package'], { stdio: 'inherit', cwd: root });
  const node24 = join(cache, 'node24', 'node');
  const serverMain = join(cache, 'code-server', 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
  const state = join(cache, 'start');
  const dirs = { home: join(state, 'home'), user: join(state, 'user-data'), server: join(state, 'server-data'), extensions: join(state, 'extensions') };
  Object.values(dirs).forEach((d) => mkdirSync(d, { recursive: true }));
  // The workbench opens without the welcome page; the example and the Problems panel come from the extension.
  mkdirSync(join(dirs.user, 'User'), { recursive: true });
  writeFileSync(join(dirs.user, 'User', 'settings.json'), JSON.stringify({ 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'git.openRepositoryInParentFolders': 'never', 'postmortem.startExample': example }, null, 2));
  const env = { ...demoEnv, HOME: dirs.home };
  const common = ['--user-data-dir', dirs.user, '--server-data-dir', dirs.server, '--extensions-dir', dirs.extensions];
  say('Installing the packaged extension into the server…');
  execFileSync(node24, [serverMain, ...common, '--install-extension', join(root, 'postmortem.vsix'), '--force'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  const host = process.env.HOST ?? '127.0.0.1';
  const port = process.env.PORT ?? '8080';
  say(`Starting the VS Code server on ${host}:${port} (set HOST and PORT to change)…`);
  const server = spawn(node24, [serverMain, ...common, '--host', host, '--port', port, '--without-connection-token', '--accept-server-license-terms', '--disable-telemetry', '--disable-workspace-trust'], { stdio: ['ignore', 'pipe', 'inherit'], env });
  let ready = false;
  server.stdout.on('data', (chunk) => {
    if (ready || !/Extension host agent listening|Web UI available/.test(String(chunk))) return;
    ready = true;
    say(`Ready. Open in a browser:\n\n    http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/?folder=${encodeURIComponent(examples)}\n\n(Ctrl+C to stop)`);
  });
  process.on('SIGINT', () => server.kill('SIGTERM'));
  server.on('exit', (code) => process.exit(code ?? 0));
}

build();
if (spawnSync('code', ['--version'], { stdio: 'ignore', shell: process.platform === 'win32' }).status === 0) {
  desktop('code');
} else {
  let executable;
  try {
    executable = await downloadDesktop();
  } catch (error) {
    say(`Desktop VS Code could not be downloaded (${String(error?.message ?? error).split('\n')[0]}).`);
  }
  if (executable) desktop(executable, ['--user-data-dir', join(cache, 'start-desktop', 'user-data'), '--extensions-dir', join(cache, 'start-desktop', 'extensions'), '--skip-welcome', '--skip-release-notes']);
  else serverPath();
}
