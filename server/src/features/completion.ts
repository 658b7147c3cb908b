// Completion: section headings after "#", owners after "@", "+7d" to a date, severities in front matter.
import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CachedAnalysis } from '../documents';
import { CANONICAL_ORDER, SECTION_TITLES } from '../model/sectionNames';
import { addDays, todayFor } from '../model/calendar';

export async function completions(document: TextDocument, cached: CachedAnalysis, position: Position, now: Date, owners: () => Promise<string[]>): Promise<CompletionItem[]> {
  const line = document.getText({ start: { line: position.line, character: 0 }, end: position });
  const range = (length: number) => ({ start: { line: position.line, character: position.character - length }, end: position });

  const heading = /^(#{1,6})[ \t]+([^#]*)$/.exec(line);
  if (heading) {
    const present = new Set(cached.analysis.model.sections.flatMap((s) => s.kinds));
    return CANONICAL_ORDER.map((kind, i) => ({
      label: SECTION_TITLES[kind], kind: CompletionItemKind.Module, sortText: `${present.has(kind) ? 1 : 0}${i.toString().padStart(2, '0')}`,
      detail: present.has(kind) ? 'postmortem section (already present)' : 'postmortem section',
      textEdit: { range: range(heading[2].length), newText: SECTION_TITLES[kind] },
    }));
  }

  const due = /(?:^|\s)\+(\d{1,3})([dw])$/.exec(line);
  if (due) {
    const days = Number(due[1]) * (due[2] === 'w' ? 7 : 1);
    const date = addDays(todayFor(cached.analysis.model, now), days);
    return [{ label: date, kind: CompletionItemKind.Value, detail: `${days} days from today`, filterText: `+${due[1]}${due[2]}`, textEdit: { range: range(due[1].length + 2), newText: date } }];
  }

  const owner = /(?:^|[\s(,])@([\w.-]*)$/.exec(line);
  if (owner) {
    return (await owners()).map((handle) => ({ label: handle, kind: CompletionItemKind.Reference, detail: 'owner in this workspace\'s postmortems', textEdit: { range: range(owner[1].length + 1), newText: handle } }));
  }

  const fm = cached.analysis.model.frontMatter;
  const offset = document.offsetAt(position);
  const severity = /^(?:severity|sev)\s*:\s*(\S*)$/i.exec(line);
  if (fm && offset > fm.start && offset < fm.end && severity) {
    return cached.config.config.shared.severityScale.map((value, i) => ({ label: value, kind: CompletionItemKind.EnumMember, sortText: String(i).padStart(3, '0'), textEdit: { range: range(severity[1].length), newText: value } }));
  }
  return [];
}
