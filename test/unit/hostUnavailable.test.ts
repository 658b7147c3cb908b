// Where no analysis worker can run (a browser that refuses nested workers), the host answers
// 'unavailable' and the language service analyses on its own thread, cooperatively, as it does with
// no host at all: diagnostics, the onSave re-check and the follow-through report's models still come.
import assert from 'node:assert/strict';
import type { AnalysisHost, Outcome } from '../../server/src/analysis/host';
import { resolveConfig } from '../../server/src/config/resolve';
import { PostmortemService } from '../../server/src/service/languageService';
import { MemoryDocuments } from '../helpers/memoryDocuments';
import { memoryFileSystem } from '../helpers/memoryFileSystem';

const NOW = new Date('2026-11-30T12:00:00Z');
const DOC = 'file:///ws/postmortems/unavailable.md';
const TEXT = [
  '# Postmortem: cache stampede', '', '## Summary', '', 'The on-call engineer carelessly flushed the cache.', '',
  '## Timeline', '', '- 09:00 UTC Cache flushed', '- 09:05 UTC Error rate alert fired', '',
].join('\n');

/** A host on which no worker can start: every run answers 'unavailable'. */
function refusingHost(runs: string[]): AnalysisHost {
  const host = {
    setLog: () => undefined, forget: () => undefined, dispose: () => undefined,
    async run(_uri: string, text: string): Promise<Outcome> {
      runs.push(text);
      return { kind: 'unavailable' };
    },
  };
  return host as unknown as AnalysisHost;
}

describe('a host on which no analysis worker can run', function () {
  this.timeout(20_000);

  it('leaves the analysis to the service\'s own thread: diagnostics and the report\'s model still come', async () => {
    const runs: string[] = [];
    const documents = new MemoryDocuments();
    const service = new PostmortemService(documents, { fs: memoryFileSystem({}), now: () => NOW, analysisHost: refusingHost(runs) });
    documents.set(DOC, TEXT);
    const diagnostics = await service.diagnostics(DOC);
    assert.deepEqual(runs, [TEXT], 'the host was asked first');
    assert.ok(diagnostics?.some((d) => d.code === 'no-blame-language'), JSON.stringify(diagnostics?.map((d) => d.code)));
    const model = await service.reportModel(TEXT, resolveConfig([]), NOW);
    assert.ok(model?.sections.some((s) => /timeline/i.test(s.title)), 'the report read the document');
  });

  it('re-checks the saved text (run: onSave) on the service\'s own thread too', async () => {
    const runs: string[] = [];
    const documents = new MemoryDocuments();
    const service = new PostmortemService(documents, { fs: memoryFileSystem({}), now: () => NOW, analysisHost: refusingHost(runs), settings: async () => ({ run: 'onSave' }) });
    service.useTrackerStates(() => ({}));
    documents.set(DOC, TEXT);
    await service.diagnostics(DOC);
    documents.set(DOC, `typed\n${TEXT}`);
    await service.diagnostics(DOC);
    // New tracker states: the saved text is analysed again (not the edited one).
    service.trackerStatesChanged();
    runs.length = 0;
    const diagnostics = await service.diagnostics(DOC);
    assert.ok(runs.includes(TEXT), 'the saved text went to the host first');
    assert.ok(diagnostics?.some((d) => d.code === 'no-blame-language'), JSON.stringify(diagnostics?.map((d) => d.code)));
  });
});
