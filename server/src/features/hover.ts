// Hover: over a finding, the rule's explanation; over a timeline time, T+ elapsed and the milestone.
import type { Hover, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CachedAnalysis } from '../documents';
import { computeMetrics, formatElapsed, MILESTONE_LABELS } from '../model/metrics';
import { RULES_BY_ID, ruleDocsUrl } from '../rules/registry';
import { escapeMarkdown } from '../render/markdownEscape';

export function hover(document: TextDocument, cached: CachedAnalysis, position: Position): Hover | null {
  const offset = document.offsetAt(position);
  const { analysis } = cached;
  const parts: string[] = [];
  for (const f of analysis.findings) {
    if (offset < f.start || offset > f.end || (f.start === f.end && offset !== f.start)) continue;
    const rule = RULES_BY_ID.get(f.ruleId);
    if (!rule) continue;
    // The message quotes the document (a phrase, a front-matter severity): escaped, so it stays text.
    parts.push(`**${rule.id}** — ${rule.description}\n\n${escapeMarkdown(f.message)}\n\n${rule.rationale}\n\n[Documentation](${ruleDocsUrl(rule.id)})`);
  }
  const entry = analysis.model.timeline.entries.find((e) => e.timeSpan && offset >= e.timeSpan.start && offset <= e.timeSpan.end);
  if (entry) {
    const metrics = computeMetrics(analysis.model.timeline);
    const start = metrics.impactStart;
    const lines: string[] = [];
    if (entry.minutes !== undefined && start?.minutes !== undefined) {
      lines.push(`**${formatElapsed(entry.minutes - start.minutes)}** since the impact start${metrics.impactStartInferred ? ' (taken as the first entry: no entry marks the impact start)' : ''}`);
    }
    if (entry.milestone) lines.push(`Milestone: **${MILESTONE_LABELS[entry.milestone]}**${entry.milestoneExplicit ? ' (marked)' : ' (from the entry\'s words)'}`);
    if (entry.iso) lines.push(`\`${entry.iso}\``);
    if (lines.length) parts.push(lines.join('  \n'));
  }
  return parts.length ? { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') } } : null;
}
