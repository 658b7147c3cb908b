// Code lenses: the incident's key durations above the timeline, the action items' state above them.
import type { CodeLens } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CachedAnalysis } from '../documents';
import type { Postmortem } from '../model/types';
import { isOverdue, todayFor } from '../model/calendar';
import { computeMetrics, figureText, readFigure } from '../model/metrics';
import type { MetricName } from '../protocol';
import { toRange } from './convert';

export function codeLenses(document: TextDocument, cached: CachedAnalysis, now: Date): CodeLens[] {
  return lensesOf(document, cached.analysis.model, now);
}

/** The lenses from the model alone: the analysis worker makes them, so only they cross threads. */
export function lensesOf(document: TextDocument, model: Postmortem, now: Date): CodeLens[] {
  const lenses: CodeLens[] = [];
  const timeline = model.timeline.section;
  if (timeline && model.timeline.entries.length) {
    const m = computeMetrics(model.timeline);
    const part = (label: string, name: MetricName) => {
      // "after" a span; an unknown figure or "same day" stands alone.
      const reading = readFigure(m, name);
      const alone = reading.kind === 'unknown' || (reading.kind === 'days' && reading.days === 0);
      return `${label} ${alone ? '' : 'after '}${figureText(reading)}`;
    };
    const title = [part('detected', 'timeToDetectMinutes'), part('mitigated', 'timeToMitigateMinutes'), part('resolved', 'timeToResolveMinutes')].join(' · ');
    lenses.push({ range: toRange(document, timeline.titleSpan.start, timeline.titleSpan.start), command: { title, command: '' } });
  }
  const actions = model.sections.find((s) => s.kinds.includes('action-items'));
  if (actions) {
    const items = model.actionItems;
    const today = todayFor(model, now);
    const open = items.filter((i) => i.status === 'open');
    const title = [
      `${items.length} item${items.length === 1 ? '' : 's'}`,
      `${open.filter((i) => !i.owner).length} without owner`,
      `${open.filter((i) => isOverdue(i, today)).length} overdue`,
    ].join(' · ');
    lenses.push({ range: toRange(document, actions.titleSpan.start, actions.titleSpan.start), command: { title, command: '' } });
  }
  return lenses;
}
