// Custom requests between the VS Code client and the server. Imported by both sides: types only
// and method names, no runtime dependencies on either.

export interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface Edit {
  range: Range;
  newText: string;
}

export interface OutlineParams {
  uri: string;
}

import type { MetricFigures } from './model/metrics';
export type { MetricFigures, MetricName } from './model/metrics';

/** What the Postmortem view and the timeline preview draw for one document. */
export interface DocumentOutline {
  uri: string;
  isPostmortem: boolean;
  title?: string;
  severity?: string;
  sections: Array<{ kind: string; title: string; present: boolean; line?: number }>;
  timeline: {
    zone?: string;
    entries: Array<{ line: number; endLine: number; time: string | null; timeText?: string; elapsed?: string; text: string; milestone: string | null; minutes?: number; date?: string; precision?: 'day' | 'minute' | 'second' }>;
    metrics: MetricFigures;
    findings: Array<{ line: number; ruleId: string; message: string }>;
  };
  actionItems: Array<{ line: number; text: string; owner: string | null; due: string | null; status: 'open' | 'done'; overdue: boolean }>;
}

export const OutlineRequest = 'postmortem/outline';

export interface TimelineInsertionParams {
  uri: string;
  /** The moment to write, as an ISO string (the client's clock). */
  now: string;
  /** "auto" follows the timeline's own format. */
  format?: 'auto' | 'heading' | 'list' | 'table' | 'bold';
}

export interface Insertion {
  edit: Edit;
  /** Where the cursor goes after the edit, in the document after the edit. */
  cursor: { line: number; character: number };
  /** The document version the edit was placed in: a client holding another version must not apply it. */
  version: number;
}

/**
 * Answered instead of an insertion when the document's analysis was withheld (over the time budget,
 * out of memory, failed): nothing is inserted, since where the section is cannot be known, and
 * `withheld` says why.
 */
export interface InsertionWithheld {
  withheld: string;
}

/** Why the server placed no insertion, for the other cases (a client shows another message for each). */
/** `unavailable`: the current version was analysed, but its model could not be read back (its worker moved on and a second analysis failed). */
export type NoInsertionReason = 'not-postmortem' | 'too-large' | 'superseded' | 'unavailable';

/** The answer to an insertion request: the insertion, why there is none, or null when the request was cancelled or failed. */
export type InsertionAnswer = Insertion | InsertionWithheld | { reason: NoInsertionReason } | null;

export const TimelineInsertionRequest = 'postmortem/timelineInsertion';

export interface ActionItemInsertionParams {
  uri: string;
  text: string;
  owner: string;
  due: string;
}

export const ActionItemInsertionRequest = 'postmortem/actionItemInsertion';

export const SHOW_RULE_DOCUMENTATION = 'postmortem.showRuleDocumentation';

/**
 * Rule docs links made by the client. A diagnostic's `codeDescription` (its rule's docs URL) is about
 * a quarter of its size on the wire, and every report resends hundreds of them. A client that sets
 * this initialization option to true gets, in `capabilities.experimental[RULE_DOCS]` of the
 * initialize result, each rule's docs URL by rule id, and diagnostics without `codeDescription`: it
 * adds the link to each finding from its `code` itself. Any other client gets the field as the LSP
 * says (when it declares `codeDescriptionSupport`).
 */
export const RULE_DOCS_FROM_CODE = 'ruleDocsFromCode';
export const RULE_DOCS = 'postmortemRuleDocs';
/** Rule id to its docs URL. */
export type RuleDocs = Record<string, string>;

export interface IndexedActionItem {
  uri: string;
  /** 0-based line of the item. */
  line: number;
  text: string;
  owner: string | null;
  due: string | null;
  status: 'open' | 'done';
  tracker: string | null;
  overdue: boolean;
}

export interface ActionItemsResult {
  items: IndexedActionItem[];
  /** True while the first scan of the workspace is still running. */
  indexing: boolean;
}

export const ActionItemsRequest = 'postmortem/actionItems';
/** Server to client, whenever the workspace's action items changed. */
export const ActionItemsChangedNotification = 'postmortem/actionItemsChanged';

// Files read through the client (server to client): the web worker server has no file system of its
// own, so it asks the client, which answers with vscode.workspace.fs (disk, remote and virtual
// workspaces alike). Files are named by URI.
export interface FileParams {
  uri: string;
}

export type ClientFileKind = 'file' | 'directory' | 'other';

/** The text of a file (UTF-8). Fails when the file cannot be read. */
export const ReadFileRequest = 'postmortem/fs/readFile';
export interface ReadFileResult {
  text: string;
}

/** What is at a URI, or null when nothing is. */
export const StatRequest = 'postmortem/fs/stat';
export interface StatResult {
  kind: ClientFileKind;
  size: number;
}

/** A folder's entries. */
export const ReadDirectoryRequest = 'postmortem/fs/readDirectory';
export type ReadDirectoryResult = Array<{ name: string; kind: ClientFileKind; symbolicLink: boolean }>;
