// The worker side of off-thread analysis, driven through a stand-in port: every request gets an
// answer, also when the answer cannot cross threads.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { MessagePort } from 'node:worker_threads';
import { resolveConfig } from '../../server/src/config/resolve';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { answerQuery, unpackSymbols, type PackedSymbols } from '../../server/src/features/queries';
import { serveAnalyses, type FindingHeadline, type WorkerAnswer } from '../../server/src/analysis/worker';
import { HeadlineUnpacker } from '../../server/src/analysis/headlines';
import { analyze } from '../../server/src/engine/analyze';
import { symbolsOf } from '../../server/src/features/symbols';

/** A port whose postMessage refuses answers that carry details, as the structured clone refuses a value it cannot copy. */
class RefusingPort extends EventEmitter {
  readonly sent: WorkerAnswer[] = [];
  constructor(private readonly refuse: (answer: WorkerAnswer) => boolean) {
    super();
  }
  postMessage(answer: WorkerAnswer): void {
    if (this.refuse(answer)) throw new Error('could not be cloned');
    this.sent.push(answer);
  }
}

const JOB = { id: 1, text: '# Outage postmortem\n\n## Summary\n\nObviously the queue filled up.\n', config: resolveConfig([]), now: Date.parse('2026-11-30T12:00:00Z') };

describe('analysis worker (stand-in port)', function () {
  this.timeout(20_000);

  it('answers a details request with "none" when the details cannot be sent, so no feature waits forever', () => {
    const port = new RefusingPort((a) => 'details' in a && a.details !== undefined && !('ok' in a));
    serveAnalyses(port as unknown as MessagePort, answerQuery);
    port.emit('message', JOB);
    const done = port.sent.find((a) => 'ok' in a && a.id === 1);
    assert.ok(done && 'ok' in done && done.ok, 'the job itself is answered');
    port.emit('message', { details: 1 });
    const details = port.sent.filter((a) => !('ok' in a) && 'details' in a && a.id === 1);
    assert.deepEqual(details, [{ id: 1, details: undefined }]);
  });

  it('answers a details request with the model and fixes of its last analysis', () => {
    const port = new RefusingPort(() => false);
    serveAnalyses(port as unknown as MessagePort, answerQuery);
    port.emit('message', JOB);
    port.emit('message', { details: 1 });
    const answer = port.sent.find((a) => !('ok' in a) && 'details' in a && a.id === 1) as { details?: { findings: Array<{ ruleId: string }> } };
    assert.ok(answer.details?.findings.some((f) => f.ruleId === 'no-hindsight-minimizer'));
  });

  it('a job given up (the shared word past its id) before it begins is answered abandoned, never analysed; the last analysis stays', () => {
    const port = new RefusingPort(() => false);
    serveAnalyses(port as unknown as MessagePort, answerQuery);
    const word = new Int32Array(new SharedArrayBuffer(4));
    port.emit('message', { firstWanted: word });
    port.emit('message', JOB);
    Atomics.store(word, 0, 3);
    port.emit('message', { ...JOB, id: 2, text: `${JOB.text}\nBob broke it.\n` });
    assert.deepEqual(port.sent.filter((a) => a.id === 2), [{ id: 2, abandoned: true }]);
    port.emit('message', { details: 1 });
    const details = port.sent.at(-1) as { details?: unknown };
    assert.ok(details.details, 'the details of the last analysis answered are still there');
  });

  it('a job given up while it runs stops at its next step, answers abandoned, and the next answer still unpacks against the last one the host got', () => {
    const unpacker = new HeadlineUnpacker();
    const word = new Int32Array(new SharedArrayBuffer(4));
    const port = new RefusingPort(() => false);
    const got: FindingHeadline[][] = [];
    port.postMessage = (answer: WorkerAnswer) => {
      port.sent.push(answer);
      // The host gives job 2 up as soon as it begins (a newer version, job 3, arrived).
      if ('started' in answer && answer.id === 2) Atomics.store(word, 0, 3);
      if ('ok' in answer && answer.ok) got.push(unpacker.unpack({ fresh: answer.findings, plan: answer.reused }));
    };
    serveAnalyses(port as unknown as MessagePort, answerQuery);
    port.emit('message', { firstWanted: word });
    const base = `${JOB.text}\n## Action items\n\n- [ ] Add an alert. Due: 2026-12-15\n`;
    port.emit('message', { ...JOB, text: base });
    port.emit('message', { ...JOB, id: 2, text: `${base}\nObviously it was simple.\n` });
    assert.deepEqual(port.sent.filter((a) => a.id === 2), [{ id: 2, started: true }, { id: 2, abandoned: true }]);
    const newest = `Summary first.\n\n${base}`;
    port.emit('message', { ...JOB, id: 3, text: newest });
    assert.equal(got.length, 2, 'jobs 1 and 3 answered');
    const expected = analyze(newest, { config: JOB.config, now: new Date(JOB.now) }).findings;
    assert.deepEqual(got[1].map((f) => [f.ruleId, f.start, f.end]), expected.map((f) => [f.ruleId, f.start, f.end]));
  });

  it('answers a pick with only the fixes asked for and the front matter\'s extent, never the model', () => {
    const port = new RefusingPort(() => false);
    serveAnalyses(port as unknown as MessagePort, answerQuery);
    const text = `---\ntitle: Queue outage\n---\n\n${JOB.text}\n## Action items\n\n- [ ] Add an alert. Due: 2026-12-15\n- [ ] Add a dashboard. Due: 2026-12-15\n`;
    port.emit('message', { ...JOB, text });
    const done = port.sent.find((a) => 'ok' in a && a.ok) as { findings: Array<{ ruleId: string }> };
    const hindsight = done.findings.findIndex((f) => f.ruleId === 'no-hindsight-minimizer');
    const owners = done.findings.flatMap((f, i) => (f.ruleId === 'action-item-owner' ? [i] : []));
    assert.ok(hindsight >= 0 && owners.length === 2, JSON.stringify(done.findings));
    port.emit('message', { details: 1, request: 7, pick: { findings: [hindsight], rules: ['action-item-owner'], allFixes: false } });
    const answer = port.sent.find((a) => 'picked' in a) as { id: number; request: number; picked: { frontMatter?: unknown; fixes: Array<[number, { fix?: unknown; suggestions?: unknown[] }]> } };
    assert.equal(answer.request, 7);
    assert.ok(!('model' in answer.picked));
    assert.deepEqual(answer.picked.frontMatter, { start: 0, end: text.indexOf('---', 3) + 3 });
    assert.deepEqual(answer.picked.fixes.map(([i]) => i).sort(), [hindsight, ...owners].sort());
    assert.ok(answer.picked.fixes.find(([i]) => i === hindsight)?.[1].suggestions?.length);
    assert.ok(owners.every((i) => answer.picked.fixes.find(([j]) => j === i)?.[1].fix));
    port.emit('message', { details: 99, request: 8, pick: { findings: [0], rules: [], allFixes: true } });
    assert.deepEqual(port.sent.at(-1), { id: 99, request: 8, picked: undefined }, 'an analysis the worker no longer holds picks nothing');
  });

  it('answers a feature query with the feature\'s result made here, never the model', () => {
    const port = new RefusingPort(() => false);
    serveAnalyses(port as unknown as MessagePort, answerQuery);
    const text = `${JOB.text}\n## Action items\n\n- [ ] Add an alert. Due: 2026-12-15\n`;
    port.emit('message', { ...JOB, text });
    port.emit('message', { details: 1, request: 5, query: { kind: 'symbols' } });
    const answer = port.sent.find((a) => 'answered' in a) as { id: number; request: number; answered: PackedSymbols };
    assert.equal(answer.request, 5);
    assert.ok(answer.answered.numbers instanceof Int32Array, 'symbols cross packed, not as thousands of small objects');
    const symbols = unpackSymbols(answer.answered);
    // Packed and unpacked, they are exactly the symbols the feature makes.
    const document = TextDocument.create('file:///t.md', 'markdown', 1, text);
    assert.deepEqual(symbols, symbolsOf(document, analyze(text, { config: JOB.config, now: new Date(JOB.now) }).model));
    const title = symbols[0];
    assert.deepEqual(title.children!.map((s) => s.name), ['Summary', 'Action items']);
    assert.deepEqual(title.children![1].children!.map((s) => s.name), ['Add an alert. Due: 2026-12-15']);
    assert.deepEqual(title.children![1].range, { start: { line: 6, character: 0 }, end: { line: 9, character: 0 } });
    port.emit('message', { details: 99, request: 6, query: { kind: 'codeLenses', now: JOB.now } });
    assert.deepEqual(port.sent.at(-1), { id: 99, request: 6, answered: undefined }, 'an analysis the worker no longer holds answers nothing');
  });
});
