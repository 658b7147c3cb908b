import * as vscode from 'vscode';
import { RULES } from '../../../server/src/rules/registry';

/** Opens a rule's page, shipped with the extension, in the Markdown preview. */
export async function showRuleDocumentation(context: vscode.ExtensionContext, ruleId?: string): Promise<void> {
  let id = ruleId;
  if (!id) {
    const pick = await vscode.window.showQuickPick(RULES.map((r) => ({ label: r.id, description: r.category, detail: r.description })), { title: vscode.l10n.t('Show Rule Documentation'), matchOnDetail: true });
    id = pick?.label;
  }
  if (!id || !RULES.some((r) => r.id === id)) return;
  const page = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${id}.md`);
  await vscode.commands.executeCommand('markdown.showPreview', page);
}
