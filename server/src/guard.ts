// Isolates every handler: a failure in one request, notification or background task is logged once,
// told to the user once, and answered with a neutral result. It never takes the server down, since
// an editor that sees the server crash a few times stops restarting it.
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';

export interface GuardOutput {
  log(message: string): void;
  /** Shows a message to the user (the caller makes sure each is shown once). */
  tell(message: string): void;
}

/** Thrown by a handler whose answer would describe an outdated version: the client asks again. */
export function serverCancelled(): ResponseError<{ retriggerRequest: boolean }> {
  return new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed while it was being analysed.', { retriggerRequest: true });
}

export class Guard {
  private readonly seen = new Set<string>();

  constructor(private readonly out: GuardOutput) {}

  /** Reports a failure once per place and message. */
  report(where: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    const key = `${where}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.out.log(`${where} failed: ${error instanceof Error && error.stack ? error.stack : message}`);
    this.out.tell(`${where} failed (${message}). The server keeps running; the log has details.`);
  }

  /** Wraps a request handler: failures answer `fallback`; a ResponseError (cancellation) passes through. */
  request<P extends unknown[], R>(where: string, fallback: R, handler: (...params: P) => R | Promise<R>): (...params: P) => Promise<R> {
    return async (...params: P) => {
      try {
        return await handler(...params);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        this.report(where, error);
        return fallback;
      }
    };
  }

  /** Wraps a notification handler or background task: failures are reported, never thrown. */
  notification<P extends unknown[]>(where: string, handler: (...params: P) => unknown): (...params: P) => void {
    return (...params: P) => {
      try {
        const result = handler(...params);
        if (result instanceof Promise) result.catch((error: unknown) => this.report(where, error));
      } catch (error) {
        this.report(where, error);
      }
    };
  }
}

/** Where process-level failures come from: Node's `process` (an interface, so tests can emit them). */
export interface FailureSource {
  on(event: 'uncaughtException' | 'unhandledRejection', listener: (error: unknown) => void): unknown;
}

/** A listener that reports to the guard once per failure, and never throws: a listener that threw would end the process. */
function backgroundFailures(guard: Guard): (error: unknown) => void {
  return (error: unknown) => {
    try {
      guard.report('A background task', error);
    } catch {
      // The connection is gone: there is no one left to tell.
    }
  };
}

/**
 * The last line of defence: a failure no handler caught (a timer, a library callback) goes through the
 * guard's report-once path like a handler's, so a timer that fails every second logs one line and
 * shows one message, not one each time.
 */
export function reportProcessFailures(source: FailureSource, guard: Guard): void {
  const report = backgroundFailures(guard);
  source.on('uncaughtException', report);
  source.on('unhandledRejection', report);
}

/** The failure events of a web worker's global scope, as reportWorkerFailures reads them (the server is compiled without DOM types). */
export interface WorkerFailureEvent {
  /** `error` events: what was thrown (missing for a script error the browser hides), and its message. */
  error?: unknown;
  message?: string;
  /** `unhandledrejection` events: why the promise was rejected. */
  reason?: unknown;
  preventDefault(): void;
}

/** Where a web worker's uncaught failures come from: its global scope (an interface, so tests can dispatch them). */
export interface WorkerFailureSource {
  addEventListener(type: 'error' | 'unhandledrejection', listener: (event: WorkerFailureEvent) => void): void;
}

/**
 * The web server's last line of defence, as reportProcessFailures is Node's: an uncaught error or an
 * unhandled rejection in the worker is reported once through the guard, and marked handled
 * (preventDefault), so the browser does not report it again to the page that started the worker.
 */
export function reportWorkerFailures(scope: WorkerFailureSource, guard: Guard): void {
  const report = backgroundFailures(guard);
  scope.addEventListener('error', (event) => {
    event.preventDefault();
    report(event.error ?? event.message ?? 'an uncaught error');
  });
  scope.addEventListener('unhandledrejection', (event) => {
    event.preventDefault();
    report(event.reason);
  });
}
