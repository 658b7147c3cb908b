// Activation stays thin: start the server, register commands and the view. Nothing heavy here.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { addActionItem } from './commands/addActionItem';
import { insertTimelineEntry } from './commands/insertTimelineEntry';
import { newPostmortem } from './commands/newPostmortem';
import { showRuleDocumentation } from './commands/showRuleDocumentation';
import { createLanguageClient } from './languageClient';
import { exportActionItems } from './commands/exportActionItems';
import { exportTimelineSvg } from './preview/exportTimeline';
import { registerTimelinePreview, TimelinePreview } from './preview/timelinePreview';
import { ActionItemsView } from './views/actionItemsView';
import { PostmortemView, REVEAL_LINE, revealLine } from './views/postmortemView';

let client: LanguageClient | undefined;

/** What the end-to-end tests reach through `extension.exports`. */
export interface PostmortemApi {
  client: LanguageClient;
  view: PostmortemView;
  actionItems: ActionItemsView;
  preview: () => TimelinePreview | undefined;
  /** How long activate() took, the language server's start included. */
  activationMs: number;
}

export async function activate(context: vscode.ExtensionContext): Promise<PostmortemApi> {
  const started = Date.now();
  const output = vscode.window.createOutputChannel('Postmortem', { log: true });
  const openDocs = (ruleId: string) => showRuleDocumentation(context, ruleId);
  client = createLanguageClient(context, output, openDocs);
  const view = new PostmortemView(client);
  const actionItems = new ActionItemsView(client);
  const actionItemsTree = vscode.window.createTreeView('postmortem.actionItems', { treeDataProvider: actionItems, showCollapseAll: true });
  context.subscriptions.push(
    output, view, actionItems, actionItemsTree,
    vscode.window.registerTreeDataProvider('postmortem.outline', view),
    ...registerTimelinePreview(context, client),
    vscode.commands.registerCommand('postmortem.exportTimelineSvg', (uri?: vscode.Uri, saveTo?: vscode.Uri) => exportTimelineSvg(client!, uri instanceof vscode.Uri ? uri : undefined, saveTo)),
    vscode.commands.registerCommand('postmortem.exportActionItems', (format?: 'csv' | 'json' | 'markdown', saveTo?: vscode.Uri) => exportActionItems(actionItems.items, format, saveTo)),
    vscode.commands.registerCommand('postmortem.actionItems.groupByOwner', () => actionItems.setGrouping(true)),
    vscode.commands.registerCommand('postmortem.actionItems.groupByState', () => actionItems.setGrouping(false)),
    vscode.commands.registerCommand('postmortem.actionItems.refresh', () => actionItems.refresh()),
    vscode.commands.registerCommand('postmortem.insertTimelineEntry', () => insertTimelineEntry(client!)),
    vscode.commands.registerCommand('postmortem.addActionItem', () => addActionItem(client!)),
    vscode.commands.registerCommand('postmortem.newPostmortem', (title?: string) => newPostmortem(title)),
    vscode.commands.registerCommand('postmortem.showRuleDocs', (ruleId?: string) => showRuleDocumentation(context, ruleId)),
    vscode.commands.registerCommand(REVEAL_LINE, revealLine),
  );
  await client.start();
  view.start();
  actionItems.attach(actionItemsTree);
  const activationMs = Date.now() - started;
  output.info(`Activated in ${activationMs} ms.`);
  return { client, view, actionItems, preview: () => TimelinePreview.active, activationMs };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
