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
  /** The diagnostic's `code`: not repeated on the wire. */
  ruleId: string;
  version: number;
  /**
   * A fingerprint of the text the finding names (analysis/headlines.ts namedTextKey): once the writer typed on, a finding of
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

/**
 * DiagnosticData as a diagnostic carries it: `[version, named, twin]` (null for an absent part).
 * Every diagnostic of every report carries it, and the whole report is sent again whenever one
 * finding changes (a 500-row action table: ~950 diagnostics per keystroke): as an object with the
 * rule id repeated and its field names, it was 87 of a diagnostic's ~490 characters, as a tuple 31.
 */
export type WireData = [version: number, named: string | null, twin: string | null];

export function wireData(version: number, named: string | undefined, twin: string | undefined): WireData {
  return [version, named ?? null, twin ?? null];
}

const stringOrAbsent = (value: unknown): value is string | null | undefined => value === null || value === undefined || typeof value === 'string';

/**
 * What a diagnostic a client sent back says of its finding, or undefined when it is not one of ours
 * (no rule id in `code`, or data of another shape: clients send back whatever they were given, or
 * anything else).
 */
export function diagnosticData(diagnostic: Pick<Diagnostic, 'code' | 'data'>): DiagnosticData | undefined {
  const data: unknown = diagnostic.data;
  if (typeof diagnostic.code !== 'string' || !Array.isArray(data) || typeof data[0] !== 'number') return undefined;
  const [version, named, twin] = data as unknown[];
  if (!stringOrAbsent(named) || !stringOrAbsent(twin)) return undefined;
  return { ruleId: diagnostic.code, version: version as number, named: named ?? undefined, twin: twin ?? undefined };
}

/**
 * Each rule's documentation link, made once: a report of a 500-row action table holds about 950
 * diagnostics, and each keystroke made a link object and its 90-character string for every one.
 * Shared objects are safe: a report is serialised, never changed, and the handlers only read it.
 */
const docsLinks = new Map<string, { readonly href: string }>();

export function docsLink(ruleId: string): { readonly href: string } {
  let link = docsLinks.get(ruleId);
  if (!link) docsLinks.set(ruleId, (link = Object.freeze({ href: ruleDocsUrl(ruleId) })));
  return link;
}

/**
 * Diagnostics of one analysis; its headline (findings without fixes) is all they read. Ranges and
 * fingerprints come with the headline, made where the analysis ran (once per finding text: see
 * analysis/headlines.ts), so a keystroke neither indexes the document's lines nor hashes its
 * findings' text here. `docsLinks`: whether each finding carries its rule's docs link
 * (`codeDescription`); without it, the client makes the link from `code` or shows none (see
 * handlers/capabilities.ts DocsLinks).
 */
export function toDiagnostics(document: TextDocument, cached: Pick<CheckedVersion, 'version' | 'config'> & { headline: Pick<AnalysisHeadline, 'findings' | 'notices'> }, docsLinks = true): Diagnostic[] {
  const diagnostics: Diagnostic[] = cached.headline.findings.map((f): Diagnostic => {
    const data = wireData(cached.version, f.named, f.twin);
    const range = f.range ?? toRange(document, f.start, f.end);
    // The same fields in the same order either way, the link left out rather than sent as undefined.
    return docsLinks
      ? { range, severity: SEVERITY[f.severity], code: f.ruleId, codeDescription: docsLink(f.ruleId), source: 'postmortem', message: f.message, data }
      : { range, severity: SEVERITY[f.severity], code: f.ruleId, source: 'postmortem', message: f.message, data };
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
