// run: onSave re-checks the saved text when the tracker states change, on the document's own worker,
// where any newer analysis retires the one in progress. Answers that need the same re-check share it
// (else two answers close together take the worker from each other for ever), and a re-check that
// a save overtook never puts the old text's findings back.
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import type { AnalysisHost, Outcome } from '../../server/src/analysis/host';
import { answerQuery } from '../../server/src/features/queries';
import { pickDetails } from '../../server/src/analysis/worker';
import type { ResolvedConfig } from '../../server/src/config/types';
import { analyze } from '../../server/src/engine/analyze';
import type { HandlerContext } from '../../server/src/handlers/context';
import { registerDiagnostics } from '../../server/src/handlers/diagnostics';
import { PostmortemService } from '../../server/src/service/languageService';
import { MemoryDocuments } from '../helpers/memoryDocuments';
import { stateLookup } from '../../server/src/trackers/lookup';
import type { TrackerState } from '../../server/src/trackers/types';
import { memoryFileSystem } from '../helpers/memoryFileSystem';

const DOC = 'file:///ws/postmortems/outage.md';
const NOW = new Date('2026-11-29T12:00:00Z');
const TRACKED = [
  '# Postmortem: search outage', '', '## Summary', '', 'Search returned errors for 40 minutes.', '', '## Root cause', '',
  'Bob forgot to run the migration.', '', '## Action items', '', '- [x] Add a canary. Owner: @dana. Due: 2026-12-01. octo/app#1', '',
].join('\n');
const SAVED_LATER = TRACKED.replace('Bob forgot to run the migration.', 'The migration did not run.');

/**
 * Analyses in this thread as the worker does, one job per document at a time: a new job retires the
 * one in progress (it answers 'stale'). A job whose text is `slow` takes longer than the pause before
 * a push, as a large document's does.
 */
function retiringHost() {
  const runs: string[] = [];
  const running = new Map<string, (how: 'retired' | 'go') => void>();
  let slow: string | undefined;
  const host = {
    setLog: () => undefined, forget: () => undefined, dispose: () => undefined,
    async run(uri: string, text: string, config: ResolvedConfig, now: Date, stale: () => boolean, states?: Record<string, TrackerState>): Promise<Outcome> {
      runs.push(text);
      running.get(uri)?.('retired');
      const how = await new Promise<'retired' | 'go'>((resolve) => {
        running.set(uri, resolve);
        if (text === slow) setTimeout(() => resolve('go'), 400);
        else setImmediate(() => resolve('go'));
      });
      if (running.get(uri)) running.delete(uri);
      if (how === 'retired' || stale()) return { kind: 'stale' };
      const analysis = analyze(text, { config, now, trackerState: states && stateLookup(states, config.trackers ?? {}) });
      const details = { model: analysis.model, findings: analysis.findings };
      const findings = analysis.findings.map(({ fix: _fix, suggestions: _suggestions, ...rest }) => rest);
      return { kind: 'done', analysis: { text, findings, errors: analysis.errors, notices: analysis.notices, details: async () => details, pick: async (pick) => pickDetails(details, pick), query: async (query) => answerQuery(text, details, query) } };
    },
  };
  return {
    host: host as unknown as AnalysisHost,
    runs,
    slowly: (text: string) => (slow = text),
  };
}


/**
 * An onSave service whose saved text (TRACKED) was opened, then edited to `edited`, and whose
 * tracker now reads the canary's issue as open; with the diagnostics shown after each step.
 */
async function editedAfterSave(edited = `typed\n${TRACKED}`) {
  const worker = retiringHost();
  const documents = new MemoryDocuments();
  const service = new PostmortemService(documents, { fs: memoryFileSystem({}), now: () => NOW, analysisHost: worker.host, settings: async () => ({ run: 'onSave' }) });
  let states: Record<string, TrackerState> = {};
  service.useTrackerStates(() => states);
  documents.set(DOC, TRACKED);
  const opened = await service.diagnostics(DOC);
  documents.set(DOC, edited);
  const edits = await service.diagnostics(DOC);
  states = { 'github:octo/app#1': { state: 'open' } };
  return { worker, documents, service, opened, edits };
}

const codes = (diagnostics: Diagnostic[] | undefined, code: string) => (diagnostics ?? []).filter((d) => d.code === code).length;
const turns = async (done: () => boolean) => {
  for (let i = 0; i < 300 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('run: onSave re-check shared and kept in order', function () {
  this.timeout(20_000);

  it('two answers asked together share one re-check of the saved text, and both get it', async () => {
    const { worker, service } = await editedAfterSave();
    service.trackerStatesChanged();
    worker.runs.length = 0;
    const [first, second] = await Promise.all([service.diagnostics(DOC), service.diagnostics(DOC)]);
    assert.equal(codes(first, 'action-item-drift'), 1);
    assert.equal(codes(second, 'action-item-drift'), 1);
    assert.equal(worker.runs.filter((t) => t === TRACKED).length, 1);
  });

  it('pushed diagnostics after two refreshes close together end in one push, after a bounded number of analyses', async () => {
    const { worker, documents, service } = await editedAfterSave();
    const sent: Diagnostic[][] = [];
    const ctx = {
      connection: {
        sendDiagnostics: async (p: { diagnostics: Diagnostic[] }) => void sent.push(p.diagnostics),
        languages: { diagnostics: { on: () => undefined, refresh: async () => undefined } },
      },
      documents,
      service,
      guard: { notification: <T extends unknown[]>(_where: string, fn: (...args: T) => unknown) => fn, request: <T extends unknown[]>(_where: string, _fallback: unknown, fn: (...args: T) => unknown) => fn },
      client: { pull: false },
      folders: [],
    } as unknown as HandlerContext;
    const channel = registerDiagnostics(ctx);
    worker.runs.length = 0;
    // The first refresh's re-check is still on the worker when the second refresh asks.
    worker.slowly(TRACKED);
    service.trackerStatesChanged();
    channel.refresh();
    await turns(() => worker.runs.length > 0);
    service.trackerStatesChanged();
    channel.refresh();
    await turns(() => sent.length > 0);
    assert.equal(sent.length, 1, 'one push');
    assert.equal(codes(sent[0], 'action-item-drift'), 1);
    // Each refresh analyses the current version and re-checks the saved text once; nothing more.
    assert.ok(worker.runs.filter((t) => t === TRACKED).length <= 2, `${worker.runs.length} analyses`);
  });

  it('a save while the saved text is re-checked keeps the new save\'s findings', async () => {
    const { worker, service, opened, edits } = await editedAfterSave(SAVED_LATER);
    assert.equal(codes(opened, 'no-blame-language'), 1);
    assert.equal(codes(edits, 'no-blame-language'), 1, 'the saved text is shown until the save');
    service.trackerStatesChanged();
    await service.documentSymbols(DOC);
    worker.slowly(TRACKED);
    worker.runs.length = 0;
    const recheck = service.diagnostics(DOC);
    await turns(() => worker.runs.includes(TRACKED));
    service.saved(DOC);
    assert.equal(codes(await service.diagnostics(DOC), 'no-blame-language'), 0, 'the new save is shown');
    await recheck;
    assert.equal(codes(await service.diagnostics(DOC), 'no-blame-language'), 0, 'and stays shown after the older re-check ends');
  });
});
