import * as vscode from 'vscode';

/**
 * Opens a rule's page, shipped with the extension, in the Markdown preview.
 * The list of rules comes from the shipped pages (docs/rules/<id>.md, generated from the registry),
 * not from the engine's registry: importing the registry would bundle the whole engine, NLP model
 * included, into the client.
 */
export async function showRuleDocumentation(context: vscode.ExtensionContext, ruleId?: string): Promise<void> {
  const folder = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules');
  const ids = (await vscode.workspace.fs.readDirectory(folder))
    .filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.md'))
    .map(([name]) => name.slice(0, -3))
    .sort();
  let id = ruleId;
  if (!id) {
    const items = await Promise.all(ids.map(async (label) => ({ label, detail: await summary(vscode.Uri.joinPath(folder, `${label}.md`)) })));
    const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Show Rule Documentation'), matchOnDetail: true });
    id = pick?.label;
  }
  if (!id || !ids.includes(id)) return;
  await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(folder, `${id}.md`));
}

/** The page's first paragraph: the rule's one-sentence description. */
async function summary(page: vscode.Uri): Promise<string> {
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(page));
  return text.split(/\r?\n\r?\n/)[1]?.trim() ?? '';
}
