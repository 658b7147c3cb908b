// Feature modules against an analysis, with no connection: what the editor would show.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver';
import { analyze } from '../../server/src/engine/analyze';
import { escapeMarkdown } from '../../server/src/render/markdownEscape';
import { hover } from '../../server/src/features/hover';
import { diagnosticData, toDiagnostics } from '../../server/src/features/diagnostics';
import { ruleDocsUrl } from '../../server/src/rules/registry';
import { configFor, DEFAULT_SETTINGS } from '../../server/src/settings';
import type { CachedAnalysis } from '../../server/src/documents';

const NOW = new Date('2026-11-29T00:00:00Z');

function cachedFor(text: string): { document: TextDocument; cached: CachedAnalysis } {
  const config = configFor(DEFAULT_SETTINGS);
  const document = TextDocument.create('untitled:pm.md', 'markdown', 1, text);
  return { document, cached: { version: 1, analysis: analyze(text, { config: config.config, now: NOW }), config } };
}

describe('features without a connection', () => {
  it('hover shows front-matter text as text: no link, image or HTML from the document', () => {
    const { document, cached } = cachedFor('---\nseverity: "[click](https://example.invalid) <img src=x onerror=alert(1)> **big**"\n---\n\n# Incident\n');
    const result = hover(document, cached, { line: 1, character: 3 });
    const value = (result?.contents as MarkupContent).value;
    assert.ok(value.includes('front-matter'), value);
    assert.ok(!/(^|[^\\])<img/.test(value), value);
    assert.ok(!value.includes('](https://example.invalid)'), value);
    assert.ok(value.includes('\\<img'), value);
  });

  it('escapeMarkdown keeps the characters and neutralises their meaning', () => {
    assert.equal(escapeMarkdown('a [b](c) <d>\n*e*'), 'a \\[b\\]\\(c\\) \\<d\\> \\*e\\*');
  });

  it('an over-deep document gets one input-limit diagnostic at the first capped line', () => {
    const { document, cached } = cachedFor(`# Incident\n\nok\n\n${'> '.repeat(100)}deep\n`);
    const limits = toDiagnostics(document, { ...cached, headline: cached.analysis }).filter((d) => d.code === 'input-limit');
    assert.equal(limits.length, 1);
    assert.equal(limits[0].range.start.line, 4);
  });

  it('diagnostics of one rule share its documentation link, from one report to the next', () => {
    const { document, cached } = cachedFor('# Incident\n\nObviously it was simple. Obviously the fix was easy. It was obviously trivial.\n');
    const first = toDiagnostics(document, { ...cached, headline: cached.analysis }).filter((d) => d.code === 'no-hindsight-minimizer');
    const again = toDiagnostics(document, { ...cached, headline: cached.analysis }).filter((d) => d.code === 'no-hindsight-minimizer');
    assert.ok(first.length >= 2, `${first.length} hindsight findings`);
    for (const d of [...first, ...again]) {
      assert.equal(d.codeDescription, first[0].codeDescription);
      assert.equal(d.codeDescription?.href, ruleDocsUrl('no-hindsight-minimizer'));
    }
  });

  it('a diagnostic carries [version, named, twin] as data, the rule id only once (as its code), and reads back whole', () => {
    const { document, cached } = cachedFor('# Incident\n\nObviously it was simple.\n');
    const finding = { ruleId: 'no-hindsight-minimizer', severity: 'warning' as const, message: 'm', start: 13, end: 22, named: '9:abc', twin: '1/2' };
    const [d] = toDiagnostics(document, { ...cached, version: 7, headline: { findings: [finding], notices: [] } });
    assert.ok(Array.isArray(d.data), JSON.stringify(d.data));
    assert.ok(!JSON.stringify(d.data).includes('no-hindsight-minimizer'), JSON.stringify(d.data));
    assert.deepEqual(diagnosticData(JSON.parse(JSON.stringify(d))), { ruleId: 'no-hindsight-minimizer', version: 7, named: '9:abc', twin: '1/2' });
  });

  it('data a client sends back in another shape is not read as a finding (no throw, no match)', () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    const shapes: unknown[] = [undefined, null, 5, 'x', {}, { ruleId: 'r', version: 1 }, [], ['1'], [1, 5, null], [1, null, {}]];
    for (const data of shapes) assert.equal(diagnosticData({ code: 'r', data } as never), undefined, JSON.stringify(data));
    assert.equal(diagnosticData({ code: 3, data: [1, null, null] } as never), undefined, 'a code that is no rule id');
    assert.deepEqual(diagnosticData({ code: 'r', data: [1, null, null], range } as never), { ruleId: 'r', version: 1, named: undefined, twin: undefined });
  });
});
