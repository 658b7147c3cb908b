// Sections by meaning: what each heading names, as a table.
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analyze';
import { SECTION_ALIASES } from '../../server/src/model/sectionNames';
import { normalizeTitle, sectionMatch } from '../../server/src/model/sectionMatch';

describe('what a heading means', () => {
  const table: Array<[string, string]> = [
    // numbering, emphasis, punctuation, closing hashes
    ['### 1. Summary ##', 'summary'],
    ['2.3 **Impact**:', 'impact'],
    ['IV. Root cause.', 'root-cause'],
    // parentheticals, dates, zones and "all times" notes
    ['Timeline (GMT) All Times Approximate', 'timeline'],
    ['Timeline (all times EST) 05/11/2024 - 05/19/2024. All times approximations', 'timeline'],
    ['Timeline, Friday Oct 15th 2021', 'timeline'],
    ['Preventative and Corrective Measure(s)', 'action-items'],
    // suffixes after a dash or colon
    ['Root cause: a stale cache entry', 'root-cause'],
    ['Impact - EU customers', 'impact'],
    // modifiers before the head word, qualifiers after it, fillers at the end
    ['Incident Timeline', 'timeline'],
    ['Issue Summary', 'summary'],
    ['Root Cause Analysis', 'root-cause'],
    ['Preventive Actions', 'action-items'],
    ['Remediation steps', 'action-items'],
    ['Follow up items', 'action-items'],
    ['Impact on customers', 'impact'],
    ['Timeline of events', 'timeline'],
    ['Actions following review', 'action-items'],
    ['Lessons learnt', 'lessons-learned'],
    // questions
    ['What happened?', 'summary'],
    ['Why did it happen?', 'root-cause'],
    ['How was it found', 'detection'],
    ['How did we find out?', 'detection'],
    ['Who was affected?', 'impact'],
    ['What are we doing about it?', 'action-items'],
    ['What went well?', 'what-went-well'],
    ["What didn't go well", 'what-went-wrong'],
    // two kinds in one heading
    ['Summary and Impact', 'summary+impact'],
    ['Detection / Response', 'detection+response'],
    // names of nothing
    ['Attendees', ''],
    ['Appendix: diagrams', ''],
    ['Wallet sync stall', ''],
  ];
  for (const [title, expected] of table) {
    it(`"${title}" → ${expected || 'no section'}`, () => assert.equal(sectionMatch(title.replace(/^#+\s*/, '')).kinds.join('+'), expected));
  }

  it('leaves an ambiguous heading unnamed but remembers what it may mean', () => {
    assert.deepEqual(sectionMatch('Actions taken and planned'), { kinds: [], candidates: ['action-items'] });
  });

  it('normalises without losing words that matter', () => {
    assert.equal(normalizeTitle('5 Whys'), '5 whys');
    assert.equal(normalizeTitle('**TL;DR**'), 'tldr');
    assert.equal(normalizeTitle('Follow-ups & next steps'), 'followup and next steps');
  });

  it('keeps every alias with where it was seen, and every alias names its own kind', () => {
    for (const [kind, aliases] of Object.entries(SECTION_ALIASES)) {
      for (const [alias, seen] of aliases) {
        assert.ok(seen.length > 0, alias);
        if (!alias.includes('*')) assert.deepEqual(sectionMatch(alias).kinds, [kind], alias);
      }
    }
  });
});

describe('sections a reader sees are not reported missing', () => {
  const missing = (text: string) => analyze(text, { now: new Date('2026-11-29T00:00:00Z') }).findings.filter((f) => f.ruleId === 'required-sections').map((f) => /no (.+?) section/.exec(f.message)?.[1]);

  it('nested sections and bold labels count', () => {
    const text = '# X\n\n**Summary:** text\n\n- **Impact**: 3 users\n\n## Timeline\n\n- 10:00 UTC a\n\n## Why it happened\n\ntext\n\n## How we noticed\n\ntext\n\n## Lessons learned\n\n### What went well\n\ntext\n\n**Follow-ups**\n\n- [ ] x\n';
    assert.deepEqual(missing(text), []);
  });

  it('a bold label alone in a paragraph owns the blocks after it', () => {
    const m = analyze('# X\n\n**Timeline:**\n\n- 10:00 UTC a\n- 10:05 UTC b\n\n## Next\n', { now: new Date() }).model;
    const label = m.sections.find((s) => s.kinds.includes('timeline'));
    assert.equal(label?.form, 'label');
    assert.equal(m.timeline.entries.length, 2);
  });

  it('an ambiguous heading keeps its candidate section from being reported missing', () => {
    assert.ok(!missing('# X\n\n## Actions taken and planned\n\n- [ ] x\n').includes('action items'));
    assert.ok(missing('# X\n\n## Appendix\n\n- [ ] x\n').includes('action items'));
  });
});
