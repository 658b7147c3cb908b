// Output formats for lint results: stylish (people), json, github (workflow annotations). SARIF and
// GitLab Code Quality live in ciFormats.ts. Document text reaching a terminal is escaped.
import type { Severity } from '../rules/types';
import { escapeControl } from './terminal';

export interface CliFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The flagged source text (for fingerprints; not printed). */
  snippet?: string;
}

export interface FileResult {
  file: string;
  findings: CliFinding[];
}

export interface PrintContext {
  color: boolean;
  /** The folder SARIF and GitLab paths are relative to (the repository root or the working directory). */
  root: string;
  version: string;
  /** Set when warnings exceed --max-warnings: every format says so. */
  tooManyWarnings?: string;
}

const SEVERITY_COLOR: Record<Severity, number> = { error: 31, warning: 33, info: 36, hint: 90 };

export function countSeverities(results: FileResult[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of results.flatMap((r) => r.findings)) counts[f.severity]++;
  return counts;
}

export function summaryLine(results: FileResult[]): string {
  const c = countSeverities(results);
  const total = c.error + c.warning + c.info + c.hint;
  const s = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${s(total, 'problem')} (${s(c.error, 'error')}, ${s(c.warning, 'warning')}, ${c.info} info, ${s(c.hint, 'hint')}) in ${s(results.length, 'postmortem')}`;
}

export function stylish(results: FileResult[], context: PrintContext): string {
  const paint = (code: number, s: string): string => (context.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const out: string[] = [];
  for (const result of results) {
    if (result.findings.length === 0) continue;
    out.push(paint(4, escapeControl(result.file)));
    for (const f of result.findings) {
      out.push(`  ${`${f.line}:${f.column}`.padEnd(8)} ${paint(SEVERITY_COLOR[f.severity], f.severity.padEnd(7))}  ${escapeControl(f.message)}  ${paint(90, f.ruleId)}`);
    }
    out.push('');
  }
  if (out.length > 0) out.push(summaryLine(results));
  if (context.tooManyWarnings) out.push(context.tooManyWarnings);
  return out.length ? out.join('\n') + '\n' : '';
}

export function json(results: FileResult[]): string {
  const documented = results.map((r) => ({ file: r.file, findings: r.findings.map(({ snippet: _snippet, ...f }) => f) }));
  return JSON.stringify(documented, null, 2) + '\n';
}

// Workflow commands: data escapes %, CR and LF; properties also ':' and ','. Other control
// characters would reach the log raw, so they are escaped as text first.
function escapeData(s: string): string {
  return escapeControl(s, true).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function github(results: FileResult[], context: PrintContext): string {
  const command: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };
  const lines = results.flatMap((r) => r.findings.map((f) => `::${command[f.severity]} file=${escapeProperty(r.file)},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${escapeProperty(f.ruleId)}::${escapeData(f.message)}`));
  if (context.tooManyWarnings) lines.push(`::error title=postmortem-lint::${escapeData(context.tooManyWarnings)}`);
  lines.push(`postmortem-lint: ${summaryLine(results)}`);
  return lines.map((l) => l + '\n').join('');
}
