// The incident as the rules see it. Every node carries offsets into the source text
// ([start, end), UTF-16 code units), so any face can turn it into lines and columns.

export interface Span {
  start: number;
  end: number;
}

export type SectionKind =
  | 'summary'
  | 'impact'
  | 'timeline'
  | 'root-cause'
  | 'detection'
  | 'response'
  | 'what-went-well'
  | 'what-went-wrong'
  | 'where-we-got-lucky'
  | 'lessons-learned'
  | 'action-items';

export interface Section extends Span {
  /** The heading or bold label as written, without markup. */
  title: string;
  /** Canonical kinds this heading names ("Summary and impact" names two); empty when unknown. */
  kinds: SectionKind[];
  /** Kinds an ambiguous heading may mean ("Actions taken"): a required section is not reported missing when one of these stands for it. */
  candidateKinds?: SectionKind[];
  /** 1–6 for headings; 7 for a bold-label bullet (it nests under any heading). */
  level: number;
  form: 'heading' | 'label';
  /** Span of the heading line or label. */
  titleSpan: Span;
  /** Span of the content after the heading or label. */
  body: Span;
}

export type Milestone = 'impact-start' | 'detected' | 'acknowledged' | 'mitigated' | 'resolved';
export const MILESTONES: readonly Milestone[] = ['impact-start', 'detected', 'acknowledged', 'mitigated', 'resolved'];

export type TimelineForm = 'heading' | 'list' | 'paragraph' | 'table';

export interface TimelineEntry extends Span {
  form: TimelineForm;
  /** The text after the time. */
  text: string;
  /** Span of the time expression as written; absent when the entry has none. */
  timeSpan?: Span;
  timeText?: string;
  /** Minutes since 1970-01-01T00:00Z when date and time are known; when only a time is known, minutes from an arbitrary day 0. */
  minutes?: number;
  /** ISO 8601 with offset, or undefined when no time is known. */
  iso?: string;
  /** The zone that applied, as written ("PST", "UTC", "Europe/London"). */
  zone?: string;
  /** The calendar date (YYYY-MM-DD) the entry falls on, written or carried forward; absent when no year is known. */
  date?: string;
  /** How finely the entry is placed: a day ("2024-02-26 - v2.2.0 released"), a minute, or a second. */
  precision?: 'day' | 'minute' | 'second';
  /** The end of a written range ("8:20 - 8:24"), on the same scale as `minutes` and `iso`. */
  endMinutes?: number;
  endIso?: string;
  /** Set when the time as written cannot exist (25:61). */
  invalidTime?: string;
  milestone?: Milestone;
  milestoneExplicit?: boolean;
}

export interface Timeline {
  section?: Section;
  entries: TimelineEntry[];
  /** The zone stated for the whole timeline, and where. */
  zone?: { name: string; source: 'front-matter' | 'preamble' | 'column' | 'settings' };
  /** Zones written on entries, distinct. */
  entryZones: string[];
  form?: TimelineForm;
}

export type ActionStatus = 'open' | 'done';

export interface ActionItem extends Span {
  text: string;
  form: 'list' | 'task' | 'table';
  owner?: string;
  /** The owner field holds a placeholder ("TBD", "@owner") rather than a person. */
  ownerPlaceholder?: boolean;
  /** The due date as written, and its parse (YYYY-MM-DD) when it parsed. */
  dueText?: string;
  due?: string;
  dueSpan?: Span;
  status: ActionStatus;
  tracker?: string;
  /** Where new text (an owner, a due date) goes: the end of the item's own first line. */
  insertAt: number;
  /** For table rows: the owner and due cells, where a fix writes. */
  cells?: { owner?: Span; due?: Span };
}

export interface FrontMatter extends Span {
  data: Record<string, unknown>;
  /** `limit`: the text may be valid YAML, but it is larger or expands further than the reader takes. */
  error?: { message: string; offset: number; limit?: boolean };
}

export interface IncidentMetadata {
  title?: string;
  date?: string;
  severity?: string;
  status?: string;
  timezone?: string;
  authors: string[];
  /** The names of people (authors, participants) that blame detection should watch for. */
  people: string[];
  type?: string;
}

export interface Postmortem {
  frontMatter?: FrontMatter;
  meta: IncidentMetadata;
  sections: Section[];
  timeline: Timeline;
  actionItems: ActionItem[];
  /** The date of the incident as YYYY-MM-DD, from front matter, title or first timeline date. */
  incidentDate?: string;
}
