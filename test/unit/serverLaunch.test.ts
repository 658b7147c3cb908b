import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { serverProcessOptions } from '../../server/src/serverLaunch';

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
