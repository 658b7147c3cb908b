// The data the Postmortem view and the timeline preview draw: the same model as the CLI's timeline.
import type { AnalysisSummary } from '../engine/analyze';
import { isOverdue, todayFor } from '../model/calendar';
import { computeMetrics, formatElapsed, metricFigures } from '../model/metrics';
import { CANONICAL_ORDER, SECTION_TITLES } from '../model/sectionNames';
import type { DocumentOutline } from '../protocol';

const TIMELINE_RULES = new Set(['timeline-timestamp', 'timeline-order', 'timeline-timezone', 'timeline-milestones']);

export function outline(uri: string, analysis: AnalysisSummary, requiredSections: string[], now: Date): DocumentOutline {
  const { model, lines } = analysis;
  const line = (offset: number) => lines.line(offset);
  const expected = new Set([...requiredSections, ...model.sections.flatMap((s) => s.kinds)]);
  const metrics = computeMetrics(model.timeline);
  const startMinutes = metrics.impactStart?.minutes;
  const today = todayFor(model, now);
  return {
    uri, isPostmortem: true, title: model.meta.title, severity: model.meta.severity,
    sections: CANONICAL_ORDER.filter((k) => expected.has(k)).map((kind) => {
      const section = model.sections.find((s) => s.kinds.includes(kind));
      return { kind, title: section?.title ?? SECTION_TITLES[kind], present: !!section, line: section ? line(section.start) : undefined };
    }),
    timeline: {
      zone: model.timeline.zone?.name ?? model.timeline.entryZones[0],
      entries: model.timeline.entries.map((e) => ({
        line: line(e.start), endLine: line(Math.max(e.start, e.end - 1)), time: e.iso ?? null, timeText: e.timeText, text: e.text,
        milestone: e.milestone ?? null, minutes: e.minutes, date: e.date, precision: e.precision,
        elapsed: e.minutes !== undefined && startMinutes !== undefined ? formatElapsed(e.minutes - startMinutes) : undefined,
      })),
      metrics: metricFigures(metrics),
      findings: analysis.findings.filter((f) => TIMELINE_RULES.has(f.ruleId)).map((f) => ({ line: line(f.start), ruleId: f.ruleId, message: f.message })),
    },
    actionItems: model.actionItems.map((a) => ({ line: line(a.start), text: a.text, owner: a.owner ?? null, due: a.due ?? null, status: a.status, overdue: isOverdue(a, today) })),
  };
}
