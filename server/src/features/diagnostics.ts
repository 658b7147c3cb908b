import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CachedAnalysis } from '../documents';
import { ruleDocsUrl } from '../rules/registry';
import type { Severity } from '../rules/types';
import { toLspFix, toRange, type LspFix } from './convert';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What code actions read back from a diagnostic. */
export interface DiagnosticData {
  ruleId: string;
  version: number;
  fix?: LspFix;
  suggestions?: LspFix[];
}

export function toDiagnostics(document: TextDocument, cached: CachedAnalysis): Diagnostic[] {
  const diagnostics: Diagnostic[] = cached.analysis.findings.map((f) => {
    const data: DiagnosticData = {
      ruleId: f.ruleId, version: cached.version,
      fix: f.fix && toLspFix(document, f.fix),
      suggestions: f.suggestions?.map((s) => toLspFix(document, s)),
    };
    return {
      range: toRange(document, f.start, f.end),
      severity: SEVERITY[f.severity],
      code: f.ruleId,
      codeDescription: { href: ruleDocsUrl(f.ruleId) },
      source: 'postmortem',
      message: f.message,
      data,
    };
  });
  for (const notice of cached.analysis.notices) {
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
