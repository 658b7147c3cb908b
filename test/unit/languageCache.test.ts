// The sentence reading is cached per prose block: an edit re-reads only the block it changed, and
// sentences of blocks that moved come back with moved offsets and tokens, equal to a fresh reading.
import assert from 'node:assert/strict';
import { readSentences } from '../../server/src/language/reader';
import type { Sentence } from '../../server/src/language/types';
import { IncrementalParser } from '../../server/src/parsing/incremental';

const plain = (sentences: Sentence[]) => JSON.stringify(sentences.map((s) => ({ start: s.start, end: s.end, text: s.text, words: [...s.words], tokens: s.tokens })));

describe('sentence reading cache', () => {
  const before = '# Incident\n\n## Summary\n\nThe deploy reached every region at once. Nobody was paged.\n\n## Timeline\n\n- 10:02 The alert fired "late" for @ana.\n- 10:09 The rollback started.\n';
  const at = before.indexOf('Nobody');
  const after = before.slice(0, at) + 'Sadly, ' + before.slice(at);

  it('keeps the sentences of blocks before an edit and moves those after it', () => {
    const parser = new IncrementalParser();
    const first = readSentences(parser.parse(before), before);
    const second = readSentences(parser.parse(after), after);
    // The heading's sentence is the very same object: nothing was read again.
    assert.equal(second[0], first[0]);
    // A fresh reading (a different people list misses the cache; no token names a listed person).
    const fresh = readSentences(new IncrementalParser().parse(after), after, ['Zorblax Quint']);
    assert.equal(plain(second), plain(fresh));
    assert.notEqual(second.at(-1), first.at(-1));
    assert.equal(second.at(-1)!.start, first.at(-1)!.start + 'Sadly, '.length);
  });
});
