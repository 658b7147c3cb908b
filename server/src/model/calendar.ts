// "Today" and "overdue", in one place. A due date is a calendar day where its reader lives: an item
// due today is not overdue at 20:00 in San Francisco just because it is already tomorrow in UTC.
// So today is the local date of the machine that asks, or of the document's own zone when the
// document declares one (front matter `timezone:`, or a zone stated for its timeline).
import type { ActionItem, Postmortem } from './types';
import { zoneOffsetAtInstant } from './zones';

const DAY_MS = 86_400_000;

function isoDay(year: number, monthIndex: number, day: number): string {
  return new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);
}

/**
 * Minutes east of UTC in `zone` at the instant `now`, or undefined when the zone is unknown. A region
 * written all year ("PT") follows its daylight-saving rules, as timeline entries are read.
 */
export function zoneOffsetAt(zone: string, now: Date): number | undefined {
  return zoneOffsetAtInstant(zone, now.getTime());
}

/** The date (YYYY-MM-DD) at the instant `now`: in `zone` when given and known, else in the local zone. */
export function localToday(now: Date, zone?: string): string {
  const offset = zone ? zoneOffsetAt(zone, now) : undefined;
  if (offset !== undefined) return new Date(now.getTime() + offset * 60000).toISOString().slice(0, 10);
  return isoDay(now.getFullYear(), now.getMonth(), now.getDate());
}

/** The zone a document declares for itself, if any (a zone only from the user's settings is not the document's). */
export function documentZone(model: Pick<Postmortem, 'meta' | 'timeline'>): string | undefined {
  const timeline = model.timeline.zone;
  return model.meta.timezone ?? (timeline && timeline.source !== 'settings' ? timeline.name : undefined);
}

/** Today for a document: in its declared zone, else in the local one. */
export function todayFor(model: Pick<Postmortem, 'meta' | 'timeline'>, now: Date): string {
  return localToday(now, documentZone(model));
}

/** The calendar date `days` after `date` (YYYY-MM-DD); whole days, no clock involved. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return isoDay(y, m - 1, d + days);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

/** An open item whose due day has passed; an item due today is not overdue until tomorrow. */
export function isOverdue(item: Pick<ActionItem, 'status' | 'due'>, today: string): boolean {
  return item.status === 'open' && !!item.due && item.due < today;
}
