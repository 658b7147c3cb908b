// A version whose analysis was withheld (over the time budget, the worker out of memory, failed)
// has no model. Features answer nothing for it rather than act on an empty document: an insertion
// would otherwise add a second Timeline or Action items section, the outline would call the
// sections missing, and the index would drop the document's action items.
import assert from 'node:assert/strict';
import { withheld, type AnalysisHost, type Outcome } from '../../server/src/analysis/host';
import { pickDetails } from '../../server/src/analysis/worker';
import { answerQuery } from '../../server/src/features/queries';
import type { ResolvedConfig } from '../../server/src/config/types';
import { analyze } from '../../server/src/engine/analyze';
import type { Insertion } from '../../server/src/protocol';
import { PostmortemService } from '../../server/src/service/languageService';
import { MemoryDocuments } from '../helpers/memoryDocuments';
import { memoryFileSystem } from '../helpers/memoryFileSystem';

const NOW = new Date('2026-11-29T12:00:00Z');
const DOC = 'file:///ws/postmortems/queue.md';
const OVER_BUDGET = 'Checking this document took longer than 5 s, so it was stopped and nothing was checked.';

const TEXT = [
  '# Postmortem: queue backlog', '', '## Summary', '', 'Orders waited in the queue for 25 minutes.', '',
  '## Timeline', '', '- 08:00 UTC Consumer deploy started', '- 08:10 UTC Queue depth alert fired', '- 08:25 UTC Deploy rolled back', '',
  '## Action items', '', '- [ ] Alert on consumer lag. Owner: @lee. Due: 2026-12-10', '- [ ] Add a canary stage. Owner: @kim. Due: 2026-12-12', '',
].join('\n');

/** Analyses on this thread as the worker would, except texts marked slow: those are withheld as over budget. */
function budgetHost(slow: Set<string>): AnalysisHost {
  const host = {
    setLog: () => undefined, forget: () => undefined, dispose: () => undefined,
    async run(_uri: string, text: string, config: ResolvedConfig, now: Date): Promise<Outcome> {
      if (slow.has(text)) return withheld(OVER_BUDGET);
      const analysis = analyze(text, { config, now });
      const details = { model: analysis.model, findings: analysis.findings };
      const findings = analysis.findings.map(({ fix: _fix, suggestions: _suggestions, ...rest }) => rest);
      return { kind: 'done', analysis: { text, findings, errors: analysis.errors, notices: analysis.notices, details: async () => details, pick: async (pick) => pickDetails(details, pick), query: async (query) => answerQuery(text, details, query) } };
    },
  };
  return host as unknown as AnalysisHost;
}

/** A service whose document was analysed (and indexed) once, then edited into a version that is withheld. */
async function withheldAfterEdit() {
  const slow = new Set<string>();
  const documents = new MemoryDocuments();
  const service = new PostmortemService(documents, { fs: memoryFileSystem({}), now: () => NOW, analysisHost: budgetHost(slow) });
  documents.set(DOC, TEXT);
  await service.indexOpenDocument(DOC);
  const indexed = service.actionItems().items.map((i) => i.text);
  const edited = `${TEXT}\nA paragraph the parser is slow on.\n`;
  slow.add(edited);
  documents.set(DOC, edited);
  return { documents, service, indexed };
}

describe('a version whose analysis was withheld', function () {
  this.timeout(20_000);

  it('inserts no timeline entry or action item, and says why', async () => {
    const { service } = await withheldAfterEdit();
    const entry = await service.timelineInsertion({ uri: DOC, now: '2026-11-29T08:30:00Z' });
    assert.deepEqual(entry, { withheld: OVER_BUDGET }, `an insertion was offered: ${JSON.stringify((entry as Insertion | undefined)?.edit)}`);
    const item = await service.actionItemInsertion({ uri: DOC, text: 'Load-test the consumers', owner: 'lee', due: '2026-12-20' });
    assert.deepEqual(item, { withheld: OVER_BUDGET }, `an insertion was offered: ${JSON.stringify((item as Insertion | undefined)?.edit)}`);
  });

  it('has no outline, symbols, code lenses or hover, rather than those of an empty document', async () => {
    const { service } = await withheldAfterEdit();
    assert.equal(await service.outline(DOC), undefined);
    assert.equal(await service.documentSymbols(DOC), undefined);
    assert.equal(await service.codeLenses(DOC), undefined);
    assert.equal(await service.hover(DOC, { line: 8, character: 3 }), undefined);
  });

  it('leaves the document\'s action items in the index', async () => {
    const { service, indexed } = await withheldAfterEdit();
    assert.equal(indexed.length, 2, 'indexed from the version that was analysed');
    assert.match(indexed[0], /consumer lag/);
    await service.indexOpenDocument(DOC);
    assert.deepEqual(service.actionItems().items.map((i) => i.text), indexed);
  });

  it('still shows the notice that says why, as its one diagnostic', async () => {
    const { service } = await withheldAfterEdit();
    const diagnostics = await service.diagnostics(DOC);
    assert.deepEqual(diagnostics?.map((d) => d.message), [OVER_BUDGET]);
  });

  it('a later version that is analysed has its features again', async () => {
    const { documents, service } = await withheldAfterEdit();
    await service.diagnostics(DOC);
    documents.set(DOC, TEXT.replace('25 minutes', '26 minutes'));
    const outline = await service.outline(DOC);
    assert.ok(outline?.sections.some((s) => s.kind === 'timeline' && s.present), JSON.stringify(outline?.sections));
    assert.ok(await service.timelineInsertion({ uri: DOC, now: '2026-11-29T08:30:00Z' }).then((i) => i && 'edit' in i));
  });

  it('an analysed version whose model cannot be read back answers "unavailable", not "superseded"', async () => {
    // The worker moved on and analysing the version again failed: details() finds nothing.
    const host = {
      setLog: () => undefined, forget: () => undefined, dispose: () => undefined,
      async run(_uri: string, text: string, config: ResolvedConfig, now: Date, _stale: () => boolean, _states?: unknown, full = false): Promise<Outcome> {
        if (full) return withheld('The analysis worker stopped.');
        const analysis = analyze(text, { config, now });
        const findings = analysis.findings.map(({ fix: _fix, suggestions: _suggestions, ...rest }) => rest);
        return { kind: 'done', analysis: { text, findings, errors: analysis.errors, notices: analysis.notices, details: async () => undefined, pick: async () => undefined, query: async () => undefined } };
      },
    };
    const documents = new MemoryDocuments();
    const service = new PostmortemService(documents, { fs: memoryFileSystem({}), now: () => NOW, analysisHost: host as unknown as AnalysisHost });
    documents.set(DOC, TEXT);
    assert.ok(await service.diagnostics(DOC));
    assert.deepEqual(await service.timelineInsertion({ uri: DOC, now: '2026-11-29T08:30:00Z' }), { reason: 'unavailable' });
  });
});
