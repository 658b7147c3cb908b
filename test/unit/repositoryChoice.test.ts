// Create GitHub Issue publishes to a repository the workspace's settings chose only after a modal
// confirmation; the decision is tested here without VS Code.
import assert from 'node:assert/strict';
import { repositoryChoice } from '../../client/src/trackers/repositoryChoice';

describe('Create GitHub Issue: which repository', () => {
  it('a repository the user set is used without a question', () => {
    assert.deepEqual(repositoryChoice({ globalValue: ' octo/app ' }), { kind: 'use', name: 'octo/app' });
  });

  it('a repository the workspace or its folder set needs the user to confirm it, even when the user set another', () => {
    assert.deepEqual(repositoryChoice({ workspaceValue: 'stranger/public-repo' }), { kind: 'confirm', name: 'stranger/public-repo' });
    assert.deepEqual(repositoryChoice({ globalValue: 'octo/app', workspaceFolderValue: 'stranger/public-repo' }), { kind: 'confirm', name: 'stranger/public-repo' });
    assert.deepEqual(repositoryChoice({ workspaceValue: 'team/ops', workspaceFolderValue: 'team/web' }), { kind: 'confirm', name: 'team/web' }, 'the folder outranks the workspace');
  });

  it('no repository set, or only blank values: the user is asked', () => {
    assert.deepEqual(repositoryChoice(undefined), { kind: 'ask' });
    assert.deepEqual(repositoryChoice({}), { kind: 'ask' });
    assert.deepEqual(repositoryChoice({ globalValue: '  ', workspaceValue: '' }), { kind: 'ask' });
    assert.deepEqual(repositoryChoice({ globalValue: 'octo/app', workspaceValue: '   ' }), { kind: 'use', name: 'octo/app' }, 'a blank workspace value chooses nothing');
  });
});
