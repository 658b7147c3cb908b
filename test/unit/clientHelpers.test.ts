// Client helpers that used to be written more than once: one definition each, tested here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { actionWithoutAnnotations } from '../../client/src/actionText';
import { webviewNonce } from '../../client/src/webviewNonce';
import { GITHUB_REPOSITORY, GITHUB_REPOSITORY_PATTERN } from '../../server/src/trackers/repositoryName';

const ROOT = join(__dirname, '..', '..', '..');

describe('client helpers', () => {
  it('a webview nonce is 128 random bits in hex, new on every call', () => {
    const seen = new Set(Array.from({ length: 50 }, () => webviewNonce()));
    assert.equal(seen.size, 50);
    for (const nonce of seen) assert.match(nonce, /^[0-9a-f]{32}$/);
  });

  it('an action item keeps its action and drops the owner and due annotations written into it', () => {
    assert.equal(actionWithoutAnnotations('Add a canary stage. Owner: @ana. Due: 2026-04-01.'), 'Add a canary stage.');
    assert.equal(actionWithoutAnnotations('Page on queue depth (assignee= storage team) by: Friday'), 'Page on queue depth');
    assert.equal(actionWithoutAnnotations('Rotate keys\n  (due date: 2026-05-02)'), 'Rotate keys');
    assert.equal(actionWithoutAnnotations('Review it by Friday'), 'Review it by Friday', 'a plain "by" is a word, not a label');
    assert.equal(actionWithoutAnnotations('Owner: @ana'), '');
  });

  it('the settings schema in package.json allows the same owner/repo names as the code (or none)', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const setting = manifest.contributes.configuration.properties['postmortem.trackers.githubRepository'];
    assert.equal(setting.pattern, `^$|${GITHUB_REPOSITORY_PATTERN}`);
  });

  it('an owner/repo name is two names of letters, digits, dots, dashes or underscores, one slash between', () => {
    for (const name of ['octo/app', 'my-org/my.repo', 'a_b/c-d']) assert.ok(GITHUB_REPOSITORY.test(name), name);
    for (const name of ['octo', 'octo/app/extra', '/app', 'octo/', 'octo app/x', 'https://github.com/octo/app']) assert.ok(!GITHUB_REPOSITORY.test(name), name);
  });
});
