// Runs the end-to-end tests through @vscode/test-electron's runTests(). On these machines VS Code
// cannot be downloaded, so runTests() gets the launcher script as its executable (it runs the web
// workbench of a real VS Code server in headless Chromium). With POSTMORTEM_E2E_DESKTOP=1 runTests()
// downloads desktop VS Code instead, as on a developer's laptop.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const desktop = process.env.POSTMORTEM_E2E_DESKTOP === '1';
if (!desktop) {
  execFileSync(join(root, 'test', 'e2e', 'setup.sh'), { stdio: 'inherit', cwd: root });
  // The Node 24 setup.sh installs has process.execve: the npm bin's restart with its settings.
  execFileSync(process.execPath, [join(root, 'test', 'e2e', 'relaunch.mjs'), join(process.env.POSTMORTEM_VSCODE_CACHE ?? join(root, '.vscode-test'), 'node24', 'node')], { stdio: 'inherit', cwd: root });
}

// The tests edit documents: give them a copy of the examples, never the originals.
const workspace = mkdtempSync(join(tmpdir(), 'postmortem-workspace-'));
cpSync(join(root, 'examples'), workspace, { recursive: true });

const screenshots = process.env.POSTMORTEM_E2E_SCREENSHOTS ?? join(root, 'out', 'screenshots');
try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out', 'test', 'e2e', 'suite', 'index.js'),
    vscodeExecutablePath: desktop ? undefined : join(root, 'test', 'e2e', 'launcher.mjs'),
    launchArgs: [workspace],
    extensionTestsEnv: { POSTMORTEM_E2E_SCREENSHOTS: screenshots },
  });
  if (!desktop) console.log(`Screenshots of the workbench: ${screenshots}`);
} catch (error) {
  console.error(`End-to-end tests failed: ${error.message ?? error}`);
  process.exit(1);
}
