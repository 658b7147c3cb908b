// The analysis host sends a document's worker one job at a time. Versions typed while the worker is
// on a superseded job wait on the host's side, where a newer one replaces them: only the newest is
// ever sent, so no outdated version is parsed to the end. Driven through a stand-in worker script
// that speaks the analysis worker's protocol and reports each job it begins.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BroadcastChannel } from 'node:worker_threads';
import { AnalysisHost, type Outcome } from '../../server/src/analysis/host';
import { resolveConfig } from '../../server/src/config/resolve';

const URI = 'file:///ws/postmortems/queue.md';
const NOW = new Date('2026-11-30T12:00:00Z');

/**
 * Begins each job it is sent (announcing its text on the `began` channel) and answers at once with
 * no findings, except a job whose text starts with "hold": that one is answered only when its text
 * is posted on the `release` channel, as a long parse holds a real worker. While it holds a job it
 * says so on the `alive` channel every 20 ms, until it is released or terminated.
 */
const STAND_IN = `
const { parentPort, BroadcastChannel } = require('node:worker_threads');
const began = new BroadcastChannel(process.env.CHANNEL_BEGAN ?? '');
const release = new BroadcastChannel(process.env.CHANNEL_RELEASE ?? '');
const alive = new BroadcastChannel(process.env.CHANNEL_ALIVE ?? '');
const held = new Map();
setInterval(() => { for (const text of held.keys()) alive.postMessage(text); }, 20);
release.onmessage = ({ data }) => { held.get(data)?.(); held.delete(data); };
parentPort.on('message', (job) => {
  if (typeof job.text !== 'string') return;
  parentPort.postMessage({ id: job.id, started: true });
  began.postMessage(job.text);
  const answer = () => parentPort.postMessage({ id: job.id, ok: true, findings: [], errors: [], notices: [] });
  if (job.text.startsWith('hold')) held.set(job.text, answer); else answer();
});
`;

describe('analysis host: one job per worker at a time (stand-in worker)', function () {
  this.timeout(20_000);
  let dir: string;
  let host: AnalysisHost;
  let began: BroadcastChannel;
  let release: BroadcastChannel;
  let alive: BroadcastChannel;
  let ticks = 0;
  const seen: string[] = [];
  const waiting = new Map<string, () => void>();

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'postmortem-host-'));
    writeFileSync(join(dir, 'standIn.cjs'), STAND_IN);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  beforeEach(function () {
    // Channels of this test only: the stand-in reads their names from its environment.
    const names = { began: `began-${process.pid}-${this.currentTest?.title}`, release: `release-${process.pid}-${this.currentTest?.title}`, alive: `alive-${process.pid}-${this.currentTest?.title}` };
    process.env.CHANNEL_BEGAN = names.began;
    process.env.CHANNEL_RELEASE = names.release;
    process.env.CHANNEL_ALIVE = names.alive;
    alive = new BroadcastChannel(names.alive);
    alive.onmessage = () => ticks++;
    began = new BroadcastChannel(names.began);
    release = new BroadcastChannel(names.release);
    seen.length = 0;
    began.onmessage = (event) => {
      const text = String((event as { data: unknown }).data);
      seen.push(text);
      waiting.get(text)?.();
    };
    // A budget far past the test's length: what is tested is which jobs are sent, not the budget.
    host = new AnalysisHost(join(dir, 'standIn.cjs'), 60_000, 0);
  });
  afterEach(() => {
    host.dispose();
    began.close();
    release.close();
    alive.close();
  });

  /** Resolves once the stand-in began a job with this text. */
  const begun = (text: string) => new Promise<void>((resolve) => (seen.includes(text) ? resolve() : waiting.set(text, resolve)));

  /** Five keystrokes typed while the worker is on version 1: versions 2-6, each superseding the last. */
  async function typeWhileBusy(): Promise<{ first: Promise<Outcome>; later: Array<Promise<Outcome>> }> {
    let current = 1;
    const config = resolveConfig([]);
    const first = host.run(URI, 'hold version 1', config, NOW, () => current !== 1);
    await begun('hold version 1');
    const later = [2, 3, 4, 5, 6].map((version) => {
      current = version;
      return host.run(URI, `version ${version}`, config, NOW, () => current !== version);
    });
    return { first, later };
  }

  it('sends only the newest of the versions typed while the worker was busy', async () => {
    const { first, later } = await typeWhileBusy();
    const replaced = await Promise.all(later.slice(0, -1));
    assert.deepEqual(replaced.map((o) => o.kind), ['stale', 'stale', 'stale', 'stale'], 'each replaced version answers at once, before the worker is free');
    release.postMessage('hold version 1');
    assert.equal((await first).kind, 'stale');
    assert.equal((await later[4]).kind, 'done');
    await begun('version 6');
    assert.deepEqual(seen, ['hold version 1', 'version 6']);
  });

  it('a job given up by polling (no newer version ever comes) has its worker stopped once it outlives a cold start', async () => {
    let wanted = true;
    const outcome = host.run(URI, 'hold the only version', resolveConfig([]), NOW, () => !wanted);
    await begun('hold the only version');
    // The version is no longer wanted (its requests were cancelled; the next one is over the size limit).
    wanted = false;
    assert.equal((await outcome).kind, 'stale');
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    // Well past a cold start of the stand-in (the host keeps a superseded job at least 300 ms)...
    await pause(2000);
    const before = ticks;
    await pause(500);
    // ...the worker no longer runs the job: it was terminated.
    assert.equal(ticks, before, 'the stand-in is still on the superseded job');
  });

  it('a version waiting behind a runaway job is analysed on a fresh worker when the runaway is stopped', async () => {
    // Version 1 is never released: it outlives what a cold start costs, so its worker is terminated.
    const { later } = await typeWhileBusy();
    assert.equal((await later[4]).kind, 'done');
    await begun('version 6');
    assert.deepEqual(seen, ['hold version 1', 'version 6']);
  });
});
