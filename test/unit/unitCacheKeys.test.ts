// Each per-unit cache is keyed by everything its value depends on besides the unit itself: change
// only that (a table's header, the rules' settings, the section around a block, the people the
// front matter lists, the document's date order) and the cached value must change with it.
import assert from 'node:assert/strict';
import { resolveConfig } from '../../server/src/config/resolve';
import { analyze, type AnalyzeOptions } from '../../server/src/engine/analyze';
import { blockCacheStats } from '../../server/src/engine/blockRules';
import { itemCacheStats } from '../../server/src/engine/itemRules';
import { collectActionItems } from '../../server/src/model/actionItems';
import { IncrementalParser } from '../../server/src/parsing/incremental';
import { parseMarkdown, type Table } from '../../server/src/parsing/markdown';
import { UnitCache, unitsOf } from '../../server/src/parsing/units';
import { assertSameMisses, keystrokeCacheWork } from '../helpers/keystrokeCacheWork';

const NOW = new Date('2026-11-29T00:00:00Z');

/** Analyses `before`, then `after` reusing the first's units; checks the result equals a fresh analysis and returns both. */
function edited(before: string, after: string, options: { before?: AnalyzeOptions; after?: AnalyzeOptions } = {}) {
  const parser = new IncrementalParser();
  const first = analyze(before, { now: NOW, parser, ...options.before });
  const second = analyze(after, { now: NOW, parser, ...options.after });
  const fresh = analyze(after, { now: NOW, ...options.after });
  assert.deepStrictEqual(second.model, fresh.model);
  assert.deepStrictEqual(second.findings, fresh.findings);
  return { first, second };
}

const ids = (findings: { ruleId: string }[], id: string) => findings.filter((f) => f.ruleId === id).length;

describe('per-unit cache keys', () => {
  it('reuses a unit moved by an edit before it, and computes it again when it changed', () => {
    const cache = new UnitCache<string>((unit, base) => `${unit.type}@${base}`);
    const parser = new IncrementalParser();
    const text = '# A\n\nFirst.\n\n- one\n- two\n- three\n';
    const before = unitsOf(parser.parse(text));
    before.forEach((u) => cache.get(u));
    const misses = cache.misses;
    const after = unitsOf(parser.parse(`# AB${text.slice(3)}`));
    after.forEach((u) => cache.get(u));
    // Only the edited heading is new; the blocks and items after it are moved copies of cached units.
    assert.equal(cache.misses - misses, 1);
    // The value is stored relative to where it was computed: the copy reads the original's.
    assert.equal(cache.get(after[1]), `paragraph@${before[1].position!.start.offset}`);
  });

  it('re-judges as many units for a keystroke in a long table as in a short one', () => {
    assertSameMisses((rows) => {
      const table = Array.from({ length: rows }, (_, i) => `| Add a canary stage (${i}) | @ana | 2026-12-01 | open |`).join('\n');
      const text = `# Incident\n\n## Summary\n\nThe operator forgot the flag.\n\n## Action items\n\n| Action | Owner | Due | Status |\n| --- | --- | --- | --- |\n${table}\n`;
      return keystrokeCacheWork(text, `(${Math.floor(rows / 2)})`, blockCacheStats);
    });
  });

  it('judges a block again when the characters just after it change, and only then', () => {
    // The paragraph's lookahead (8 characters) reaches past the thematic break into the next
    // paragraph's first letter; the parser re-parses from the break, so the first paragraph's node
    // is reused and only its key can tell it to judge again.
    const text = '# Incident\n\n## Summary\n\nThe operator forgot the flag.\n\n***\n\nNobody checked the dashboard in time.\n';
    const near = keystrokeCacheWork(text, 'Nobody', blockCacheStats);
    const far = keystrokeCacheWork(text, 'dashboard', blockCacheStats);
    // Three units judged again (the paragraph, the break, the edited paragraph) against two.
    assert.ok(far.misses > 0);
    assert.equal(near.misses * 2, far.misses * 3);
  });

  it('reads a cached table row again when only the header changes what its cells mean', () => {
    const text = '| Action | Owner | Due |\n| --- | --- | --- |\n| Add a canary | @ana | 2026-12-01 |\n';
    // The other header has as many characters: the row keeps its offsets in both texts.
    const notesText = text.replace('| Action | Owner | Due |', '| Action | Notes | Due |');
    const table = parseMarkdown(text).children[0] as Table;
    const other = parseMarkdown(notesText).children[0] as Table;
    const [withOwner] = collectActionItems([table], text);
    // The same row node under another header: the owner column is gone, the row source still names @ana.
    const [withNotes] = collectActionItems([{ ...table, children: [other.children[0], ...table.children.slice(1)] }], notesText);
    const [fresh] = collectActionItems([{ ...other, children: [other.children[0], ...structuredClone(table.children.slice(1))] }], notesText);
    assert.equal(withOwner.cells?.owner !== undefined, true);
    assert.equal(withNotes.cells?.owner, undefined);
    assert.deepStrictEqual(withNotes, fresh);
  });

  it("judges a cached block again when the rules' settings change", () => {
    const text = '# Incident\n\n## Summary\n\nThe outage came down to human error.\n\n## Impact\n\nNone.\n';
    const allowed = resolveConfig([{ allowedPhrases: ['human error'] }]);
    const { first, second } = edited(text, text.replace('None.', 'Nothing.'), { after: { config: allowed } });
    assert.equal(ids(first.findings, 'no-blame-language'), 1);
    assert.equal(ids(second.findings, 'no-blame-language'), 0);
  });

  it('judges a cached block again when the section around it changes kind', () => {
    const text = '# Incident\n\n## Where we got lucky\n\nWe should have paged the database team sooner.\n';
    const { first, second } = edited(text, text.replace('Where we got lucky', 'Analysis'));
    assert.equal(ids(first.findings, 'no-counterfactual'), 0);
    assert.equal(ids(second.findings, 'no-counterfactual'), 1);
  });

  it('reads a cached block again when the front matter lists other people', () => {
    // A lowercase handle is a person only when the front matter lists it.
    const text = '---\ntitle: Incident\n---\n\n# Incident\n\n## Summary\n\nzed forgot to check the dashboard.\n';
    const { first, second } = edited(text, text.replace('title: Incident', 'title: Incident\nparticipants: [zed]'));
    assert.equal(ids(first.findings, 'no-blame-language'), 0);
    assert.equal(ids(second.findings, 'no-blame-language'), 1);
  });

  it('reads a cached timeline item again when the document starts writing dates day first', () => {
    const text = '# Incident\n\n## Timeline\n\n- 03/04/2026 10:00 The alert fired.\n- 03/04/2026 10:05 The rollback started.\n- 03/04/2026 10:09 Errors stopped.\n\n## Summary\n\nShort.\n';
    const { first, second } = edited(text, text.replace('Short.', 'Short, see 25/12/2026 notes.'));
    assert.equal(first.model.timeline.entries[0].date, '2026-03-04');
    assert.equal(second.model.timeline.entries[0].date, '2026-04-03');
  });

  it('reads cached list items again when their list stops being a timed one', () => {
    const text = '# Incident\n\n## Timeline\n\n- 10:00 The alert fired.\n- 10:05 The rollback started.\n- The queue drained.\n';
    const { first, second } = edited(text, text.replace('- 10:05 The', '- The'));
    assert.equal(first.model.timeline.entries.length, 3);
    assert.equal(second.model.timeline.entries.length, 0);
  });
  describe('item-scoped rules', () => {
    // The action items sit in their own section; each edit below lands elsewhere, so the items' readings stay cached.
    const doc = (frontMatter: string, item: string) => `---\ntimezone: UTC\n${frontMatter}---\n\n# Incident\n\n## Summary\n\nShort.\n\n## Action items\n\n- [ ] ${item}\n`;
    const later = (text: string) => text.replace('Short.', 'Shorter.');
    const first = (findings: { ruleId: string; message: string; suggestions?: { title: string }[] }[], id: string) => findings.find((f) => f.ruleId === id);

    it('re-judges as many items for a keystroke in a long table as in a short one', () => {
      assertSameMisses((rows) => {
        const table = Array.from({ length: rows }, (_, i) => `| Add a canary stage (${i}) | | 2020-12-01 | open |`).join('\n');
        const text = `# Incident\n\n## Action items\n\n| Action | Owner | Due | Status |\n| --- | --- | --- | --- |\n${table}\n`;
        return keystrokeCacheWork(text, `(${Math.floor(rows / 2)})`, itemCacheStats, (result, edited) => assert.deepStrictEqual(result.findings, analyze(edited, { now: NOW }).findings));
      });
    });

    it('judges a cached item again when today moves past its due date', () => {
      const text = doc('', 'Add a canary stage. Owner: @ana. Due: 2026-11-30.');
      const { first: before, second: after } = edited(text, later(text), { before: { now: new Date('2026-11-30T12:00:00Z') }, after: { now: new Date('2026-12-02T12:00:00Z') } });
      assert.equal(ids(before.findings, 'action-item-overdue'), 0);
      assert.equal(ids(after.findings, 'action-item-overdue'), 1);
    });

    it("judges a cached item again when the rule's options change", () => {
      const text = doc('', 'Add a canary stage. Owner: @ana.');
      const week = resolveConfig([{ rules: { 'action-item-due-date': { options: { defaultDueDays: 7 } } } } as never]);
      const { first: before, second: after } = edited(text, later(text), { after: { config: week } });
      assert.match(first(before.findings, 'action-item-due-date')!.suggestions![0].title, /in 14 days/);
      assert.match(first(after.findings, 'action-item-due-date')!.suggestions![0].title, /in 7 days/);
    });

    it('judges a cached item again when the incident date moves after its due date', () => {
      const text = doc('date: 2026-11-01\n', 'Add a canary stage. Owner: @ana. Due: 2026-11-20.');
      const { first: before, second: after } = edited(text, text.replace('date: 2026-11-01', 'date: 2026-11-25'));
      assert.equal(first(before.findings, 'action-item-due-date'), undefined);
      assert.match(first(after.findings, 'action-item-due-date')!.message, /before the incident/);
    });

    it("judges a cached item again when the trackers' settings change what a reference names", () => {
      // "(#12)" names an issue only once a repository says where bare numbers live.
      const text = doc('', 'Add a canary stage (#12). Owner: @ana. Due: 2026-12-20.');
      const repository = resolveConfig([{ trackers: { github: { repository: 'acme/app' } } } as never]);
      const { first: before, second: after } = edited(text, later(text), { after: { config: repository } });
      assert.equal(ids(before.findings, 'action-item-tracked'), 1);
      assert.equal(ids(after.findings, 'action-item-tracked'), 0);
    });
  });

  describe('cached findings', () => {
    const text = '# Incident\n\n## Summary\n\nObviously the queue filled up.\n\n## Action items\n\n- [ ] Add a canary stage. Due: 2020-01-01.\n\n## Impact\n\nNone.\n';
    const of = <F extends { ruleId: string }>(findings: F[], id: string): F => findings.find((f) => f.ruleId === id)!;

    it("are the previous analysis's objects for units an edit left in place, and new ones for units it moved", () => {
      const { first, second } = edited(text, text.replace('None.', 'Nothing.'));
      for (const id of ['no-hindsight-minimizer', 'action-item-owner']) assert.equal(of(second.findings, id), of(first.findings, id), id);
      const moved = edited(text, text.replace('# Incident', '# The incident'));
      for (const id of ['no-hindsight-minimizer', 'action-item-owner']) {
        assert.notEqual(of(moved.second.findings, id), of(moved.first.findings, id), id);
        assert.equal(of(moved.second.findings, id).start, of(moved.first.findings, id).start + 4, id);
      }
    });

    it("take the rule's new severity when only its severity changed", () => {
      const stricter = resolveConfig([{ rules: { 'no-hindsight-minimizer': 'error', 'action-item-owner': 'error' } } as never]);
      for (const after of [text, text.replace('None.', 'Nothing.'), text.replace('# Incident', '# The incident')]) {
        const { first, second } = edited(text, after, { after: { config: stricter } });
        for (const id of ['no-hindsight-minimizer', 'action-item-owner']) {
          assert.notEqual(of(first.findings, id).severity, 'error', id);
          assert.equal(of(second.findings, id).severity, 'error', id);
        }
      }
    });
  });
});
