// The follow-through report request in the editor: files over the size limit are never read whole,
// and a cancelled request (a newer drawing replaced it) stops.
import assert from 'node:assert/strict';
import { resolveConfig } from '../../server/src/config/resolve';
import { followThroughReport, type FollowThroughSources } from '../../server/src/followThroughRequest';

const DOC = '# Queue backlog\n\n## Action items\n\n- [ ] Add a queue depth alert. Owner: @ana. Due: 2026-03-01.\n';

function sources(files: Record<string, string>, read: string[]): FollowThroughSources {
  return {
    openText: () => undefined,
    readFile: async (uri) => {
      read.push(uri);
      return files[uri];
    },
    stat: async (uri) => (uri in files ? { size: files[uri].length } : undefined),
    isPostmortem: () => true,
    configFor: async () => resolveConfig([]),
    maxFileSize: () => 1000,
    trackerStates: () => undefined,
    now: () => new Date('2026-03-02T00:00:00Z'),
  };
}

describe('follow-through report request', () => {
  it('asks a file\'s size first and never reads one over the limit', async () => {
    const read: string[] = [];
    const files = { 'file:///w/a.md': DOC, 'file:///w/big.md': `${DOC}${'x'.repeat(2000)}` };
    const result = await followThroughReport({ files: Object.keys(files).map((uri) => ({ uri, label: uri.slice(9) })) }, sources(files, read));
    assert.equal(result?.postmortems, 1);
    assert.deepEqual(read, ['file:///w/a.md']);
  });

  it('stops when cancelled and answers null', async () => {
    const read: string[] = [];
    const result = await followThroughReport({ files: [{ uri: 'file:///w/a.md', label: 'a.md' }] }, sources({ 'file:///w/a.md': DOC }, read), { isCancellationRequested: true });
    assert.equal(result, null);
    assert.deepEqual(read, []);
  });
});
