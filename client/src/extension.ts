// Activation stays thin: start the server, register commands and the view. Nothing heavy here.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { addActionItem } from './commands/addActionItem';
import { insertTimelineEntry } from './commands/insertTimelineEntry';
import { newPostmortem } from './commands/newPostmortem';
import { showRuleDocumentation } from './commands/showRuleDocumentation';
import { createLanguageClient } from './languageClient';
import { PostmortemView, REVEAL_LINE, revealLine } from './views/postmortemView';

let client: LanguageClient | undefined;

/** What the end-to-end tests reach through `extension.exports`. */
export interface PostmortemApi {
  client: LanguageClient;
  view: PostmortemView;
}

export async function activate(context: vscode.ExtensionContext): Promise<PostmortemApi> {
  const output = vscode.window.createOutputChannel('Postmortem', { log: true });
  const openDocs = (ruleId: string) => showRuleDocumentation(context, ruleId);
  client = createLanguageClient(context, output, openDocs);
  const view = new PostmortemView(client);
  context.subscriptions.push(
    output, view,
    vscode.window.registerTreeDataProvider('postmortem.outline', view),
    vscode.commands.registerCommand('postmortem.insertTimelineEntry', () => insertTimelineEntry(client!)),
    vscode.commands.registerCommand('postmortem.addActionItem', () => addActionItem(client!)),
    vscode.commands.registerCommand('postmortem.newPostmortem', (title?: string) => newPostmortem(title)),
    vscode.commands.registerCommand('postmortem.showRuleDocs', (ruleId?: string) => showRuleDocumentation(context, ruleId)),
    vscode.commands.registerCommand(REVEAL_LINE, revealLine),
  );
  await client.start();
  return { client, view };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
