// The Follow-through panel's schedule, without VS Code: fake timers and drawings that end when the
// test says, so the order of events is exact and nothing waits on the clock.
import assert from 'node:assert/strict';
import { RedrawSchedule, type Timers } from '../../client/src/report/redrawSchedule';

class FakeTimers implements Timers {
  private next = 1;
  readonly pending = new Map<number, () => void>();
  setTimeout(run: () => void): unknown {
    const id = this.next++;
    this.pending.set(id, run);
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  /** Runs every timer due now (the delay has passed). */
  fire(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    due.forEach((run) => run());
  }
}

/** Drawings that end when the test calls finish(); each records the generation of data it read. */
class Drawings {
  started = 0;
  shown: number[] = [];
  /** The data's generation: bumped by the test for each change. */
  generation = 0;
  private ends: Array<() => void> = [];
  draw = (): Promise<void> => {
    this.started++;
    const read = this.generation;
    return new Promise<void>((resolve) => this.ends.push(() => {
      this.shown.push(read);
      resolve();
    }));
  };
  get running(): number {
    return this.ends.length;
  }
  /** Ends the oldest drawing and lets the promise callbacks after it run. */
  async finish(): Promise<void> {
    this.ends.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function setUp(visible = true) {
  const timers = new FakeTimers();
  const drawings = new Drawings();
  const state = { visible };
  const schedule = new RedrawSchedule(drawings.draw, () => state.visible, 500, timers);
  return { timers, drawings, state, schedule };
}

describe('Follow-through redraw schedule', () => {
  it('debounces: several changes in a row draw once, after the delay', () => {
    const { timers, drawings, schedule } = setUp();
    schedule.changed();
    schedule.changed();
    schedule.changed();
    assert.equal(drawings.started, 0, 'nothing before the delay');
    assert.equal(timers.pending.size, 1);
    timers.fire();
    assert.equal(drawings.started, 1);
  });

  it('a change during a drawing schedules exactly one more drawing, after it, not beside it', async () => {
    const { timers, drawings, schedule } = setUp();
    void schedule.drawNow();
    for (let i = 0; i < 3; i++) {
      drawings.generation++;
      schedule.changed();
      timers.fire();
    }
    assert.equal(drawings.started, 1, 'never two at once');
    assert.equal(drawings.running, 1);
    await drawings.finish();
    assert.equal(drawings.started, 2, 'one more for all the changes');
    await drawings.finish();
    assert.equal(drawings.started, 2, 'and no further one');
    assert.equal(timers.pending.size, 0);
  });

  it('a hidden panel draws nothing, and draws once when it is shown again', async () => {
    const { timers, drawings, state, schedule } = setUp(false);
    schedule.changed();
    schedule.changed();
    assert.equal(timers.pending.size, 0, 'no timer while hidden');
    schedule.visibilityChanged();
    assert.equal(timers.pending.size, 0, 'still hidden');
    state.visible = true;
    schedule.visibilityChanged();
    timers.fire();
    assert.equal(drawings.started, 1);
    schedule.visibilityChanged();
    assert.equal(timers.pending.size, 0, 'shown again with nothing missed: no drawing');
  });

  it('a panel hidden after a change was scheduled does not draw for it until shown', () => {
    const { timers, drawings, state, schedule } = setUp();
    schedule.changed();
    state.visible = false;
    schedule.changed();
    timers.fire();
    assert.equal(drawings.started, 0);
  });

  it('the newer generation\'s drawing is the one left on the panel', async () => {
    const { drawings, schedule } = setUp();
    const first = schedule.drawNow();
    drawings.generation = 1;
    const second = schedule.drawNow();
    await drawings.finish();
    await first;
    await drawings.finish();
    await second;
    assert.deepEqual(drawings.shown, [0, 1], 'the older drawing lands first, the newer one last');
  });

  it('drawNow during a drawing resolves only after a drawing that started after the call', async () => {
    const { drawings, schedule } = setUp();
    void schedule.drawNow();
    let resolved = false;
    void schedule.drawNow().then(() => {
      resolved = true;
    });
    await drawings.finish();
    assert.equal(resolved, false, 'the drawing in progress started before the call');
    await drawings.finish();
    assert.equal(resolved, true);
  });

  it('once closed: the pending timer is gone and a change asked for during a drawing is not drawn', async () => {
    const { timers, drawings, schedule } = setUp();
    void schedule.drawNow();
    schedule.changed();
    timers.fire();
    schedule.changed();
    schedule.close();
    assert.equal(timers.pending.size, 0);
    await drawings.finish();
    assert.equal(drawings.started, 1);
    schedule.changed();
    assert.equal(timers.pending.size, 0);
  });

  it('a failed drawing does not stop the next one', async () => {
    const timers = new FakeTimers();
    let calls = 0;
    const schedule = new RedrawSchedule(() => (++calls === 1 ? Promise.reject(new Error('server stopped')) : Promise.resolve()), () => true, 500, timers);
    await assert.rejects(schedule.drawNow());
    await schedule.drawNow();
    assert.equal(calls, 2);
  });
});
