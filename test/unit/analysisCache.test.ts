// The analysis cache with a worker host that answers diagnostics first and the model later: the
// model a feature gets is the version's, also when the worker no longer holds it.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisHost, Outcome } from '../../server/src/analysis/host';
import { AnalysisCache } from '../../server/src/documents';
import { analyze } from '../../server/src/engine/analyze';
import { configFor, DEFAULT_SETTINGS } from '../../server/src/settings';

const NOW = new Date('2026-11-29T12:00:00Z');
const URI = 'file:///ws/postmortems/outage.md';
const TEXT = '# Outage postmortem\n\n## Summary\n\nObviously the queue filled up.\n\n## Timeline\n\n- 10:00 Deploy started.\n';

/** A host whose worker has moved on by the time details are asked for, unless the job asked for them up front. */
function forgetfulHost(calls: Array<{ text: string; full: boolean }>): AnalysisHost {
  const host = {
    setLog: () => undefined,
    forget: () => undefined,
    dispose: () => undefined,
    async run(_uri: string, text: string, config: never, now: Date, stale: () => boolean, _states: unknown, full = false): Promise<Outcome> {
      calls.push({ text, full });
      if (stale()) return { kind: 'stale' };
      const analysis = analyze(text, { config, now });
      const details = { model: analysis.model, findings: analysis.findings };
      const findings = analysis.findings.map(({ fix: _fix, suggestions: _suggestions, ...rest }) => rest);
      return { kind: 'done', analysis: { text, findings, errors: analysis.errors, notices: analysis.notices, details: async () => (full ? details : undefined), pick: async () => undefined, query: async () => undefined } };
    },
  };
  return host as unknown as AnalysisHost;
}

describe('analysis cache with a worker host', () => {
  const config = configFor(DEFAULT_SETTINGS);

  it('answers diagnostics from the headline and fetches the model once, re-analysing the version in full when the worker moved on', async () => {
    const calls: Array<{ text: string; full: boolean }> = [];
    const cache = new AnalysisCache(() => NOW, () => 1, () => undefined, forgetfulHost(calls));
    const checked = await cache.get(TextDocument.create(URI, 'markdown', 1, TEXT), config);
    assert.ok(checked);
    assert.ok(checked.headline.findings.some((f) => f.ruleId === 'no-hindsight-minimizer'));
    assert.ok(checked.headline.findings.every((f) => !('suggestions' in f)), 'no fixes cross with the headline');
    const full = await checked.full();
    assert.equal(full?.version, 1);
    assert.ok(full?.analysis.model.sections.some((s) => s.title === 'Timeline'));
    assert.ok(full?.analysis.findings.some((f) => f.suggestions?.length), 'the fixes came with the model');
    await checked.full();
    assert.deepEqual(calls, [{ text: TEXT, full: false }, { text: TEXT, full: true }]);
  });

  it('analyses the version here when its model is asked for after workers became unavailable', async () => {
    const host = forgetfulHost([]);
    const cache = new AnalysisCache(() => NOW, () => 1, () => undefined, host);
    const checked = await cache.get(TextDocument.create(URI, 'markdown', 1, TEXT), config);
    // The worker moved on, and by now no worker can run (the re-analysis in full answers 'unavailable').
    host.run = async () => ({ kind: 'unavailable' });
    const full = await checked?.full();
    assert.ok(full?.analysis.model.sections.some((s) => s.title === 'Timeline'), 'the model was had here');
  });

  it('a document closed while its analysis runs: the analysis is no longer wanted, and its answer is not kept', async () => {
    const asked: Array<{ stale: () => boolean; answer: (outcome: Outcome) => void }> = [];
    const host = forgetfulHost([]);
    const analyse = host.run.bind(host);
    host.run = (_uri, _text, _config, _now, stale) => new Promise<Outcome>((answer) => asked.push({ stale, answer }));
    const waitForRuns = async (count: number) => {
      for (let i = 0; i < 200 && asked.length < count; i++) await new Promise((r) => setTimeout(r, 5));
      assert.equal(asked.length, count, 'runs asked of the host');
    };
    // The document store no longer knows a closed document's version.
    let open = true;
    const cache = new AnalysisCache(() => NOW, () => (open ? 1 : undefined), () => undefined, host);
    const document = TextDocument.create(URI, 'markdown', 1, TEXT);
    const pending = cache.get(document, config);
    await waitForRuns(1);
    open = false;
    cache.delete(URI);
    assert.equal(asked[0].stale(), true, 'a closed document\'s version counts as stale');
    // Its answer lands after the close: it is not kept, so the document opened again is analysed again.
    asked[0].answer(await analyse(URI, TEXT, config.config, NOW, () => false));
    await pending;
    open = true;
    void cache.get(document, config);
    await waitForRuns(2);
    asked[1].answer({ kind: 'stale' });
  });

  it('gives no model for a version superseded before its details were fetched', async () => {
    let current = 1;
    const cache = new AnalysisCache(() => NOW, () => current, () => undefined, forgetfulHost([]));
    const checked = await cache.get(TextDocument.create(URI, 'markdown', 1, TEXT), config);
    current = 2;
    assert.equal(await checked?.full(), undefined);
  });
});
