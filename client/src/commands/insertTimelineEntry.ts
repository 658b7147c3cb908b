import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { TimelineInsertionRequest, type Insertion, type InsertionWithheld, type TimelineInsertionParams } from '../../../server/src/protocol';
import { activeMarkdownEditor, applyInsertion, showWithheld } from './applyInsertion';

export async function insertTimelineEntry(client: LanguageClient, now: () => Date = () => new Date()): Promise<boolean> {
  const editor = activeMarkdownEditor();
  if (!editor) return false;
  const params: TimelineInsertionParams = { uri: editor.document.uri.toString(), now: now().toISOString() };
  const insertion = await client.sendRequest<Insertion | InsertionWithheld | null>(TimelineInsertionRequest, params);
  if (showWithheld(insertion)) return false;
  if (!insertion) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This document is not recognised as a postmortem. Add `type: postmortem` to its front matter, or see the postmortem.files setting.'));
    return false;
  }
  return applyInsertion(editor, insertion);
}
