// The guard (server/src/guard.ts) isolates handlers: a failure is answered with the fallback, logged
// once and told to the user once, however often it happens; a cancellation passes through untouched.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { Guard, reportProcessFailures, reportWorkerFailures, serverCancelled, type WorkerFailureSource } from '../../server/src/guard';

function recorded(): { guard: Guard; logs: string[]; told: string[] } {
  const logs: string[] = [];
  const told: string[] = [];
  return { guard: new Guard({ log: (m) => logs.push(m), tell: (m) => told.push(m) }), logs, told };
}

describe('the handler guard', () => {
  it('a request handler that throws twice answers the fallback both times, with one log line and one message', async () => {
    const { guard, logs, told } = recorded();
    let calls = 0;
    const handler = guard.request('Hover', 'fallback', (): string => {
      calls++;
      throw new Error('the tree was not there');
    });
    assert.equal(await handler(), 'fallback');
    assert.equal(await handler(), 'fallback');
    assert.equal(calls, 2, 'the handler ran both times');
    assert.equal(logs.length, 1, logs.join('\n'));
    assert.match(logs[0], /^Hover failed: Error: the tree was not there/);
    assert.deepEqual(told, ['Hover failed (the tree was not there). The server keeps running; the log has details.']);
  });

  it('an async request handler that rejects is answered the same way', async () => {
    const { guard, logs, told } = recorded();
    const handler = guard.request('Outline', null, async () => Promise.reject(new Error('no outline')));
    assert.equal(await handler(), null);
    assert.equal(await handler(), null);
    assert.equal(logs.length, 1);
    assert.equal(told.length, 1);
  });

  it('a different failure in the same place is reported too, once', async () => {
    const { guard, logs, told } = recorded();
    let message = 'first';
    const handler = guard.request('Code actions', [], (): never[] => {
      throw new Error(message);
    });
    await handler();
    message = 'second';
    await handler();
    await handler();
    assert.equal(logs.length, 2, logs.join('\n'));
    assert.deepEqual(told.map((m) => /\((\w+)\)/.exec(m)?.[1]), ['first', 'second']);
  });

  it('a cancellation (ResponseError) reaches the client as it was thrown, not as the fallback, and is not reported', async () => {
    const { guard, logs, told } = recorded();
    const handler = guard.request('Diagnostics', { items: [] }, (): never => {
      throw serverCancelled();
    });
    await assert.rejects(handler(), (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.ServerCancelled && (error.data as { retriggerRequest: boolean }).retriggerRequest === true);
    await assert.rejects(handler(), ResponseError);
    assert.deepEqual([logs, told], [[], []]);
  });

  it('a notification handler that throws, or whose promise rejects, never throws to its caller and is reported once', async () => {
    const { guard, logs, told } = recorded();
    const sync = guard.notification('Saving', () => {
      throw new Error('disk gone');
    });
    assert.doesNotThrow(() => sync());
    assert.doesNotThrow(() => sync());
    const later = guard.notification('Indexing', () => Promise.reject(new Error('folder gone')));
    later();
    later();
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(logs.map((l) => l.split(':')[0]), ['Saving failed', 'Indexing failed']);
    assert.equal(told.length, 2);
  });

  it('process-level failures (uncaught exceptions, unhandled rejections) go through the same once-only report', () => {
    const { guard, logs, told } = recorded();
    const process = new EventEmitter();
    reportProcessFailures(process, guard);
    const timerFailure = new Error('the timer read a closed document');
    for (let tick = 0; tick < 3; tick++) process.emit('uncaughtException', timerFailure);
    process.emit('unhandledRejection', 'a reason that is not an Error');
    process.emit('unhandledRejection', 'a reason that is not an Error');
    assert.equal(logs.length, 2, logs.join('\n'));
    assert.match(logs[0], /the timer read a closed document/);
    assert.deepEqual(told, [
      'A background task failed (the timer read a closed document). The server keeps running; the log has details.',
      'A background task failed (a reason that is not an Error). The server keeps running; the log has details.',
    ]);
  });

  it('a process-level failure while the connection is gone does not throw out of the listener (that would end the process)', () => {
    const guard = new Guard({ log: () => { throw new Error('connection closed'); }, tell: () => undefined });
    const process = new EventEmitter();
    reportProcessFailures(process, guard);
    assert.doesNotThrow(() => process.emit('uncaughtException', new Error('late timer')));
  });

  /** A web worker's failure event as the browser dispatches it: cancelable, carrying what was thrown or the rejection's reason. */
  function failureEvent(type: 'error' | 'unhandledrejection', detail: { error?: unknown; message?: string; reason?: unknown }): Event {
    return Object.assign(new Event(type, { cancelable: true }), detail);
  }

  it("a web worker's uncaught errors and unhandled rejections go through the same once-only report, and are marked handled", () => {
    const { guard, logs, told } = recorded();
    const scope = new EventTarget();
    reportWorkerFailures(scope as unknown as WorkerFailureSource, guard);
    const timerFailure = new Error('the timer read a closed document');
    const errors = [0, 1, 2].map(() => failureEvent('error', { error: timerFailure, message: `Uncaught Error: ${timerFailure.message}` }));
    const rejections = [0, 1].map(() => failureEvent('unhandledrejection', { reason: 'a reason that is not an Error' }));
    for (const event of [...errors, ...rejections]) scope.dispatchEvent(event);
    assert.equal(logs.length, 2, logs.join('\n'));
    assert.match(logs[0], /the timer read a closed document/);
    assert.deepEqual(told, [
      'A background task failed (the timer read a closed document). The server keeps running; the log has details.',
      'A background task failed (a reason that is not an Error). The server keeps running; the log has details.',
    ]);
    assert.ok([...errors, ...rejections].every((event) => event.defaultPrevented), 'each failure is marked handled, so the browser does not report it again');
  });

  it("a web worker's error that hides what was thrown (a script error) is reported by its message", () => {
    const { guard, told } = recorded();
    const scope = new EventTarget();
    reportWorkerFailures(scope as unknown as WorkerFailureSource, guard);
    scope.dispatchEvent(failureEvent('error', { message: 'Script error.' }));
    assert.deepEqual(told, ['A background task failed (Script error.). The server keeps running; the log has details.']);
  });

  it("a web worker's failure while the connection is gone does not throw out of the listener", async () => {
    const guard = new Guard({ log: () => { throw new Error('connection closed'); }, tell: () => undefined });
    const scope = new EventTarget();
    reportWorkerFailures(scope as unknown as WorkerFailureSource, guard);
    const late = failureEvent('unhandledrejection', { reason: new Error('late timer') });
    // Node's EventTarget throws a listener's exception on the next tick, as an uncaught exception
    // (a browser reports it likewise, to the worker's error event): watch for it until then.
    const escaped: unknown[] = [];
    const watch = (error: unknown) => escaped.push(error);
    const mochas = process.listeners('uncaughtException');
    process.removeAllListeners('uncaughtException');
    process.on('uncaughtException', watch);
    try {
      scope.dispatchEvent(late);
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('uncaughtException', watch);
      for (const listener of mochas) process.on('uncaughtException', listener);
    }
    assert.deepEqual(escaped, []);
    assert.ok(late.defaultPrevented);
  });
});
