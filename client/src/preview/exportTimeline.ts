import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { OutlineRequest, type DocumentOutline } from '../../../server/src/protocol';
import { timelineSvg } from '../../../server/src/render/timelineSvg';
import { webviewStrings } from './webviewStrings';

/** Export Timeline as SVG: the same drawing as `postmortem-lint timeline --format svg`. */
export async function exportTimelineSvg(client: LanguageClient, target?: vscode.Uri, saveTo?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const uri = target ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri) return undefined;
  const outline = await client.sendRequest<DocumentOutline>(OutlineRequest, { uri: uri.toString() });
  if (!outline?.isPostmortem) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This document is not recognised as a postmortem.'));
    return undefined;
  }
  const suggested = uri.with({ path: uri.path.replace(/\.[^./]+$/, '') + '-timeline.svg' });
  const destination = saveTo ?? await vscode.window.showSaveDialog({ defaultUri: suggested, filters: { SVG: ['svg'] }, title: vscode.l10n.t('Export Timeline as SVG') });
  if (!destination) return undefined;
  await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(timelineSvg(outline, webviewStrings().layout)));
  return destination;
}
