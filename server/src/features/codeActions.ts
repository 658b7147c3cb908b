// The quick-fix menu per finding: its fix or suggestions, fix all of the rule, disable for the
// line or the file, show documentation; and one source.fixAll.postmortem per document.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CachedAnalysis } from '../documents';
import { SHOW_RULE_DOCUMENTATION } from '../protocol';
import type { Fix } from '../rules/types';
import { toTextEdit } from './convert';
import type { DiagnosticData } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.postmortem`;

function edit(uri: string, edits: TextEdit[]): CodeAction['edit'] {
  return { changes: { [uri]: edits } };
}

/** Non-overlapping fixes merged into one list of edits (the same rule fix-all and --fix use). */
function mergedEdits(document: TextDocument, fixes: Fix[]): TextEdit[] {
  const taken: Fix['edits'] = [];
  const kept: Fix[] = [];
  for (const fix of fixes) {
    if (fix.edits.some((e) => taken.some((t) => e.start < t.end && t.start < e.end))) continue;
    taken.push(...fix.edits);
    kept.push(fix);
  }
  return kept.flatMap((f) => f.edits.map((e) => toTextEdit(document, e)));
}

function disableLine(document: TextDocument, cached: CachedAnalysis, line: number, ruleId: string): TextEdit | undefined {
  const fm = cached.analysis.model.frontMatter;
  const lineStart = document.offsetAt({ line, character: 0 });
  if (fm && lineStart >= fm.start && lineStart < fm.end) return undefined; // A comment would break the YAML.
  const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
  const comment = `<!-- postmortem-disable-line ${ruleId} -->`;
  // In a table row the comment goes inside the last cell, so the row stays a row.
  const lastPipe = text.trimEnd().endsWith('|') ? text.lastIndexOf('|') : -1;
  const at = lastPipe > 0 ? lastPipe : text.length;
  return { range: { start: { line, character: at }, end: { line, character: at } }, newText: lastPipe > 0 ? `${comment} ` : ` ${comment}` };
}

function disableFile(document: TextDocument, cached: CachedAnalysis, ruleId: string): TextEdit {
  const fm = cached.analysis.model.frontMatter;
  const at = document.positionAt(fm ? fm.end : 0);
  const newText = fm ? `\n\n<!-- postmortem-disable-file ${ruleId} -->` : `<!-- postmortem-disable-file ${ruleId} -->\n\n`;
  return { range: { start: at, end: at }, newText };
}

export function codeActions(document: TextDocument, cached: CachedAnalysis, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  const uri = document.uri;
  const findings = cached.analysis.findings;

  if (wants(FIX_ALL_KIND)) {
    const fixes = findings.map((f) => f.fix).filter((f): f is Fix => f !== undefined);
    if (fixes.length > 0) actions.push({ title: 'Fix all safe postmortem problems', kind: FIX_ALL_KIND, edit: edit(uri, mergedEdits(document, fixes)) });
  }
  if (!wants(CodeActionKind.QuickFix)) return actions;

  const seenRules = new Set<string>();
  for (const diagnostic of params.context.diagnostics.filter((d: Diagnostic) => d.source === 'postmortem' && typeof d.code === 'string' && d.data)) {
    const data = diagnostic.data as DiagnosticData;
    const ruleId = data.ruleId;
    if (data.fix) actions.push({ title: data.fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: edit(uri, data.fix.edits) });
    for (const s of data.suggestions ?? []) actions.push({ title: s.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit(uri, s.edits) });
    if (seenRules.has(ruleId)) continue;
    seenRules.add(ruleId);
    const ruleFixes = findings.filter((f) => f.ruleId === ruleId && f.fix).map((f) => f.fix as Fix);
    if (ruleFixes.length > 1) actions.push({ title: `Fix all ${ruleId} problems in this document`, kind: CodeActionKind.QuickFix, edit: edit(uri, mergedEdits(document, ruleFixes)) });
    const line = disableLine(document, cached, diagnostic.range.start.line, ruleId);
    if (line) actions.push({ title: `Disable ${ruleId} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit(uri, [line]) });
    actions.push({ title: `Disable ${ruleId} for this file`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit(uri, [disableFile(document, cached, ruleId)]) });
    actions.push({ title: `Show documentation for ${ruleId}`, kind: CodeActionKind.QuickFix, command: { title: `Show documentation for ${ruleId}`, command: SHOW_RULE_DOCUMENTATION, arguments: [ruleId] } });
  }
  return actions;
}
