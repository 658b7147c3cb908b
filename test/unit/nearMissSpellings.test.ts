// A near-miss's type is read from one list of spellings: every spelling that makes the server treat
// a file as a postmortem also makes the rules treat it as a near-miss, and the reverse.
import assert from 'node:assert/strict';
import { isPostmortem } from '../../server/src/documents';
import { analyze } from '../../server/src/engine/analyze';
import { isNearMiss } from '../../server/src/model/nearMiss';

const NOW = new Date('2026-06-01T12:00:00Z');
const writeUp = (type: string) => `---\ntype: ${type}\n---\n\n# Disk almost full on the build cache\n\nA capacity alert caught it at 91%.\n`;

describe('near-miss spellings', () => {
  it('the postmortem test and the near-miss test agree on every spelling', () => {
    for (const type of ['near-miss', 'near miss', 'near_miss', 'nearmiss', 'Near-Miss', 'near--miss', 'near-misses', 'nearly-missed']) {
      const counted = isPostmortem('file:///work/notes/cache.md', writeUp(type), []);
      const nearMiss = isNearMiss(analyze(writeUp(type), { now: NOW }).model);
      assert.equal(counted, nearMiss, type);
    }
    assert.ok(isNearMiss(analyze(writeUp('near miss'), { now: NOW }).model));
  });
});
