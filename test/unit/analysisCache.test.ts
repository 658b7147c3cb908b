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

  it('gives no model for a version superseded before its details were fetched', async () => {
    let current = 1;
    const cache = new AnalysisCache(() => NOW, () => current, () => undefined, forgetfulHost([]));
    const checked = await cache.get(TextDocument.create(URI, 'markdown', 1, TEXT), config);
    current = 2;
    assert.equal(await checked?.full(), undefined);
  });
});
