// Output formats for lint results: stylish (people), json, sarif 2.1.0, github (workflow annotations).
import { RULES, ruleDocsUrl } from '../rules/registry';
import type { Severity } from '../rules/types';

export interface CliFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface FileResult {
  file: string;
  findings: CliFinding[];
}

const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: number, s: string): string => (useColor ? `\u001b[${code}m${s}\u001b[0m` : s);
const SEVERITY_COLOR: Record<Severity, number> = { error: 31, warning: 33, info: 36, hint: 90 };

export function stylish(results: FileResult[]): string {
  const out: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const result of results) {
    if (result.findings.length === 0) continue;
    out.push(paint(4, result.file));
    for (const f of result.findings) {
      counts[f.severity]++;
      out.push(`  ${`${f.line}:${f.column}`.padEnd(8)} ${paint(SEVERITY_COLOR[f.severity], f.severity.padEnd(7))}  ${f.message}  ${paint(90, f.ruleId)}`);
    }
    out.push('');
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  if (total === 0) return '';
  out.push(`${total} problem${total === 1 ? '' : 's'} (${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.info} info, ${counts.hint} hint${counts.hint === 1 ? '' : 's'})`);
  return out.join('\n') + '\n';
}

export function json(results: FileResult[]): string {
  return JSON.stringify(results, null, 2) + '\n';
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function sarif(results: FileResult[], version: string): string {
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'postmortem-lint', version, informationUri: ruleDocsUrl('').replace(/docs\/rules\/\.md$/, ''),
          rules: RULES.map((r) => ({ id: r.id, shortDescription: { text: r.description }, helpUri: ruleDocsUrl(r.id), defaultConfiguration: { level: SARIF_LEVEL[r.defaultSeverity] } })),
        },
      },
      results: results.flatMap((r) => r.findings.map((f) => ({
        ruleId: f.ruleId, level: SARIF_LEVEL[f.severity], message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: r.file.replace(/\\/g, '/') }, region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn } } }],
      }))),
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function github(results: FileResult[]): string {
  const command: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };
  return results
    .flatMap((r) => r.findings.map((f) => `::${command[f.severity]} file=${escapeProperty(r.file)},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${escapeProperty(f.ruleId)}::${escapeData(f.message)}`))
    .map((l) => l + '\n')
    .join('');
}
