// From mdast to the Postmortem model: front matter, sections, timeline, action items.
import { type List, type Nodes, type Root, walk } from '../parsing/markdown';
import { readFrontMatter } from '../parsing/frontMatter';
import { absolute, originOf, shiftAbove, type Shift } from '../parsing/units';
import { visibleTextOf } from '../parsing/visibleText';
import { collectActionItems, type ItemSource } from './actionItems';
import { findSections, type SectionWithNodes } from './sections';
import { buildTimeline } from './timeline';
import { collectRawEntries, timedItemCount, type RawItem } from './timelineEntries';
import { findDate, writesDayFirst, type ReadOptions } from './timeExpression';
import type { ActionItem, FrontMatter, IncidentMetadata, Postmortem } from './types';

export interface ModelOptions {
  /** A timezone from the editor's settings, used when the document states none. */
  timezone?: string;
}

export interface BuiltModel {
  model: Postmortem;
  sections: SectionWithNodes[];
  /** Where each of `model.actionItems` was read from (same order): the item rules' caches key on it. */
  itemSources: ItemSource[];
}

function asString(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' || typeof value === 'number') return String(value).trim() || undefined;
  return undefined;
}

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(asString).filter((v): v is string => v !== undefined);
  const one = asString(value);
  return one ? one.split(/\s*[,;]\s*/).filter(Boolean) : [];
}

function pick(data: Record<string, unknown>, ...keys: string[]): unknown {
  const key = Object.keys(data).find((k) => keys.includes(k.toLowerCase()));
  return key === undefined ? undefined : data[key];
}

function readMeta(frontMatter: FrontMatter | undefined, root: Root, text: string): IncidentMetadata {
  const data = frontMatter?.data ?? {};
  const h1 = root.children.find((n) => n.type === 'heading' && n.depth === 1);
  const authors = asList(pick(data, 'authors', 'author', 'owner', 'owners'));
  const participants = asList(pick(data, 'participants', 'responders', 'people', 'attendees', 'incident_commander', 'commander'));
  return {
    title: asString(pick(data, 'title')) ?? (h1 ? visibleTextOf(h1, text, { blocks: true }) : undefined),
    date: asString(pick(data, 'date', 'incident_date', 'started', 'start')),
    severity: asString(pick(data, 'severity', 'sev', 'priority', 'level')),
    status: asString(pick(data, 'status', 'state')),
    timezone: asString(pick(data, 'timezone', 'tz', 'time_zone', 'time-zone')),
    type: asString(pick(data, 'type', 'kind', 'layout')),
    authors,
    people: [...authors, ...participants].map((p) => p.replace(/^@/, '')),
  };
}

/** A document with no timeline heading may still keep its timeline in a list ("- **Context**:"). */
function inferTimelineSection(root: Root, text: string, options: ReadOptions): SectionWithNodes | undefined {
  let best: { list: List; count: number; shift: Shift } | undefined;
  walk(root as Nodes, (node, ancestors) => {
    if (node.type !== 'list') return;
    // A list below a moved unit lacks that unit's shift (see parsing/units.ts).
    const shift = shiftAbove(ancestors);
    // Read with the options the timeline is then built with: the list items' cached readings are
    // keyed by them, so reading with others would throw the cache away on every keystroke.
    const count = timedItemCount(node, text, options, true, shift);
    if (count >= 3 && (!best || count > best.count)) best = { list: node, count, shift };
  });
  if (!best) return undefined;
  const list = absolute(best.list, best.shift);
  const start = list.position?.start.offset ?? 0;
  const end = list.position?.end.offset ?? 0;
  return { title: 'Timeline', kinds: ['timeline'], level: 7, form: 'label', start, end, titleSpan: { start, end: start }, body: { start, end }, nodes: [list] };
}

/** A candidate timeline's count of dated entries, with what it was counted from: its blocks (by origin) and the day order. */
interface DatedCount {
  origins: object[];
  dayFirst: boolean | undefined;
  count: number;
}

/** Per candidate timeline section, by its first block's origin (see parsing/units.ts: an origin's content never changes). */
const datedCounts = new WeakMap<object, DatedCount>();
/** Candidates counted (their entries read) and counts kept, since the process started: for tests. */
export const datedCountWork = { counted: 0, kept: 0 };

/**
 * How many dated entries a candidate timeline holds, and the entries when they had to be read. A
 * document with several timeline-like sections (a key-events list and a timeline) read every one of
 * them on every keystroke to pick the fullest; a section whose blocks are the same as when it was
 * counted (an edit elsewhere) keeps its count. The chosen one is read in full anyway (once: from
 * these entries when they were read here, else when its timeline is built).
 */
function datedEntries(section: SectionWithNodes, text: string, options: ReadOptions): { count: number; raws?: RawItem[] } {
  const nodes = section.nodes;
  const key = nodes.length > 0 ? originOf(nodes[0]) : undefined;
  const last = key && datedCounts.get(key);
  if (last && last.dayFirst === options.dayFirst && last.origins.length === nodes.length && nodes.every((n, i) => originOf(n) === last.origins[i])) {
    datedCountWork.kept++;
    return { count: last.count };
  }
  datedCountWork.counted++;
  const raws = collectRawEntries(nodes, text, section.end, options);
  const count = raws.filter((e) => !('dateLine' in e) && (e.expr?.time || e.expr?.date)).length;
  if (key) datedCounts.set(key, { origins: nodes.map(originOf), dayFirst: options.dayFirst, count });
  return { count, raws };
}

export function buildModel(root: Root, text: string, options: ModelOptions = {}): BuiltModel {
  const frontMatter = readFrontMatter(root, text);
  const meta = readMeta(frontMatter, root, text);
  const sections = findSections(root, text);
  const incidentDate = (meta.date && findDate(meta.date)?.iso) ?? (meta.title ? findDate(meta.title)?.iso : undefined);
  const readOptions = { dayFirst: writesDayFirst(text) };
  const timelineFor = (section: SectionWithNodes | undefined, raws?: RawItem[]) =>
    buildTimeline({ section, text, incidentDate, frontMatterZone: meta.timezone, settingsZone: options.timezone, options: readOptions }, raws);
  const timedCount = (t: ReturnType<typeof timelineFor>): number => t.entries.filter((e) => e.minutes !== undefined || e.date !== undefined).length;
  // Several timeline-like sections ("Key events" and "Timeline"): the one with the most dated entries
  // (the first of those). Only the chosen one is built, from the entries already read to count.
  let chosen: { section: SectionWithNodes; raws?: RawItem[] } | undefined;
  let best = -1;
  const candidates = sections.filter((s) => s.kinds.includes('timeline'));
  for (const section of candidates) {
    // Counting dated items is cheaper than building a timeline (dates, zones, milestones): with one
    // candidate there is nothing to compare.
    const { count, raws } = candidates.length === 1 ? { count: 0, raws: undefined } : datedEntries(section, text, readOptions);
    if (count > best) {
      best = count;
      chosen = { section, raws };
    }
  }
  let timeline = timelineFor(chosen?.section, chosen?.raws);
  // Some teams keep only key events under a timeline label and the full timeline in another list.
  if (!timeline.section || timeline.section.form === 'label') {
    const inferred = inferTimelineSection(root, text, readOptions);
    const candidate = inferred && timelineFor(inferred);
    if (candidate && timedCount(candidate) > timedCount(timeline)) {
      timeline = candidate;
      if (!sections.some((s) => s.kinds.includes('timeline'))) sections.push(inferred);
    }
  }
  // A nested action-items heading ("### Follow-ups" under "## Action items") holds items already read.
  const actionSections = sections.filter((s) => s.kinds.includes('action-items'));
  const outermost = actionSections.filter((s) => !actionSections.some((o) => o !== s && o.start <= s.start && s.end <= o.end && o.level < s.level));
  const seen = new Set<number>();
  const actionItems: ActionItem[] = [];
  const itemSources: ItemSource[] = [];
  for (const section of outermost) {
    const sources: ItemSource[] = [];
    collectActionItems(section.nodes, text, sources).forEach((item, i) => {
      if (seen.has(item.start)) return;
      seen.add(item.start);
      actionItems.push(item);
      itemSources.push(sources[i]);
    });
  }
  const firstDated = timeline.entries.find((e) => e.iso)?.iso?.slice(0, 10);
  const model: Postmortem = {
    frontMatter, meta, timeline, actionItems,
    sections: sections.map(({ nodes: _nodes, ...section }) => section),
    incidentDate: incidentDate ?? firstDated,
  };
  return { model, sections, itemSources };
}
