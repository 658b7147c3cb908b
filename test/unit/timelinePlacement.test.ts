// A timeline list item's entries are placed once per position and shared by the analyses that find
// the item there; what the timeline then changes on an entry (the blocks after it that it takes
// in) is made on a copy, so a later version never sees it.
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analyze';
import { IncrementalParser } from '../../server/src/parsing/incremental';

const NOW = new Date('2026-11-29T00:00:00Z');

describe('timeline entries placed per item', () => {
  it('gives an entry the end of the notes after it as they are now, not as they were', () => {
    // Two notes after the second entry: an edit in the second note re-parses from the first, and the list before them is reused.
    const withCode = '# Incident\n\n## Timeline\n\n- 10:00 The alert fired.\n- 10:05 The rollback started.\n\nA note.\n\nA longer second note on the rollback.\n\n- 10:10 Errors stopped.\n\n## Summary\n\nShort.\n';
    const withoutCode = withCode.replace('A longer second note on the rollback.', 'Second.');
    const parser = new IncrementalParser();
    const versions = [withCode, withoutCode, withCode, withoutCode];
    for (const text of versions) {
      const entries = analyze(text, { now: NOW, parser }).model.timeline.entries;
      assert.deepStrictEqual(entries, analyze(text, { now: NOW }).model.timeline.entries);
    }
    const [, second] = analyze(withCode, { now: NOW }).model.timeline.entries;
    assert.equal(second.end, withCode.indexOf('rollback.\n') + 'rollback.'.length, 'the notes belong to the entry above them');
  });
});
