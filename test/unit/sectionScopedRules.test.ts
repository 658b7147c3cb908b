// Section-scoped rules (impact-quantified, root-cause-depth) keep their reports per
// heading section: an edit re-judges only the sections whose text it changed, the others' reports
// come back shifted, and whatever else a judgement reads (options, shared settings, the people the
// front matter lists) is part of the key. Severity and disable comments apply to cached reports as
// to fresh ones. The cache is invisible: after any edits and configuration changes, the findings
// equal a fresh analysis's.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { resolveConfig } from '../../server/src/config/resolve';
import type { PostmortemConfig } from '../../server/src/config/types';
import { analyze, type AnalyzeOptions } from '../../server/src/engine/analyze';
import { runSectionRule, sectionCacheStats, sectionRun } from '../../server/src/engine/sectionRules';
import { IncrementalParser } from '../../server/src/parsing/incremental';
import { RULES } from '../../server/src/rules/registry';
import type { Finding, Rule, RuleContext } from '../../server/src/rules/types';
import { assertSameMisses, keystrokeCacheWork } from '../helpers/keystrokeCacheWork';
import { apply, editOf, LINES } from '../helpers/randomEdits';

const NOW = new Date('2026-11-29T00:00:00Z');

/** Only the named rules on, with their options (the others would add their own caches' work and findings). */
function only(ids: string[], rules: PostmortemConfig['rules'] = {}): AnalyzeOptions['config'] {
  const off = Object.fromEntries(RULES.filter((r) => !ids.includes(r.id)).map((r) => [r.id, 'off' as const]));
  return resolveConfig([{ rules: { ...off, ...rules } }]);
}

/** `count` impact sections with text, then an unrecognised section. */
function impacts(count: number): string {
  const body = Array.from({ length: count }, (_, i) => `## Impact\n\nCheckout requests failed for users of region (${i}) for a while.\n`);
  return `# Incident\n\nA short introduction.\n\n${body.join('\n')}\n## Notes\n\nNothing else to add here.\n`;
}

/** Counts what an analysis of `next` after `first` (with one parser) asks of the section cache. */
function work(first: string, next: string, options: AnalyzeOptions = {}, nextOptions: AnalyzeOptions = options): { hits: number; misses: number; findings: Finding[] } {
  const parser = new IncrementalParser();
  analyze(first, { now: NOW, parser, ...options });
  const before = sectionCacheStats();
  const { findings } = analyze(next, { now: NOW, parser, ...nextOptions });
  const after = sectionCacheStats();
  return { hits: after.hits - before.hits, misses: after.misses - before.misses, findings };
}

const typed = (text: string, marker: string, what = 'x') => text.replace(marker, `${what}${marker}`);

const POSTMORTEM = [
  '---', 'title: Queue outage', 'participants: [Kim Lee]', '---', '', '# Queue outage', '',
  '## Summary', '', 'Checkout requests failed while the queue was full.', '',
  '## Impact', '', 'Checkout was degraded for some time.', '',
  '## Root cause', '', 'A bad deploy.', '',
  '## Detection', '', 'TBD', '',
  '## Notes', '', 'Written by the on-call engineer.', '',
].join('\n');

describe('section-scoped rules re-judge only the sections an edit changed', () => {
  it('re-judges as many sections for a keystroke among 200 sections as among 20', () => {
    assertSameMisses((count) => keystrokeCacheWork(impacts(count), `(${Math.floor(count / 2)})`, sectionCacheStats));
  });

  it('re-judges the edited section once, and nothing for an edit outside every judged section', () => {
    const text = impacts(30);
    assert.deepEqual(work(text, typed(text, '(7)'), { config: only(['impact-quantified']) }).misses, 1);
    const elsewhere = work(text, typed(text, 'Nothing else'), { config: only(['impact-quantified']) });
    assert.equal(elsewhere.misses, 0);
    assert.equal(elsewhere.hits, 30);
    // Above every section: all of them move, none is judged again.
    const above = work(text, typed(text, 'A short'), { config: only(['impact-quantified']) });
    assert.deepEqual([above.misses, above.hits], [0, 30]);
  });

  it('gives moved sections their reports at their new place', () => {
    const text = POSTMORTEM;
    const next = typed(text, 'Checkout requests', 'Most ');
    const { misses, findings } = work(text, next, { config: only(['impact-quantified', 'root-cause-depth']) });
    assert.equal(misses, 0, 'the summary is judged by neither rule');
    assert.deepStrictEqual(findings, analyze(next, { now: NOW }).findings.filter((f) => ['impact-quantified', 'root-cause-depth'].includes(f.ruleId)));
    assert.deepEqual(findings.map((f) => [f.ruleId, next.slice(f.start, f.end)]), [['impact-quantified', '## Impact'], ['root-cause-depth', '## Root cause']]);
  });

  it('judges the root cause again only when its section changed', () => {
    const config = only(['root-cause-depth']);
    assert.equal(work(POSTMORTEM, typed(POSTMORTEM, 'Written by'), { config }).misses, 0);
    const edited = work(POSTMORTEM, typed(POSTMORTEM, 'A bad deploy', 'Nothing validated the batch size. '), { config });
    assert.equal(edited.misses, 1);
    assert.deepEqual(edited.findings, [], 'a systemic condition: no longer shallow');
    // The same length, other words, in the section's second block (its first, which finds the
    // section again, is unchanged): nothing moved, and the section is still judged again.
    const twoBlocks = POSTMORTEM.replace('A bad deploy.', 'A bad deploy.\n\nNothing validated the size.');
    const reworded = work(twoBlocks, twoBlocks.replace('validated', 'xxxxxxxxx'), { config });
    assert.equal(reworded.misses, 1);
    assert.match(reworded.findings[0]?.message ?? '', /stops at the trigger \("deploy"\)/);
  });

  it('judges a section again when a block after its first changed in place', () => {
    // A keystroke in a long list re-reads the list alone: the section's first block is the same node.
    const pages = Array.from({ length: 60 }, (_, i) => `- Errors on page ${String.fromCharCode(97 + (i % 26))}.`).join('\n');
    const listed = POSTMORTEM.replace('Checkout was degraded for some time.', `Checkout was degraded.\n\n${pages}`);
    const config = only(['impact-quantified']);
    assert.equal(work(listed, listed, { config }).findings.length, 1);
    const counted = work(listed, listed.replace('page m', 'page 9'), { config });
    assert.equal(counted.misses, 1);
    assert.deepEqual(counted.findings, []);
  });

  it('judges again when the options or the people change, and only re-places for a new severity', () => {
    const rootCause = (options: object, severity = 'warning') => ({ config: only(['root-cause-depth'], { 'root-cause-depth': [severity, options] } as PostmortemConfig['rules']) });
    const same = work(POSTMORTEM, POSTMORTEM, rootCause({ minWords: 12 }), rootCause({ minWords: 12 }, 'error'));
    assert.equal(same.misses, 0);
    assert.deepEqual(same.findings.map((f) => f.severity), ['error']);
    assert.equal(work(POSTMORTEM, POSTMORTEM, rootCause({ minWords: 12 }), rootCause({ minWords: 2 })).misses, 1);
    // Sentences are read with the people the front matter lists: a new name is a new reading.
    const renamed = POSTMORTEM.replace('[Kim Lee]', '[Kim Lee, Ana Lima]');
    assert.equal(work(POSTMORTEM, renamed, rootCause({ minWords: 12 })).misses, 1);
  });

  it('applies a disable comment to a section whose reports came from the cache', () => {
    const disabled = `${POSTMORTEM}\n<!-- postmortem-disable-file impact-quantified -->\n`;
    const { misses, findings } = work(POSTMORTEM, disabled, { config: only(['impact-quantified']) });
    assert.equal(misses, 0);
    assert.deepEqual(findings, []);
  });

  it('judges on every analysis a section that reports outside itself, and label sections', () => {
    // A rule that breaks the section contract (a report at the document's start) is never cached.
    const outside: Rule = {
      id: 'test-outside', category: 'completeness', description: '', defaultSeverity: 'info', defaultOptions: {}, fixable: false, hasSuggestions: false, rationale: '', examples: { valid: [], invalid: [] },
      scope: 'section',
      sectionsToCheck: (context) => context.sections.filter((s) => s.kinds.length > 0),
      checkSection: (section, context) => context.report({ start: 0, end: 1, message: section.title }),
      check: () => undefined,
    };
    const text = `${POSTMORTEM}- **Impact**: some users saw errors.\n`;
    const { root, model, sections } = analyze(text, { now: NOW });
    const context = { text, root, model, sections, options: {}, shared: resolveConfig([]).shared, report: () => undefined } as unknown as RuleContext<object>;
    const found: Finding[] = [];
    const sink = { severity: 'info' as const, add: (f: Finding) => found.push(f) };
    for (let round = 0; round < 2; round++) {
      const before = sectionCacheStats();
      found.length = 0;
      runSectionRule(outside, context, sectionRun(text, []), sink);
      assert.equal(sectionCacheStats().misses - before.misses, sections.filter((s) => s.kinds.length > 0).length);
      assert.deepEqual(found.map((f) => f.message), sections.filter((s) => s.kinds.length > 0).map((s) => s.title));
    }
    // The label section ("- **Impact**:") is judged again on each analysis, the heading ones are not.
    assert.equal(work(text, text, { config: only(['impact-quantified']) }).misses, 1);
  });
});

/** Documents with every kind of section these rules judge: empty, template, shallow, nested, labelled. */
const DOCUMENTS = [
  POSTMORTEM,
  impacts(6),
  [
    '---', 'title: Near miss', 'participants: [Kim Lee]', '---', '', '# Near miss', '',
    '## Impact', '', '- Nobody noticed.', '', '### Where we got lucky', '', '<describe>', '',
    '## Root cause and contributing factors', '', 'Kim Lee forgot to check the config. It was a typo.', '', '```yaml', 'a: 1', '```', '',
    '## Detection', '', '', '## Timeline', '', '- 10:00 Alert fired.', '- 10:05 Rolled back.', '',
    '- **Impact**: some users', '- **Detection**: TBD', '',
    '## Action items', '', '- [ ] Add a check. Owner: @kim', '',
  ].join('\n'),
  longLists(),
];
/** Long lists: a keystroke in one re-reads the list alone, so the sections' first blocks stay the same nodes. */
function longLists(): string {
  const list = (words: readonly string[]) => Array.from({ length: 40 }, (_, i) => `- ${words[i % words.length]} on page ${String.fromCharCode(97 + (i % 26))}.`).join('\n');
  return [
    '# Long lists', '', '## Impact', '', 'Checkout was degraded.', '', list(['Errors', 'Slow pages', 'Timeouts']), '',
    '## Root cause', '', 'A bad deploy.', '', list(['A restart', 'A typo', 'The alert']), '',
    '## Detection', '', 'TBD', '', list(['TODO', 'TBD', 'n/a']), '',
  ].join('\n');
}

const SECTION_LINES = [
  ...LINES, '## Root cause\n', '## Detection\n', 'TBD\n', '- **Impact**: some users\n', '[ref]: https://example.com\n',
  '---\ntype: near-miss\nparticipants: [Ana Lima]\n---\n', '### Sub heading\n', 'Setext title\n---\n', '```\n',
  '<!-- postmortem-disable-file impact-quantified -->\n', 'The deploy went out with a typo.\n', '12% of requests failed.\n',
];
const CONFIGS: PostmortemConfig[] = [
  {},
  { rules: { 'empty-section': 'error', 'impact-quantified': 'warning', 'root-cause-depth': ['info', { minWords: 30, reportMissing: true }] } },
  { rules: { 'impact-quantified': 'error', 'root-cause-depth': ['warning', { minWords: 0 }] }, requiredSections: ['summary'], allowedPhrases: ['bad deploy'] },
  { rules: { 'impact-quantified': 'off', 'empty-section': 'info' }, blamePhrases: ['forgot'] },
].map((c) => c as PostmortemConfig);

describe('section-scoped rules with their cache', () => {
  it('give exactly a fresh analysis\'s findings after random edits and configuration changes', function () {
    this.timeout(300_000);
    fc.assert(
      fc.property(fc.constantFrom(...DOCUMENTS.keys()), fc.array(fc.tuple(editOf(['char', 'line', 'delete', 'deleteLine', 'duplicateLine', 'replace', 'replace']), fc.nat({ max: CONFIGS.length - 1 })), { minLength: 1, maxLength: 10 }), (index, steps) => {
        const parser = new IncrementalParser();
        let text = DOCUMENTS[index];
        analyze(text, { now: NOW, parser });
        for (const [e, c] of steps) {
          text = apply(text, e, SECTION_LINES);
          const config = resolveConfig([CONFIGS[c]]);
          const incremental = analyze(text, { now: NOW, parser, config });
          const fresh = analyze(text, { now: NOW, config });
          assert.equal(JSON.stringify(incremental.findings), JSON.stringify(fresh.findings));
        }
      }),
      { numRuns: 80, seed: 20261130 },
    );
  });
});
