// What activation does on the desktop and on the web alike: register commands, views and the
// status item, then start the server (unless `postmortem.enable` is off), then the tracker features
// and the start example. Nothing heavy here. Both entries call only this, so neither can miss a step.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { addActionItem } from './commands/addActionItem';
import { exportActionItems } from './commands/exportActionItems';
import { insertTimelineEntry } from './commands/insertTimelineEntry';
import { newPostmortem } from './commands/newPostmortem';
import { showRuleDocumentation } from './commands/showRuleDocumentation';
import { addCiWorkflow, openSample } from './commands/walkthrough';
import { exportTimelineSvg } from './preview/exportTimeline';
import { registerTimelinePreview, TimelinePreview } from './preview/timelinePreview';
import { isEnabled, ServerControl } from './serverControl';
import { openStartExample } from './startDemo';
import { PostmortemStatus } from './status/languageStatus';
import { registerTrackerFeatures } from './trackers/register';
import { ActionItemsView } from './views/actionItemsView';
import { PostmortemView, REVEAL_LINE, revealLine } from './views/postmortemView';

/** What the end-to-end tests reach through `extension.exports`. */
export interface PostmortemApi {
  client: BaseLanguageClient;
  view: PostmortemView;
  actionItems: ActionItemsView;
  status: PostmortemStatus;
  server: ServerControl;
  preview: () => TimelinePreview | undefined;
  /** How long activate() took, the language server's start included. */
  activationMs: number;
}

export type ClientFactory = (context: vscode.ExtensionContext, output: vscode.LogOutputChannel, openDocs: (ruleId: string) => Promise<void>) => BaseLanguageClient;

export async function activateWith(context: vscode.ExtensionContext, createClient: ClientFactory): Promise<PostmortemApi> {
  const started = Date.now();
  const output = vscode.window.createOutputChannel('Postmortem', { log: true });
  const client = createClient(context, output, (ruleId) => showRuleDocumentation(context, ruleId));
  activeClient = client;
  const server = new ServerControl(client, output);
  const view = new PostmortemView(client);
  const actionItems = new ActionItemsView(client);
  const status = new PostmortemStatus(() => server.running);
  const actionItemsTree = vscode.window.createTreeView('postmortem.actionItems', { treeDataProvider: actionItems, showCollapseAll: true });
  context.subscriptions.push(
    output, server, view, actionItems, actionItemsTree, status,
    view.onDidRefresh((outline) => status.update(outline)),
    client.onDidChangeState(() => {
      status.render();
      view.refreshSoon();
      void actionItems.refresh().catch(() => undefined);
    }),
    vscode.window.registerTreeDataProvider('postmortem.outline', view),
    ...registerTimelinePreview(context, client),
    vscode.commands.registerCommand('postmortem.exportTimelineSvg', (uri?: vscode.Uri, saveTo?: vscode.Uri) => exportTimelineSvg(client, uri instanceof vscode.Uri ? uri : undefined, saveTo)),
    vscode.commands.registerCommand('postmortem.exportActionItems', (format?: 'csv' | 'json' | 'markdown', saveTo?: vscode.Uri) => exportActionItems(actionItems.items, format, saveTo)),
    vscode.commands.registerCommand('postmortem.actionItems.groupByOwner', () => actionItems.setGrouping(true)),
    vscode.commands.registerCommand('postmortem.actionItems.groupByState', () => actionItems.setGrouping(false)),
    vscode.commands.registerCommand('postmortem.actionItems.refresh', () => actionItems.refresh()),
    vscode.commands.registerCommand('postmortem.insertTimelineEntry', () => insertTimelineEntry(client)),
    vscode.commands.registerCommand('postmortem.addActionItem', () => addActionItem(client)),
    vscode.commands.registerCommand('postmortem.newPostmortem', (options?: string | Parameters<typeof newPostmortem>[0]) => newPostmortem(typeof options === 'string' ? { title: options } : options)),
    vscode.commands.registerCommand('postmortem.showRuleDocs', (ruleId?: string) => showRuleDocumentation(context, ruleId)),
    vscode.commands.registerCommand('postmortem.restartServer', () => server.restart()),
    vscode.commands.registerCommand('postmortem.showOutput', () => server.showOutput()),
    vscode.commands.registerCommand('postmortem.openSample', openSample),
    vscode.commands.registerCommand('postmortem.addCiWorkflow', addCiWorkflow),
    vscode.commands.registerCommand(REVEAL_LINE, revealLine),
  );
  // A server that cannot start leaves the commands, views and status item working (the status says so).
  if (isEnabled()) await server.sync().catch((error) => output.error(`The language server did not start: ${error instanceof Error ? error.message : String(error)}`));
  else output.info('postmortem.enable is off: the language server stays stopped.');
  view.start();
  actionItems.attach(actionItemsTree);
  const activationMs = Date.now() - started;
  output.info(`Activated in ${activationMs} ms.`);
  const api: PostmortemApi = { client, view, actionItems, status, server, preview: () => TimelinePreview.active, activationMs };
  registerTrackerFeatures(context, api);
  void openStartExample().catch(() => undefined);
  return api;
}

/** The client the last activation created: what deactivate stops. */
let activeClient: BaseLanguageClient | undefined;

/** Both entries' deactivate: stops the language server this activation started. */
export async function deactivate(): Promise<void> {
  if (activeClient?.isRunning()) await activeClient.stop();
}
