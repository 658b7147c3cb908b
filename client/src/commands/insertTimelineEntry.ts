import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { TimelineInsertionRequest, type InsertionAnswer, type TimelineInsertionParams } from '../../../server/src/protocol';
import { activeMarkdownEditor, insertFromServer } from './applyInsertion';

export async function insertTimelineEntry(client: LanguageClient, now: () => Date = () => new Date()): Promise<boolean> {
  const editor = activeMarkdownEditor();
  if (!editor) return false;
  const params: TimelineInsertionParams = { uri: editor.document.uri.toString(), now: now().toISOString() };
  return insertFromServer(editor, () => client.sendRequest<InsertionAnswer>(TimelineInsertionRequest, params));
}
