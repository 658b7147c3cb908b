import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisHeadline, CheckedVersion } from '../documents';
import { ruleDocsUrl } from '../rules/registry';
import type { Severity } from '../rules/types';
import { toRange } from './convert';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * What code actions read back from a diagnostic: which rule, and which version it was computed on.
 * No edits: code actions take them from the analysis of the version they are asked about (edits
 * carried here would be of the diagnostic's version, and would replace the wrong text once the
 * writer typed on), so carrying them made every diagnostics answer bigger for nothing.
 */
export interface DiagnosticData {
  ruleId: string;
  version: number;
  /**
   * A fingerprint of the text the finding names (namedTextKey): once the writer typed on, a finding of
   * the current version stands for this diagnostic only if it names the same text, so the fix of a
   * neighbour that moved into the diagnostic's old place is never offered for it.
   */
  named?: string;
  /**
   * "k/n": this finding is the k-th (from 0) of n findings of its rule, message and named text. A
   * phrase repeated in a document names the same text each time: once the writer typed on, the
   * diagnostic stands for the k-th such finding only while there are still n of them (one fixed by
   * hand, or one more typed, and no fix is offered rather than the wrong one's).
   */
  twin?: string;
}

/** A short fingerprint of a finding's text: its length and a 32-bit FNV-1a hash. */
export function namedTextKey(text: string, start: number, end: number): string {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${end - start}:${(hash >>> 0).toString(36)}`;
}

/**
 * Diagnostics of one analysis; its headline (findings without fixes) is all they read. Ranges the
 * analysis worker placed are taken as they are: the document's line index is then never built.
 */
export function toDiagnostics(document: TextDocument, cached: Pick<CheckedVersion, 'version' | 'config'> & { headline: Pick<AnalysisHeadline, 'findings' | 'notices'> }): Diagnostic[] {
  const text = document.getText();
  const named = cached.headline.findings.map((f) => namedTextKey(text, f.start, f.end));
  const twins = new Map<string, number>();
  const ordinals = cached.headline.findings.map((f, i) => {
    const key = `${f.ruleId}\u0000${f.message}\u0000${named[i]}`;
    const k = twins.get(key) ?? 0;
    twins.set(key, k + 1);
    return [key, k] as const;
  });
  const diagnostics: Diagnostic[] = cached.headline.findings.map((f, i) => {
    const [key, k] = ordinals[i];
    const data: DiagnosticData = { ruleId: f.ruleId, version: cached.version, named: named[i], twin: `${k}/${twins.get(key)}` };
    return {
      range: f.range ?? toRange(document, f.start, f.end),
      severity: SEVERITY[f.severity],
      code: f.ruleId,
      codeDescription: { href: ruleDocsUrl(f.ruleId) },
      source: 'postmortem',
      message: f.message,
      data,
    };
  });
  for (const notice of cached.headline.notices) {
    diagnostics.push({ range: toRange(document, notice.start, notice.end), severity: DiagnosticSeverity.Information, source: 'postmortem', code: 'input-limit', message: notice.message });
  }
  const { config } = cached;
  if (config.error) {
    diagnostics.unshift({ range: toRange(document, 0, 0), severity: DiagnosticSeverity.Error, source: 'postmortem', code: 'config', message: `${config.error} Using the default configuration until it is fixed.` });
  }
  return diagnostics;
}

export function tooLargeDiagnostic(document: TextDocument, limit: number): Diagnostic {
  return {
    range: toRange(document, 0, 0), severity: DiagnosticSeverity.Information, source: 'postmortem', code: 'too-large',
    message: `This document is larger than postmortem.maxFileSize (${limit} characters), so it is not checked. Raise the setting to check it.`,
  };
}
