// Helpers that used to be written twice or cached one entry deep.
import assert from 'node:assert/strict';
import { configSearch, findConfigFile } from '../../server/src/config/load';
import { cachedMatcherCount, globMatcher } from '../../server/src/postmortemKind';
import { applyFixes, compatibleFixes } from '../../server/src/engine/applyEdits';
import type { Fix } from '../../server/src/rules/types';
import { childUri, parentUri } from '../../server/src/service/fileSystem';

describe('shared helpers', () => {
  it('glob matchers stay compiled while documents of two folders with different settings alternate', () => {
    const a = ['**/postmortems/**'];
    const b = ['**/incidents/**'];
    const first = globMatcher(a);
    globMatcher(b);
    assert.equal(globMatcher(a), first, 'a one-entry cache would have compiled it again');
    for (let i = 0; i < 50; i++) globMatcher([`**/folder-${i}/**`]);
    assert.ok(cachedMatcherCount() <= 8, 'bounded');
    assert.notEqual(globMatcher(a), first, 'the oldest is dropped once the cache is full');
  });

  it('fix-all and --fix choose the same non-overlapping fixes', () => {
    const fix = (title: string, start: number, end: number): Fix => ({ title, edits: [{ start, end, newText: title }] });
    const fixes = [fix('A', 0, 3), fix('B', 2, 5), fix('C', 5, 6)];
    assert.deepEqual(compatibleFixes(fixes).map((f) => f.title), ['A', 'C']);
    assert.deepEqual(applyFixes('abcdefg', fixes), { text: 'AdeCg', applied: 2 });
  });

  it('the configuration search asks in order: every name in a folder, then .git, then the parent', () => {
    const search = configSearch('file:///r/a/b', { join: childUri, parent: parentUri });
    const asked: string[] = [];
    let next = search.next();
    while (!next.done) {
      asked.push(next.value);
      next = search.next(next.value === 'file:///r/a/.git');
    }
    assert.equal(next.value, undefined, 'stopped at the repository root');
    assert.deepEqual(asked, [
      'file:///r/a/b/.postmortemrc.json', 'file:///r/a/b/.postmortemrc.yaml', 'file:///r/a/b/.postmortemrc.yml', 'file:///r/a/b/.postmortemrc', 'file:///r/a/b/.git',
      'file:///r/a/.postmortemrc.json', 'file:///r/a/.postmortemrc.yaml', 'file:///r/a/.postmortemrc.yml', 'file:///r/a/.postmortemrc', 'file:///r/a/.git',
    ]);
    assert.equal(findConfigFile('/nonexistent-postmortem-folder/x', '/nonexistent-postmortem-folder'), undefined);
  });

  it('URIs of any scheme walk up to their authority and no further', () => {
    assert.equal(parentUri('vscode-vfs://github/acme/ops/postmortems/a.md'), 'vscode-vfs://github/acme/ops/postmortems');
    assert.equal(parentUri('vscode-vfs://github/acme'), 'vscode-vfs://github/');
    assert.equal(parentUri('vscode-vfs://github/'), undefined);
    assert.equal(childUri('file:///a b/', 'c d.md'), 'file:///a b/c%20d.md');
  });
});
