// When the Follow-through panel draws its report, apart from how it draws it (no VS Code API here, so
// it is tested in Node): changes are debounced; a hidden panel draws nothing and remembers that it
// missed a change; one drawing at a time, and a change that arrives during a drawing asks for exactly
// one more after it, never cancels it (changes can come faster than a drawing over many postmortems
// ends, and cancelling each one would leave the panel empty). Because drawings never overlap, an
// older drawing can never land over a newer one.

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const REAL_TIMERS: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class RedrawSchedule {
  private timer: unknown;
  private drawing: Promise<void> | undefined;
  private again = false;
  private missed = false;
  private closed = false;

  constructor(
    /** One whole drawing; the schedule never starts a second before the first settles. */
    private readonly draw: () => Promise<void>,
    private readonly isVisible: () => boolean,
    private readonly delayMs: number,
    private readonly timers: Timers = REAL_TIMERS,
  ) {}

  /** Something the report shows changed: draw after a quiet moment, or when next shown if hidden. */
  changed(): void {
    this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    if (this.closed) return;
    if (!this.isVisible()) {
      this.missed = true;
      return;
    }
    this.missed = false;
    this.timer = this.timers.setTimeout(() => void this.drawNow().catch(() => undefined), this.delayMs);
  }

  /** The panel's visibility changed: catch up on a change it missed while hidden. */
  visibilityChanged(): void {
    if (this.isVisible() && this.missed) this.changed();
  }

  /** Draws now, or once more after the drawing in progress; resolves when a drawing that started after this call has ended. */
  drawNow(): Promise<void> {
    if (this.drawing) {
      this.again = true;
      return this.drawing.then(() => this.drawing ?? undefined);
    }
    const run = this.draw().finally(() => {
      this.drawing = undefined;
      if (!this.again || this.closed) return;
      this.again = false;
      void this.drawNow().catch(() => undefined);
    });
    this.drawing = run;
    return run;
  }

  /** The panel closed: no timer left behind, no further drawing. */
  close(): void {
    this.closed = true;
    this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
