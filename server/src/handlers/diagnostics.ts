// Diagnostics to the client: pulled (textDocument/diagnostic) when the client can, else pushed a
// moment after the last edit. Never a stale version's findings over a newer one's.
import type { Diagnostic } from 'vscode-languageserver';
import { serverCancelled } from '../guard';
import type { HandlerContext } from './context';

const PUSH_DELAY_MS = 150;

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

  const schedule = (uri: string): void => {
    if (ctx.client.pull) return;
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(guard.notification('Publishing diagnostics', async () => {
      timers.delete(uri);
      const version = documents.get(uri)?.version;
      const diagnostics = await service.diagnostics(uri);
      // Never publish a stale version's diagnostics over a newer one.
      const current = documents.get(uri);
      if (!diagnostics || !current || current.version !== version) return;
      await connection.sendDiagnostics({ uri, version, diagnostics });
    }), PUSH_DELAY_MS));
  };

  connection.languages.diagnostics.on(guard.request('Diagnostics', { kind: 'full' as const, items: [] as Diagnostic[] }, async (params, token) => {
    const items = await service.diagnostics(params.textDocument.uri, token);
    // A superseded or cancelled answer would be empty or misplaced: the client asks again.
    if (!items || token.isCancellationRequested) throw serverCancelled();
    return { kind: 'full' as const, items };
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
      if (!ctx.client.pull) void connection.sendDiagnostics({ uri, diagnostics: [] });
    },
  };
}
