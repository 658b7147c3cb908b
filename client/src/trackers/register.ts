// Registers the tracker features of the desktop client: background tracker checks (credentials and
// settings sent to the server), the "drifted" filter of the Action Items view, Create GitHub issue,
// and the follow-through report.
import * as vscode from 'vscode';
import type { PostmortemApi } from '../activation';
import { FollowThroughPanel, OPEN_FOLLOW_THROUGH } from '../report/followThroughPanel';
import { CREATE_GITHUB_ISSUE, CreateIssueActions, createIssueForItem } from './createIssue';
import { TrackerCredentials, type TokenKind } from './credentials';

export function registerTrackerFeatures(context: vscode.ExtensionContext, api: PostmortemApi): void {
  const credentials = new TrackerCredentials(context.secrets);
  credentials.syncWith(api.client);
  void vscode.commands.executeCommand('setContext', 'postmortem.actionItemsDriftedOnly', false);
  context.subscriptions.push(
    credentials,
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new CreateIssueActions(), { providedCodeActionKinds: CreateIssueActions.kinds }),
    vscode.commands.registerCommand(CREATE_GITHUB_ISSUE, (uri: vscode.Uri, line: number) => createIssueForItem(api.client, credentials, context.workspaceState, uri, line)),
    vscode.commands.registerCommand('postmortem.trackers.setToken', (kind?: TokenKind, value?: string) => credentials.setToken(kind, value)),
    vscode.commands.registerCommand('postmortem.trackers.clearTokens', () => credentials.clearTokens()),
    vscode.commands.registerCommand('postmortem.actionItems.showDrifted', () => api.actionItems.setDriftedOnly(true)),
    vscode.commands.registerCommand('postmortem.actionItems.showAll', () => api.actionItems.setDriftedOnly(false)),
    vscode.commands.registerCommand(OPEN_FOLLOW_THROUGH, () => FollowThroughPanel.show(api.client, api.actionItems.onDidChangeTreeData)),
    { dispose: () => FollowThroughPanel.current?.panel.dispose() },
  );
}
