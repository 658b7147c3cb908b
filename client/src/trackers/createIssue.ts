// "Create GitHub issue" on an open action item that links to no issue (the action-item-tracked
// finding): creates the issue through the GitHub REST API, then writes its link into the item with a
// WorkspaceEdit, so Undo removes it. When the item cannot be found any more, the link is offered to
// copy instead: a created issue is never lost.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { OutlineRequest, type DocumentOutline } from '../../../server/src/protocol';
import { GITHUB_REPOSITORY } from '../../../server/src/trackers/repositoryName';
import { GITHUB_API, githubApiUrl, type TrackerCredentials } from './credentials';
import { createGitHubIssue, issuePayload, linkInsertion } from './githubIssue';
import { repositoryChoice, type RepositoryChoice } from './repositoryChoice';

export const CREATE_GITHUB_ISSUE = 'postmortem.createGitHubIssue';
const LAST_REPOSITORY = 'postmortem.lastGitHubRepository';

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);

export class CreateIssueActions implements vscode.CodeActionProvider {
  // A getter, not a static field: nothing of the vscode API is read while the bundle loads (activation is measured that way).
  static get kinds(): vscode.CodeActionKind[] {
    return [vscode.CodeActionKind.QuickFix];
  }

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const choice = configuredRepository(document.uri);
    const repository = choice.kind === 'ask' ? undefined : choice.name;
    // The title names where the issue will be published, so choosing the fix is choosing the repository.
    const title = repository ? vscode.l10n.t('Create GitHub issue in {0} for this action item', repository) : vscode.l10n.t('Create GitHub issue for this action item');
    return context.diagnostics.filter((d) => d.source === 'postmortem' && codeOf(d) === 'action-item-tracked').map((d) => {
      const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [d];
      action.command = { title: action.title, command: CREATE_GITHUB_ISSUE, arguments: [document.uri, d.range.start.line] };
      return action;
    });
  }
}

type Item = DocumentOutline['actionItems'][number];

async function itemsOf(client: BaseLanguageClient, uri: vscode.Uri): Promise<Item[]> {
  const outline = await client.sendRequest<DocumentOutline>(OutlineRequest, { uri: uri.toString() });
  return outline?.actionItems ?? [];
}

/** postmortem.trackers.githubRepository, and whether it may be used as it is (see repositoryChoice). */
function configuredRepository(uri: vscode.Uri): RepositoryChoice {
  return repositoryChoice(vscode.workspace.getConfiguration('postmortem.trackers', uri).inspect<string>('githubRepository'));
}

async function repositoryFor(uri: vscode.Uri, state: vscode.Memento): Promise<string | undefined> {
  const choice = configuredRepository(uri);
  if (choice.kind === 'use') return choice.name;
  if (choice.kind === 'confirm') {
    const create = vscode.l10n.t('Create issue');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Create the issue in {0}? This repository is set by the workspace\'s settings, and the issue will be visible to everyone who can see {0}.', choice.name), { modal: true }, create);
    return answer === create ? choice.name : undefined;
  }
  const picked = await vscode.window.showInputBox({
    prompt: vscode.l10n.t('Create the issue in which GitHub repository? (owner/repo; set postmortem.trackers.githubRepository to skip this question)'),
    value: state.get<string>(LAST_REPOSITORY, ''), ignoreFocusOut: true,
    validateInput: (v) => (GITHUB_REPOSITORY.test(v.trim()) ? undefined : vscode.l10n.t('Write the repository as owner/repo.')),
  });
  if (picked) await state.update(LAST_REPOSITORY, picked.trim());
  return picked?.trim();
}

export interface CreatedLink {
  url: string;
  inserted: boolean;
}

export async function createIssueForItem(client: BaseLanguageClient, credentials: TrackerCredentials, state: vscode.Memento, uri: vscode.Uri, line: number): Promise<CreatedLink | undefined> {
  const item = (await itemsOf(client, uri)).find((i) => i.line === line);
  if (!item) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Postmortem: no action item on line {0} any more; nothing was created.', line + 1));
    return undefined;
  }
  const repository = await repositoryFor(uri, state);
  if (!repository) return undefined;
  const token = await credentials.githubToken(githubApiUrl() === GITHUB_API);
  const payload = issuePayload(item, vscode.workspace.asRelativePath(uri));
  const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Creating a GitHub issue in {0}…', repository) }, () => createGitHubIssue(githubApiUrl(), token, repository, payload));
  if (!outcome.ok) {
    void vscode.window.showErrorMessage(`Postmortem: ${outcome.message}`);
    return undefined;
  }
  // The document may have changed while the issue was created: find the item again by its text.
  const now = (await itemsOf(client, uri)).filter((i) => i.text === item.text).sort((a, b) => Math.abs(a.line - line) - Math.abs(b.line - line))[0];
  let inserted = false;
  if (now) {
    const document = await vscode.workspace.openTextDocument(uri);
    const at = linkInsertion(document.lineAt(now.line).text, outcome.url);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(now.line, at.character), at.newText);
    inserted = await vscode.workspace.applyEdit(edit);
  }
  const note = outcome.assigned || payload.assignees.length === 0 ? '' : vscode.l10n.t(' GitHub would not assign {0}, so it is unassigned.', payload.assignees[0]);
  if (inserted) void vscode.window.showInformationMessage(vscode.l10n.t('Postmortem: created issue #{0} and linked it from the action item.', outcome.number) + note);
  else {
    const copy = vscode.l10n.t('Copy link');
    void vscode.window.showWarningMessage(vscode.l10n.t('Postmortem: created {0}, but the action item changed, so the link was not written. Paste it into the item.', outcome.url) + note, copy)
      .then((choice) => {
        if (choice === copy) void vscode.env.clipboard.writeText(outcome.url);
      });
  }
  return { url: outcome.url, inserted };
}
