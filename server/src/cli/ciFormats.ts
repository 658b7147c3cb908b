// Formats CI systems read: SARIF 2.1.0 (GitHub code scanning and other SARIF viewers) and the
// GitLab Code Quality report. Paths are relative to the repository root, and every finding carries
// a fingerprint built from what it flagged (never its line), so an alert survives lines moving and
// is not duplicated from run to run.
import { createHash } from 'node:crypto';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, ruleDocsUrl } from '../rules/registry';
import type { Severity } from '../rules/types';
import type { CliFinding, FileResult, PrintContext } from './format';

/** The path from the root with `/` separators, or undefined when the file lies outside it. */
export function rootRelative(file: string, root: string): string | undefined {
  const path = relative(root, resolve(file));
  return path === '' || path.startsWith('..') || isAbsolute(path) ? undefined : path.split(sep).join('/');
}

/** One fingerprint per finding: rule, path, flagged text (or message) and its occurrence number. */
export function fingerprints(path: string, findings: CliFinding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const what = (f.snippet ?? '').replace(/\s+/g, ' ').trim() || f.message;
    const key = `${f.ruleId}\u0000${path}\u0000${what}`;
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    return createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 32);
  });
}

const SARIF_LEVEL: Record<Severity | 'off', string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note', off: 'none' };

export function sarif(results: FileResult[], context: PrintContext): string {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  const sarifResults = results.flatMap((r) => {
    const path = rootRelative(r.file, context.root);
    const artifactLocation = path !== undefined ? { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' } : { uri: pathToFileURL(resolve(r.file)).href };
    const prints = fingerprints(path ?? r.file, r.findings);
    return r.findings.map((f, i) => ({
      ruleId: f.ruleId,
      ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
      level: SARIF_LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation, region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn } } }],
      partialFingerprints: { 'postmortemFinding/v1': prints[i] },
    }));
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'postmortem-lint', version: context.version, semanticVersion: context.version, informationUri: ruleDocsUrl('').replace(/docs\/rules\/\.md$/, ''),
          rules: RULES.map((r) => ({ id: r.id, name: r.id, shortDescription: { text: r.description }, helpUri: ruleDocsUrl(r.id), defaultConfiguration: { level: SARIF_LEVEL[r.defaultSeverity] }, properties: { category: r.category } })),
        },
      },
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(context.root).href.replace(/\/?$/, '/') } },
      columnKind: 'utf16CodeUnits',
      results: sarifResults,
      ...(context.tooManyWarnings ? { invocations: [{ executionSuccessful: true, toolExecutionNotifications: [{ level: 'error', message: { text: context.tooManyWarnings } }] }] } : {}),
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

const GITLAB_SEVERITY: Record<Severity, string> = { error: 'critical', warning: 'major', info: 'minor', hint: 'info' };

/** GitLab Code Quality report: a JSON array of issues (description, check_name, fingerprint, severity, location). */
export function gitlab(results: FileResult[], context: PrintContext): string {
  const issues = results.flatMap((r) => {
    const path = rootRelative(r.file, context.root) ?? resolve(r.file);
    const prints = fingerprints(path, r.findings);
    return r.findings.map((f, i) => ({
      type: 'issue', check_name: f.ruleId, description: `${f.message} (${f.ruleId})`, severity: GITLAB_SEVERITY[f.severity],
      fingerprint: prints[i], location: { path, lines: { begin: f.line, end: f.endLine } },
    }));
  });
  return JSON.stringify(issues, null, 2) + '\n';
}
