// The worker side of off-thread analysis, driven through a stand-in port: every request gets an
// answer, also when the answer cannot cross threads.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { MessagePort } from 'node:worker_threads';
import { resolveConfig } from '../../server/src/config/resolve';
import { serveAnalyses, type WorkerAnswer } from '../../server/src/analysis/worker';

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
    serveAnalyses(port as unknown as MessagePort);
    port.emit('message', JOB);
    const done = port.sent.find((a) => 'ok' in a && a.id === 1);
    assert.ok(done && 'ok' in done && done.ok, 'the job itself is answered');
    port.emit('message', { details: 1 });
    const details = port.sent.filter((a) => !('ok' in a) && 'details' in a && a.id === 1);
    assert.deepEqual(details, [{ id: 1, details: undefined }]);
  });

  it('answers a details request with the model and fixes of its last analysis', () => {
    const port = new RefusingPort(() => false);
    serveAnalyses(port as unknown as MessagePort);
    port.emit('message', JOB);
    port.emit('message', { details: 1 });
    const answer = port.sent.find((a) => !('ok' in a) && 'details' in a && a.id === 1) as { details?: { findings: Array<{ ruleId: string }> } };
    assert.ok(answer.details?.findings.some((f) => f.ruleId === 'no-hindsight-minimizer'));
  });
});
