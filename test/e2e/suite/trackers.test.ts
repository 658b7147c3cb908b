// Trackers in a real VS Code, against a local fake of the GitHub API (no test reaches the internet):
// Create GitHub Issue, drift in the diagnostics and the Action Items view, the follow-through report.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FollowThroughPanel } from '../../../client/src/report/followThroughPanel';
import type { CreatedLink } from '../../../client/src/trackers/createIssue';
import { FakeTrackers } from '../../helpers/fakeTrackers';
import { api, codeOf, diagnosticsWhere, openWith } from './helpers';

const config = () => vscode.workspace.getConfiguration('postmortem.trackers');

/** Resolves when the Action Items view, refreshed on each change, satisfies `predicate`. */
async function viewWhere(predicate: () => boolean, what: string): Promise<void> {
  const { actionItems } = await api();
  await actionItems.refresh();
  if (predicate()) return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for the Action Items view: ${what}`)), 30_000);
    const listener = actionItems.onDidChangeTreeData(() => {
      if (!predicate()) return;
      clearTimeout(timer);
      listener.dispose();
      resolve();
    });
  });
}

describe('Trackers in a real VS Code (local fake GitHub)', () => {
  let fake: FakeTrackers;

  before(async () => {
    fake = await new FakeTrackers().start();
    await api();
    await config().update('githubApiUrl', fake.url, vscode.ConfigurationTarget.Global);
    await config().update('githubRepository', 'octo/app', vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('postmortem.trackers.setToken', 'github', 'e2e-token');
  });
  after(async () => {
    await vscode.commands.executeCommand('postmortem.actionItems.showAll');
    for (const key of ['enabled', 'githubApiUrl', 'githubRepository']) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('postmortem.trackers.clearTokens');
    await fake.stop();
  });

  it('Create GitHub issue: creates it with title, body and assignee, writes the link into the item, and Undo takes the link out', async () => {
    const editor = await openWith('postmortems/2026-02-01-create-issue.md', '---\ntype: postmortem\n---\n\n# Broker disk full\n\n## Action items\n\n- [ ] Alert when broker disk passes 80%. Owner: @ana-b. Due: 2026-03-15.\n');
    const uri = editor.document.uri;
    const diagnostics = await diagnosticsWhere(uri, (d) => d.some((x) => codeOf(x) === 'action-item-tracked'), 'action-item-tracked');
    const target = diagnostics.find((x) => codeOf(x) === 'action-item-tracked')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, target.range, vscode.CodeActionKind.QuickFix.value);
    const create = actions.find((a) => a.title === 'Create GitHub issue in octo/app for this action item');
    assert.ok(create?.command, `actions: ${actions.map((a) => a.title).join(', ')}`);
    const created = await vscode.commands.executeCommand<CreatedLink>(create.command.command, ...(create.command.arguments ?? []));
    assert.deepEqual(created, { url: `${fake.url}/octo/app/issues/101`, inserted: true });
    assert.equal(fake.created[0].body.title, 'Alert when broker disk passes 80%.');
    assert.deepEqual(fake.created[0].body.assignees, ['ana-b']);
    assert.match(fake.created[0].body.body ?? '', /2026-02-01-create-issue\.md` \(line 9\)[\s\S]*Due: 2026-03-15/);
    assert.equal(fake.created[0].headers.authorization, 'Bearer e2e-token');
    assert.equal(editor.document.lineAt(8).text, `- [ ] Alert when broker disk passes 80%. Owner: @ana-b. Due: 2026-03-15. ${created.url}`);
    await diagnosticsWhere(uri, (d) => d.some((x) => x.source === 'postmortem') && !d.some((x) => codeOf(x) === 'action-item-tracked'), 'the item is tracked now');
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    assert.doesNotMatch(editor.document.getText(), /issues\/101/);
  });

  it('Create GitHub issue: a refusal is said clearly and the document is left as it was', async () => {
    fake.createStatus = 403;
    try {
      const editor = await openWith('postmortems/2026-02-02-refused.md', '---\ntype: postmortem\n---\n\n# Refused\n\n## Action items\n\n- [ ] Rotate the broker certificates. Owner: @ana. Due: 2026-03-15.\n');
      const before = editor.document.getText();
      const created = await vscode.commands.executeCommand<CreatedLink | undefined>('postmortem.createGitHubIssue', editor.document.uri, 8);
      assert.equal(created, undefined);
      assert.equal(editor.document.getText(), before);
    } finally {
      fake.createStatus = undefined;
    }
  });

  it('reports drift in the diagnostics and in the Action Items view, and filters the view to drifted items', async () => {
    fake.issues.set('github:octo/app#7', { state: 'open' });
    const editor = await openWith('postmortems/2026-02-03-drift.md', '---\ntype: postmortem\n---\n\n# Drift\n\n## Action items\n\n- [x] Add a canary stage. Owner: @ana. Due: 2026-03-15. octo/app#7\n- [ ] Split the broker pool. Owner: @ben. Due: 2026-03-20.\n');
    const uri = editor.document.uri;
    const { actionItems } = await api();
    const mine = () => actionItems.items.filter((i) => i.uri === uri.toString());
    await viewWhere(() => mine().length === 2, 'the new postmortem indexed');
    await config().update('enabled', true, vscode.ConfigurationTarget.Global);
    await diagnosticsWhere(uri, (d) => d.some((x) => codeOf(x) === 'action-item-drift' && x.range.start.line === 8), 'action-item-drift');
    await viewWhere(() => actionItems.trackerState(mine()[0])?.drift === 'done-here-open-in-tracker', 'drift in the view');
    const tree = actionItems.getTreeItem(mine()[0]);
    assert.equal((tree.iconPath as vscode.ThemeIcon).id, 'issue-reopened');
    assert.match(String(tree.description), /drift: still open in the tracker/);
    // appendText keeps the item's own text inert, writing its spaces as &nbsp;.
    assert.match((tree.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' '), /still open in the tracker/);
    await vscode.commands.executeCommand('postmortem.actionItems.showDrifted');
    const shown = actionItems.groups().flatMap((g) => g.items);
    assert.ok(shown.length >= 1 && shown.every((i) => actionItems.trackerState(i)?.drift), shown.map((i) => i.text).join(' | '));
    await vscode.commands.executeCommand('postmortem.actionItems.showAll');
    assert.ok(actionItems.groups().flatMap((g) => g.items).length > shown.length);
  });

  it('Open Follow-through Report shows the report in a webview with a strict CSP', async () => {
    const panel = await vscode.commands.executeCommand<FollowThroughPanel>('postmortem.openFollowThroughReport');
    const html = panel.panel.webview.html;
    assert.match(html, /<h1>Action item follow-through<\/h1>/);
    assert.match(html, /content="default-src 'none'; style-src 'sha256-[^']+';[^"]*script-src 'nonce-[0-9a-f]{32}'"/);
    assert.match(html, /2026-02-03-drift\.md/);
    assert.ok(vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && t.label === 'Action item follow-through')));
    // It follows changes: a new postmortem appears without reopening the report.
    const redrawn = new Promise<void>((resolve) => {
      const listener = panel.onDidDraw((result) => {
        if (!result.links['postmortems/2026-02-04-later.md'] && !Object.keys(result.links).some((k) => k.endsWith('2026-02-04-later.md'))) return;
        listener.dispose();
        resolve();
      });
    });
    await openWith('postmortems/2026-02-04-later.md', '---\ntype: postmortem\n---\n\n# Later\n\n## Action items\n\n- [ ] Add a runbook link to the alert. Owner: @ana. Due: 2026-03-15.\n');
    await redrawn;
    panel.panel.dispose();
  });
});
