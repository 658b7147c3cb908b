// Diagnostics to the client: pulled (textDocument/diagnostic) when the client can, else pushed a
// moment after the last edit. Never a stale version's findings over a newer one's.
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver';
import type { WireData } from '../features/diagnostics';
import { serverCancelled } from '../guard';
import type { HandlerContext } from './context';

const PUSH_DELAY_MS = 150;
/** How many times in a row a push without an answer is asked again, and the longest wait between. */
const MAX_RETRIES = 8;
const MAX_RETRY_DELAY_MS = 5000;

/**
 * Whether two reports show the user the same thing. The version in each diagnostic's data is left
 * out: code actions find their finding in the current analysis by range (features/codeActions.ts),
 * so a diagnostic the client keeps from an earlier, equal report still gets the current fix.
 */
export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.message !== y.message || x.code !== y.code || x.severity !== y.severity || x.source !== y.source) return false;
    const r = x.range;
    const q = y.range;
    if (r.start.line !== q.start.line || r.start.character !== q.start.character || r.end.line !== q.end.line || r.end.character !== q.end.character) return false;
    const [d, e] = [x.data as WireData | undefined, y.data as WireData | undefined];
    // The named text changed in place (same range): the client must get the new fingerprint, or its fix is withheld.
    if (d?.[1] !== e?.[1] || d?.[2] !== e?.[2]) return false;
  }
  return true;
}

export interface DiagnosticsChannel {
  /** The document changed (or opened): push its diagnostics soon, if the client does not pull. */
  schedule(uri: string): void;
  /** Everything may have changed (settings, a configuration file, a save under run: onSave). */
  refresh(uris?: string[]): void;
  /** The document closed: nothing more to publish. */
  closed(uri: string): void;
}

export function registerDiagnostics(ctx: HandlerContext): DiagnosticsChannel {
  const { connection, documents, service, guard } = ctx;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The last full report sent for each document, so an equal one can be answered "unchanged". */
  const reports = new Map<string, { resultId: string; items: Diagnostic[] }>();
  let nextResultId = 1;

  /** Push callbacks awaiting an answer, per document: while one is, another that got none need not ask again. */
  const inFlight = new Map<string, number>();
  /** Answers asked again in a row without one, per document: each waits twice as long as the last. */
  const retries = new Map<string, number>();

  const push = (uri: string, delay: number): void => {
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(guard.notification('Publishing diagnostics', async () => {
      timers.delete(uri);
      const version = documents.get(uri)?.version;
      inFlight.set(uri, (inFlight.get(uri) ?? 0) + 1);
      let diagnostics: Diagnostic[] | undefined;
      try {
        diagnostics = await service.diagnostics(uri, undefined, ctx.client.docsLinks === 'field');
      } finally {
        const left = (inFlight.get(uri) ?? 1) - 1;
        if (left > 0) inFlight.set(uri, left);
        else inFlight.delete(uri);
      }
      // Never publish a stale version's diagnostics over a newer one.
      const current = documents.get(uri);
      if (!current || current.version !== version) return;
      if (!diagnostics) {
        // No answer for the version still open (run: onSave's re-check of the saved text lost the
        // worker to another analysis): ask again, as a pulling client is told to, unless another
        // push for it is still waiting (its answer is the one to publish), later each time, and
        // not for ever (the next edit, save or refresh asks afresh).
        const retried = retries.get(uri) ?? 0;
        if (inFlight.has(uri) || timers.has(uri) || retried >= MAX_RETRIES) return;
        retries.set(uri, retried + 1);
        return push(uri, Math.min(PUSH_DELAY_MS * 2 ** (retried + 1), MAX_RETRY_DELAY_MS));
      }
      retries.delete(uri);
      await connection.sendDiagnostics({ uri, version, diagnostics });
    }), delay));
  };

  const schedule = (uri: string): void => {
    if (ctx.client.pull) return;
    retries.delete(uri);
    push(uri, PUSH_DELAY_MS);
  };

  // A keystroke inside a sentence usually leaves every finding where it was: the client is then told
  // "unchanged" instead of receiving (and decoding) the same hundreds of diagnostics again.
  connection.languages.diagnostics.on(guard.request('Diagnostics', { kind: 'full', items: [] } as DocumentDiagnosticReport, async (params, token): Promise<DocumentDiagnosticReport> => {
    const uri = params.textDocument.uri;
    const items = await service.diagnostics(uri, token, ctx.client.docsLinks === 'field');
    // A superseded or cancelled answer would be empty or misplaced: the client asks again.
    if (!items || token.isCancellationRequested) throw serverCancelled();
    const last = reports.get(uri);
    if (last && params.previousResultId === last.resultId && sameDiagnostics(last.items, items)) return { kind: 'unchanged', resultId: last.resultId };
    const resultId = String(nextResultId++);
    reports.set(uri, { resultId, items });
    return { kind: 'full', resultId, items };
  }));

  return {
    schedule,
    refresh(uris = documents.all().map((d) => d.uri)) {
      if (!ctx.client.pull) uris.forEach(schedule);
      else if (ctx.client.refreshDiagnostics) void connection.languages.diagnostics.refresh();
    },
    closed(uri) {
      clearTimeout(timers.get(uri));
      timers.delete(uri);
      retries.delete(uri);
      reports.delete(uri);
      if (!ctx.client.pull) void connection.sendDiagnostics({ uri, diagnostics: [] });
    },
  };
}
