// The quick-fix menu per finding: its fix or suggestions, fix all of the rule, disable for the
// line or the file, show documentation; and one source.fixAll.postmortem per document.
import { CodeActionKind, TextDocumentEdit, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DetailsPick, PickedDetails } from '../analysis/worker';
import type { CheckedVersion } from '../documents';
import { compatibleFixes } from '../engine/applyEdits';
import { SHOW_RULE_DOCUMENTATION } from '../protocol';
import type { Fix } from '../rules/types';
import { toLspFix, toTextEdit } from './convert';
import { diagnosticData, type DiagnosticData } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.postmortem`;

/**
 * How the client takes edits: `documentChanges` names the version the edits were made against, so
 * a client that has moved on since refuses them instead of editing stale ranges (the client
 * announces workspace.workspaceEdit.documentChanges); plain `changes` for the clients that cannot.
 */
export type EditShape = 'documentChanges' | 'changes';

function editFor(document: TextDocument, shape: EditShape) {
  return (edits: TextEdit[]): CodeAction['edit'] => (shape === 'documentChanges'
    ? { documentChanges: [TextDocumentEdit.create({ uri: document.uri, version: document.version }, edits)] }
    : { changes: { [document.uri]: edits } });
}

/** Non-overlapping fixes merged into one list of edits (the same choice --fix makes). */
function mergedEdits(document: TextDocument, fixes: Fix[]): TextEdit[] {
  return compatibleFixes(fixes).flatMap((f) => f.edits.map((e) => toTextEdit(document, e)));
}

/** Where a disable comment may not go: inside the front matter (a comment would break the YAML). */
type FrontMatterSpan = PickedDetails['frontMatter'];

function disableLine(document: TextDocument, fm: FrontMatterSpan, line: number, ruleId: string): TextEdit | undefined {
  const lineStart = document.offsetAt({ line, character: 0 });
  if (fm && lineStart >= fm.start && lineStart < fm.end) return undefined;
  const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
  const comment = `<!-- postmortem-disable-line ${ruleId} -->`;
  // In a table row the comment goes inside the last cell, so the row stays a row.
  const lastPipe = text.trimEnd().endsWith('|') ? text.lastIndexOf('|') : -1;
  const at = lastPipe > 0 ? lastPipe : text.length;
  return { range: { start: { line, character: at }, end: { line, character: at } }, newText: lastPipe > 0 ? `${comment} ` : ` ${comment}` };
}

function disableFile(document: TextDocument, fm: FrontMatterSpan, ruleId: string): TextEdit {
  const at = document.positionAt(fm ? fm.end : 0);
  const newText = fm ? `\n\n<!-- postmortem-disable-file ${ruleId} -->` : `<!-- postmortem-disable-file ${ruleId} -->\n\n`;
  return { range: { start: at, end: at }, newText };
}

/**
 * The finding a diagnostic stands for (its index), in the analysis of the document's current
 * version. Fixes are always taken from it, never from the diagnostic's data: the diagnostic may have
 * been computed on an older version (diagnostics lag typing, and `run: onSave` shows the saved
 * version's), and its edits would then replace the wrong text. When the version moved and the
 * finding cannot be told apart from another one, nothing is offered.
 */
function currentFinding(document: TextDocument, analysis: ActionSource, diagnostic: Diagnostic, data: DiagnosticData): number | undefined {
  const candidates: number[] = [];
  analysis.headline.findings.forEach((f, i) => {
    // The same rule and message, naming the same text (typing inside it, or a neighbour that moved
    // into its old place, is not the finding the diagnostic was made for).
    if (f.ruleId === data.ruleId && f.message === diagnostic.message && (data.named === undefined || f.named === data.named)) candidates.push(i);
  });
  const findings = analysis.headline.findings;
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  // Clients that move diagnostics with the edits (VS Code) send the range in current coordinates.
  const exact = candidates.find((i) => findings[i].start === start && findings[i].end === end);
  if (exact !== undefined || data.version === analysis.version) return exact;
  // Findings of the same rule, message and text, in document order: the k-th of n stays the k-th
  // while there are n (a repeated phrase fixed by hand elsewhere must not lend this one its fix).
  const twin = /^(\d+)\/(\d+)$/.exec(data.twin ?? '');
  if (twin) return candidates.length === Number(twin[2]) ? candidates[Number(twin[1])] : undefined;
  const line = diagnostic.range.start.line;
  const distance = (i: number) => Math.abs(document.positionAt(findings[i].start).line - line);
  const sorted = [...candidates].sort((a, b) => distance(a) - distance(b));
  if (sorted.length > 1 && distance(sorted[0]) === distance(sorted[1])) return undefined;
  return sorted[0];
}

/** What code actions read of one version's analysis: every finding without its fixes, and a way to fetch only the fixes they need. */
export type ActionSource = Pick<CheckedVersion, 'version' | 'headline' | 'pick'>;

/**
 * The code actions for a range. The findings the request's diagnostics stand for are found among the
 * headlines at hand; only their fixes (and, for "fix all", those of their rules, or every fix when
 * source.fixAll is asked for) are fetched from the analysis, which keeps the rest. Undefined when
 * the analysis can no longer give them.
 */
export async function codeActions(document: TextDocument, analysis: ActionSource, params: CodeActionParams, shape: EditShape = 'changes'): Promise<CodeAction[] | undefined> {
  const only = params.context.only;
  const asks = (kind: string) => !!only?.some((k) => kind === k || kind.startsWith(`${k}.`));
  // Source actions only when asked for by kind (save, the Source Action menu): the editor never lists
  // them among a range's quick fixes, and fix-all needs every fix of the document.
  const wants = (kind: string) => (kind === FIX_ALL_KIND ? asks(kind) : !only || asks(kind));
  const edit = editFor(document, shape);
  const quickFixes = wants(CodeActionKind.QuickFix);
  const asked = quickFixes ? params.context.diagnostics.flatMap((diagnostic: Diagnostic) => {
    const data = diagnostic.source === 'postmortem' ? diagnosticData(diagnostic) : undefined;
    return data ? [{ diagnostic, data }] : [];
  }) : [];
  const matched = asked.map(({ diagnostic, data }) => ({ diagnostic, ruleId: data.ruleId, index: currentFinding(document, analysis, diagnostic, data) }));
  const pick: DetailsPick = {
    findings: matched.flatMap((m) => (m.index === undefined ? [] : [m.index])),
    rules: [...new Set(matched.map((m) => m.ruleId))],
    allFixes: wants(FIX_ALL_KIND),
  };
  if (!pick.allFixes && matched.length === 0) return [];
  const picked = await analysis.pick(pick);
  if (!picked) return undefined;
  const findings = analysis.headline.findings;
  // Fixes are matched to findings by index: never one outside the headlines (nothing is offered for it).
  const fixes = new Map(picked.fixes.filter(([i]) => i >= 0 && i < findings.length));
  const actions: CodeAction[] = [];

  if (pick.allFixes) {
    const all = [...fixes.values()].map((f) => f.fix).filter((f): f is Fix => f !== undefined);
    if (all.length > 0) actions.push({ title: 'Fix all safe postmortem problems', kind: FIX_ALL_KIND, edit: edit(mergedEdits(document, all)) });
  }
  const seenRules = new Set<string>();
  for (const { diagnostic, ruleId, index } of matched) {
    const found = index === undefined ? undefined : fixes.get(index);
    if (found?.fix) {
      const fix = toLspFix(document, found.fix);
      actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: edit(fix.edits) });
    }
    for (const s of found?.suggestions ?? []) {
      const fix = toLspFix(document, s);
      actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit(fix.edits) });
    }
    if (seenRules.has(ruleId)) continue;
    seenRules.add(ruleId);
    const ruleFixes = [...fixes].filter(([i, f]) => findings[i].ruleId === ruleId && f.fix).map(([, f]) => f.fix as Fix);
    if (ruleFixes.length > 1) actions.push({ title: `Fix all ${ruleId} problems in this document`, kind: CodeActionKind.QuickFix, edit: edit(mergedEdits(document, ruleFixes)) });
    // The line comment goes on the finding's current line; a moved finding that cannot be found gets none.
    const line = index !== undefined ? disableLine(document, picked.frontMatter, document.positionAt(findings[index].start).line, ruleId) : undefined;
    if (line) actions.push({ title: `Disable ${ruleId} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit([line]) });
    actions.push({ title: `Disable ${ruleId} for this file`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit([disableFile(document, picked.frontMatter, ruleId)]) });
    actions.push({ title: `Show documentation for ${ruleId}`, kind: CodeActionKind.QuickFix, command: { title: `Show documentation for ${ruleId}`, command: SHOW_RULE_DOCUMENTATION, arguments: [ruleId] } });
  }
  return actions;
}
