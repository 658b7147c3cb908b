// The quick-fix menu per finding: its fix or suggestions, fix all of the rule, disable for the
// line or the file, show documentation; and one source.fixAll.postmortem per document.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CachedAnalysis } from '../documents';
import { compatibleFixes } from '../engine/applyEdits';
import { SHOW_RULE_DOCUMENTATION } from '../protocol';
import type { Finding, Fix } from '../rules/types';
import { toLspFix, toTextEdit } from './convert';
import type { DiagnosticData } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.postmortem`;

function edit(uri: string, edits: TextEdit[]): CodeAction['edit'] {
  return { changes: { [uri]: edits } };
}

/** Non-overlapping fixes merged into one list of edits (the same choice --fix makes). */
function mergedEdits(document: TextDocument, fixes: Fix[]): TextEdit[] {
  return compatibleFixes(fixes).flatMap((f) => f.edits.map((e) => toTextEdit(document, e)));
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

/**
 * The finding a diagnostic stands for, in the analysis of the document's current version. Fixes are
 * always taken from it, never from the diagnostic's data: the diagnostic may have been computed on an
 * older version (diagnostics lag typing, and `run: onSave` shows the saved version's), and its edits
 * would then replace the wrong text. When the version moved and the finding cannot be told apart
 * from another one, nothing is offered.
 */
function currentFinding(document: TextDocument, cached: CachedAnalysis, diagnostic: Diagnostic, data: DiagnosticData): Finding | undefined {
  const candidates = cached.analysis.findings.filter((f) => f.ruleId === data.ruleId && f.message === diagnostic.message);
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  // Clients that move diagnostics with the edits (VS Code) send the range in current coordinates.
  const exact = candidates.find((f) => f.start === start && f.end === end);
  if (exact || data.version === cached.version) return exact;
  const line = diagnostic.range.start.line;
  const distance = (f: Finding) => Math.abs(document.positionAt(f.start).line - line);
  const sorted = [...candidates].sort((a, b) => distance(a) - distance(b));
  if (sorted.length > 1 && distance(sorted[0]) === distance(sorted[1])) return undefined;
  return sorted[0];
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
    const finding = currentFinding(document, cached, diagnostic, data);
    if (finding?.fix) {
      const fix = toLspFix(document, finding.fix);
      actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: edit(uri, fix.edits) });
    }
    for (const s of finding?.suggestions ?? []) {
      const fix = toLspFix(document, s);
      actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit(uri, fix.edits) });
    }
    if (seenRules.has(ruleId)) continue;
    seenRules.add(ruleId);
    const ruleFixes = findings.filter((f) => f.ruleId === ruleId && f.fix).map((f) => f.fix as Fix);
    if (ruleFixes.length > 1) actions.push({ title: `Fix all ${ruleId} problems in this document`, kind: CodeActionKind.QuickFix, edit: edit(uri, mergedEdits(document, ruleFixes)) });
    // The line comment goes on the finding's current line; a moved finding that cannot be found gets none.
    const line = finding ? disableLine(document, cached, document.positionAt(finding.start).line, ruleId) : undefined;
    if (line) actions.push({ title: `Disable ${ruleId} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit(uri, [line]) });
    actions.push({ title: `Disable ${ruleId} for this file`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit(uri, [disableFile(document, cached, ruleId)]) });
    actions.push({ title: `Show documentation for ${ruleId}`, kind: CodeActionKind.QuickFix, command: { title: `Show documentation for ${ruleId}`, command: SHOW_RULE_DOCUMENTATION, arguments: [ruleId] } });
  }
  return actions;
}
