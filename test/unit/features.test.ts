// Feature modules against an analysis, with no connection: what the editor would show.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver';
import { analyze } from '../../server/src/engine/analyze';
import { escapeMarkdown } from '../../server/src/render/markdownEscape';
import { hover } from '../../server/src/features/hover';
import { toDiagnostics } from '../../server/src/features/diagnostics';
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
});
