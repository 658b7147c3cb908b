import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { BLAMEFUL, gitInit, ROOT, tempFolder, writeTree } from './cliHarness';

interface ActionManifest { inputs: Record<string, { default?: string }>; runs: { using: string; main: string } }

function workspace(): string {
  const root = tempFolder('pm-ci-');
  gitInit(root);
  writeTree(root, { 'README.md': '# Tool\n\nHuman error is not a root cause.\n', 'postmortems/2026-05-01-database.md': BLAMEFUL });
  return root;
}

describe('the GitHub Action', () => {
  const manifest = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionManifest;

  /** Runs the action's entry as the runner does: INPUT_* for every input (defaults filled in), cwd = the workspace. */
  function runAction(inputs: Record<string, string>, cwd: string) {
    const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_WORKSPACE: cwd, GITHUB_OUTPUT: join(cwd, '.github-output'), FORCE_COLOR: undefined };
    for (const [name, spec] of Object.entries(manifest.inputs)) env[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? spec.default ?? '';
    for (const name of Object.keys(inputs)) assert.ok(name in manifest.inputs, `action.yml declares ${name}`);
    const r = spawnSync(process.execPath, [join(ROOT, manifest.runs.main)], { cwd, env, encoding: 'utf8' });
    const outputs = existsSync(env.GITHUB_OUTPUT!) ? readFileSync(env.GITHUB_OUTPUT!, 'utf8') : '';
    return { code: r.status, out: r.stdout, err: r.stderr, outputs };
  }

  it('is a JavaScript action whose entry exists', () => {
    assert.match(manifest.runs.using, /^node\d+$/);
    assert.ok(existsSync(join(ROOT, manifest.runs.main)));
  });

  it('with its defaults, annotates the postmortems only and fails on warnings', () => {
    const root = workspace();
    const r = runAction({}, root);
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /^::warning file=postmortems\/2026-05-01-database\.md,line=9,.*title=no-blame-language::/m);
    assert.doesNotMatch(r.out, /README/);
    assert.match(r.outputs, /^exit-code=1$/m);
  });

  it('fail-on error and never relax the gate; a bad input fails with a message', () => {
    const root = workspace();
    assert.equal(runAction({ 'fail-on': 'error' }, root).code, 0);
    writeFileSync(join(root, '.postmortemrc.json'), JSON.stringify({ rules: { 'no-blame-language': 'error' } }));
    assert.equal(runAction({ 'fail-on': 'error' }, root).code, 1);
    assert.equal(runAction({ 'fail-on': 'never' }, root).code, 0);
    const bad = runAction({ 'fail-on': 'sometimes' }, root);
    assert.equal(bad.code, 2);
    assert.match(bad.out, /::error title=postmortem-lint::fail-on must be/);
  });

  it('writes SARIF for upload, with paths, ignores and max-warnings from its inputs', () => {
    const root = workspace();
    writeTree(root, { 'postmortems/drafts/x.md': BLAMEFUL });
    const r = runAction({ format: 'sarif', 'output-file': 'out/postmortem.sarif', paths: 'postmortems\n', ignore: 'drafts/', 'max-warnings': '100' }, root);
    assert.equal(r.code, 0, r.err);
    const log = JSON.parse(readFileSync(join(root, 'out', 'postmortem.sarif'), 'utf8'));
    const uris = new Set(log.runs[0].results.map((x: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => x.locations[0].physicalLocation.artifactLocation.uri));
    assert.deepEqual([...uris], ['postmortems/2026-05-01-database.md']);
    assert.match(r.outputs, /^report-file=out\/postmortem\.sarif$/m);
  });
});

describe('the pre-commit hooks', function () {
  this.timeout(120_000);
  const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; language: string; files: string }>;
  let bin = '';

  before(() => {
    // As pre-commit's node support does: pack the repository and install the tarball globally
    // into the hook's environment. (Scripts are skipped: dist/ is already built by the test run.)
    const env = tempFolder('pm-precommit-env-');
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', env], { cwd: ROOT, encoding: 'utf8' }))[0];
    execFileSync('npm', ['install', '-g', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--prefix', env, join(env, packed.filename)], { encoding: 'utf8' });
    bin = join(env, 'bin');
  });

  /** Runs a hook on the staged files its `files` pattern selects, as `pre-commit run` does. */
  function runHook(id: string, cwd: string) {
    const hook = hooks.find((h) => h.id === id)!;
    assert.equal(hook.language, 'node');
    const staged = execFileSync('git', ['diff', '--cached', '--name-only'], { cwd, encoding: 'utf8' }).split('\n').filter((f) => f && new RegExp(hook.files).test(f));
    const [command, ...args] = hook.entry.split(' ');
    return spawnSync(join(bin, command), [...args, ...staged], { cwd, encoding: 'utf8' });
  }

  it('checks the staged postmortems and lets other Markdown through', () => {
    const root = workspace();
    execFileSync('git', ['add', 'README.md'], { cwd: root });
    const readmeOnly = runHook('postmortem-lint', root);
    assert.equal(readmeOnly.status, 0, readmeOnly.stderr);
    execFileSync('git', ['add', '.'], { cwd: root });
    const both = runHook('postmortem-lint', root);
    assert.equal(both.status, 1);
    assert.match(both.stdout, /postmortems\/2026-05-01-database\.md/);
    assert.doesNotMatch(both.stdout, /README/);
  });

  it('the fix hook applies safe fixes to staged postmortems only', () => {
    const root = workspace();
    execFileSync('git', ['add', '.'], { cwd: root });
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    runHook('postmortem-lint-fix', root);
    assert.equal(readFileSync(join(root, 'README.md'), 'utf8'), readme);
    assert.match(readFileSync(join(root, 'postmortems', '2026-05-01-database.md'), 'utf8'), /## Timeline/);
  });
});
