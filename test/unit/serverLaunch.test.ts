import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { missingSettings, RELAUNCHED, relaunchPlan, serverProcessOptions, type OwnProcess } from '../../server/src/serverLaunch';

describe('server process options', () => {
  it('are accepted by this Node: a flag it rejects would keep the server from starting', () => {
    const { execArgv, env } = serverProcessOptions();
    const child = spawnSync(process.execPath, [...execArgv, '-e', 'process.stdout.write(process.env.MALLOC_ARENA_MAX ?? "")'], { env: { ...process.env, ...env }, encoding: 'utf8' });
    assert.equal(child.status, 0, child.stderr);
    assert.equal(child.stdout, env.MALLOC_ARENA_MAX);
  });

  it('limit the main thread young generation and malloc arenas', () => {
    const { execArgv, env } = serverProcessOptions();
    assert.ok(execArgv.some((a) => a.startsWith('--max-semi-space-size=')));
    assert.ok(Number(env.MALLOC_ARENA_MAX) > 0);
  });

  it('debugging keeps the same memory settings and adds the inspector', () => {
    const run = serverProcessOptions();
    const debug = serverProcessOptions(6019);
    assert.deepEqual(debug.env, run.env);
    assert.deepEqual(debug.execArgv.slice(0, run.execArgv.length), run.execArgv);
    assert.ok(debug.execArgv.includes('--inspect=6019'));
    assert.ok(!run.execArgv.some((a) => a.startsWith('--inspect')));
  });
});

describe('server relaunch (started by another editor without the memory settings)', () => {
  const execve = (() => undefined) as unknown as OwnProcess['execve'];
  const own = (over: Partial<OwnProcess> = {}): OwnProcess => ({ execPath: '/n/node', execArgv: [], argv: ['/n/node', '/pkg/dist/server.js', '--stdio'], env: { PATH: '/bin' }, version: 'v24.0.0', execve, ...over });

  it('restarts in place with the missing flags before its own, the same script and arguments, and the missing environment added', () => {
    const plan = relaunchPlan(own({ execArgv: ['--enable-source-maps'] }));
    assert.equal(plan.kind, 'relaunch');
    if (plan.kind !== 'relaunch') return;
    assert.equal(plan.file, '/n/node');
    assert.deepEqual(plan.args, ['/n/node', ...serverProcessOptions().execArgv, '--enable-source-maps', '/pkg/dist/server.js', '--stdio']);
    assert.deepEqual(plan.env, { PATH: '/bin', ...serverProcessOptions().env, [RELAUNCHED]: '1' });
  });

  it('never restarts a restarted process (whatever its flags), nor for --version', () => {
    assert.deepEqual(relaunchPlan(own({ env: { [RELAUNCHED]: '1' } })), { kind: 'keep' });
    assert.deepEqual(relaunchPlan(own({ argv: ['/n/node', '/pkg/dist/server.js', '--version'] })), { kind: 'keep' });
  });

  it('keeps a process started with the settings: the restarted one, or one the VS Code client started', () => {
    const { execArgv, env } = serverProcessOptions();
    assert.deepEqual(relaunchPlan(own({ execArgv, env: { PATH: '/bin', ...env } })), { kind: 'keep' });
  });

  it('keeps values the user chose (flags, NODE_OPTIONS, environment) and adds only what is missing', () => {
    const mine = own({ execArgv: ['--max-semi-space-size=16'], env: { MALLOC_ARENA_MAX: '8' } });
    assert.deepEqual(missingSettings(mine.execArgv, mine.env), { execArgv: [], env: { MALLOC_MMAP_THRESHOLD_: serverProcessOptions().env.MALLOC_MMAP_THRESHOLD_ } });
    assert.deepEqual(missingSettings([], { NODE_OPTIONS: '--max-old-space-size=512 --max-semi-space-size=2' }).execArgv, []);
    const plan = relaunchPlan(mine);
    assert.ok(plan.kind === 'relaunch' && plan.env.MALLOC_ARENA_MAX === '8' && !plan.args.includes('--max-semi-space-size=4'));
  });

  it('keeps a process started over IPC (its channel would not survive a restart)', () => {
    assert.deepEqual(relaunchPlan(own({ env: { NODE_CHANNEL_FD: '3' } })), { kind: 'keep' });
  });

  it('without execve (Node before 22.15, Windows) runs as it is and says which settings it lacks', () => {
    const plan = relaunchPlan(own({ execve: undefined, version: 'v20.19.0' }));
    assert.equal(plan.kind, 'cannot');
    if (plan.kind !== 'cannot') return;
    assert.match(plan.note, /--max-semi-space-size=4/);
    assert.match(plan.note, /MALLOC_ARENA_MAX=2/);
    assert.match(plan.note, /v20\.19\.0/);
  });
});
