// Background tracker checks for the editor. States are read off the keystroke path: when the client
// sends its settings and credentials, on a timer, and shortly after a save, never per edit. Analyses
// take the states known at that moment (a synchronous lookup), so diagnostics never wait for the
// network; when a read changes what is known, diagnostics and the Action Items view are refreshed.
import type { CancellationToken, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PostmortemService } from '../service/languageService';
import type { TrackersConfig } from '../config/types';
import { isPostmortem } from '../documents';
import type { HandlerContext } from './context';
import type { DiagnosticsChannel } from './diagnostics';
import { actionItemsChangedNotifier } from './workspace';
import { folderOf, type FileSystem } from '../service/fileSystem';
import type { IndexedActionItem } from '../protocol';
import { followThroughReport, type FollowThroughSources } from '../followThroughRequest';
import { FollowThroughRequest, TrackerSettingsNotification, TrackerStatesRequest, type FollowThroughParams, type FollowThroughResult, type TrackerSettings, type TrackerStatesResult } from '../trackerProtocol';
import type { TrackerEnv } from '../trackers/clients';
import { TrackerHttp, type HttpOptions } from '../trackers/http';
import { actionItemRef } from '../trackers/links';
import { readLinkedStates } from '../trackers/lookup';
import { driftOf, type TrackerState } from '../trackers/types';

/** After a save, wait for the workspace index to read the saved text (it follows edits after 1 s). */
const AFTER_SAVE_MS = 1500;
const DEFAULT_REFRESH_MINUTES = 10;

/** The refresh period a client asked for, in minutes: a finite number of at least 1, else the default. */
export function refreshMinutes(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? value : DEFAULT_REFRESH_MINUTES;
}


export interface TrackerStateSources {
  /** Every indexed action item of the workspace. */
  items(): IndexedActionItem[];
  /** The `trackers` configuration that applies to a document. */
  trackersFor(uri: string): Promise<TrackersConfig>;
  /** Called when a read changed what is known (re-run diagnostics, refresh the view). */
  changed(): void;
  log(message: string): void;
}

export class EditorTrackerStates {
  private settings: TrackerSettings = { enabled: false };
  private http: TrackerHttp;
  private states = new Map<string, TrackerState>();
  /** The issue keys each document's items linked to at the last read. */
  private keysByUri = new Map<string, Set<string>>();
  /** The `trackers` configuration of each folder at the last read: the view finds each item's issue with it. */
  private configs = new Map<string, TrackersConfig>();
  /** Whether a read has seen the workspace index's items (or the one read after its first pass was started). */
  private sawIndex = false;
  private readAt: string | null = null;
  private running: Promise<void> | undefined;
  private again = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly sources: TrackerStateSources, private readonly httpOptions: Partial<HttpOptions> = {}) {
    this.http = new TrackerHttp(httpOptions);
  }

  get enabled(): boolean {
    return this.settings.enabled;
  }

  /** New settings from the client: (re)start reading, or forget everything when turned off. */
  configure(settings: TrackerSettings): Promise<void> {
    const credentialsChanged = ['githubToken', 'githubApiUrl', 'gitlabToken', 'gitlabUrl', 'jiraEmail', 'jiraToken', 'jiraUrl'].some((k) => settings[k as keyof TrackerSettings] !== this.settings[k as keyof TrackerSettings]);
    const wasEnabled = this.settings.enabled;
    this.settings = settings;
    clearInterval(this.timer);
    this.timer = undefined;
    // Cached answers were read with the old credentials: a new token may see more.
    if (credentialsChanged) this.http = new TrackerHttp(this.httpOptions);
    if (!settings.enabled) {
      this.states.clear();
      this.keysByUri.clear();
      this.configs.clear();
      this.readAt = null;
      if (wasEnabled) this.sources.changed();
      return Promise.resolve();
    }
    this.timer = setInterval(() => void this.read(), refreshMinutes(settings.refreshMinutes) * 60_000);
    this.timer.unref?.();
    return this.read();
  }

  /** A document was saved: read again once the index has the saved text. */
  saved(): void {
    if (!this.settings.enabled) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.read(), AFTER_SAVE_MS);
    this.saveTimer.unref?.();
  }

  /** Reads every linked issue of the workspace once; a read asked for while one runs follows it. */
  read(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await this.readOnce();
        } catch (error) {
          this.sources.log(`Reading tracker states failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      } while (this.again && this.settings.enabled);
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  private async readOnce(): Promise<void> {
    if (!this.settings.enabled) return;
    const items = this.sources.items();
    if (items.length) this.sawIndex = true;
    // Ask for the configuration once per folder, not once per file.
    const configs = new Map<string, TrackersConfig>();
    for (const item of items) if (!configs.has(folderOf(item.uri))) configs.set(folderOf(item.uri), await this.sources.trackersFor(item.uri));
    const linked = items.map((item) => ({ item, config: configs.get(folderOf(item.uri)) ?? {} }));
    const { githubToken, githubApiUrl, gitlabToken, gitlabUrl, jiraEmail, jiraToken, jiraUrl } = this.settings;
    const env: TrackerEnv = { githubToken, githubApiUrl, gitlabToken, gitlabUrl, jiraEmail, jiraToken, jiraUrl };
    const states = await readLinkedStates(linked, this.http, env);
    if (!this.settings.enabled) return;
    const keysByUri = new Map<string, Set<string>>();
    for (const { item, config } of linked) {
      const ref = actionItemRef({ tracker: item.tracker ?? undefined, text: item.text }, config);
      if (!ref) continue;
      if (!keysByUri.has(item.uri)) keysByUri.set(item.uri, new Set());
      keysByUri.get(item.uri)!.add(ref.key);
    }
    this.configs = configs;
    const same = sameStates(this.states, states) && sameKeys(this.keysByUri, keysByUri);
    this.states = states;
    this.keysByUri = keysByUri;
    this.readAt = new Date().toISOString();
    const unread = [...states.values()].filter((s) => s.state === null).length;
    this.sources.log(`Read ${states.size} tracker issue${states.size === 1 ? '' : 's'} (${this.http.sent} requests so far)${unread ? `; ${unread} could not be read` : ''}.`);
    if (!same) this.sources.changed();
  }

  /** The states an analysis of this document takes: only its own issues (small to send to a worker); undefined when off. */
  forDocument(uri: string): Record<string, TrackerState> | undefined {
    if (!this.settings.enabled) return undefined;
    const out: Record<string, TrackerState> = {};
    for (const key of this.keysByUri.get(uri)?.values() ?? []) {
      const state = this.states.get(key);
      if (state) out[key] = state;
    }
    return out;
  }

  /** Each linked item's state and drift, for the Action Items view. */
  itemStates(): TrackerStatesResult {
    if (!this.settings.enabled) return { enabled: false, readAt: null, items: [] };
    const indexed = this.sources.items();
    // Checks turned on before the workspace index had read anything: read once after its first pass, never per edit.
    if (this.readAt && !this.sawIndex && !this.running && indexed.length) {
      this.sawIndex = true;
      void this.read();
    }
    // Each item finds its issue from its own text, not its line at the last read: unsaved edits move lines.
    const items = indexed.flatMap((item) => {
      const key = actionItemRef({ tracker: item.tracker ?? undefined, text: item.text }, this.configs.get(folderOf(item.uri)) ?? {})?.key;
      const state = key ? this.states.get(key) : undefined;
      if (!state) return [];
      return [{ uri: item.uri, line: item.line, trackerState: state.state, trackerError: state.error ?? null, drift: driftOf(item.status, state) }];
    });
    return { enabled: true, readAt: this.readAt, items };
  }

  dispose(): void {
    clearInterval(this.timer);
    clearTimeout(this.saveTimer);
  }
}

function sameStates(a: Map<string, TrackerState>, b: Map<string, TrackerState>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, s] of a) {
    const t = b.get(key);
    if (!t || t.state !== s.state || t.closedAt !== s.closedAt || t.errorKind !== s.errorKind) return false;
  }
  return true;
}

function sameKeys(a: Map<string, Set<string>>, b: Map<string, Set<string>>): boolean {
  if (a.size !== b.size) return false;
  for (const [uri, keys] of a) {
    const other = b.get(uri);
    if (!other || other.size !== keys.size || [...keys].some((key) => !other.has(key))) return false;
  }
  return true;
}

/**
 * What the follow-through report reads in the editor. An open document is read as the editor has it,
 * and like a file on disk only within postmortem.maxFileSize: its size is its length, known without
 * building its text (a very large one is kept as lines), so one over the limit is skipped, never read whole.
 */
export function reportSources(documents: Pick<TextDocuments<TextDocument>, 'get'>, service: Pick<PostmortemService, 'settings' | 'documentConfig' | 'now' | 'reportModel'>, fs: FileSystem, trackerStates: (uri: string) => Record<string, TrackerState> | undefined): FollowThroughSources {
  const openLength = (uri: string) => {
    const open = documents.get(uri);
    return open && open.offsetAt({ line: open.lineCount, character: 0 });
  };
  return {
    openText: (uri) => {
      const length = openLength(uri);
      return length !== undefined && length <= service.settings.maxFileSize ? documents.get(uri)!.getText() : undefined;
    },
    readFile: (uri) => fs.readFile(uri),
    stat: (uri) => {
      const length = openLength(uri);
      return length === undefined ? fs.stat(uri) : Promise.resolve({ size: length });
    },
    isPostmortem: (uri, text) => isPostmortem(uri, text, service.settings.files),
    configFor: async (uri) => (await service.documentConfig(uri)).config,
    maxFileSize: () => service.settings.maxFileSize,
    trackerStates,
    now: service.now,
    analyze: (text, config, now, token) => service.reportModel(text, config, now, token),
  };
}

/** Wires the background checks and the follow-through report to a connection: one call from startServer. */
export function registerTrackerStates(ctx: HandlerContext, diagnostics: DiagnosticsChannel, fs: FileSystem): EditorTrackerStates {
  const { connection, documents, service, guard } = ctx;
  const itemsChanged = actionItemsChangedNotifier(connection);
  const states = new EditorTrackerStates({
    items: () => service.index.items(),
    trackersFor: async (uri) => (await service.documentConfig(uri)).config.trackers ?? {},
    changed: () => {
      service.trackerStatesChanged();
      diagnostics.refresh();
      itemsChanged();
    },
    log: (message) => connection.console.log(message),
  });
  service.useTrackerStates((uri) => states.forDocument(uri));
  const sources = reportSources(documents, service, fs, (uri) => states.forDocument(uri));
  let drawing = 0;
  connection.onNotification(TrackerSettingsNotification, guard.notification('Reading tracker settings', (settings: TrackerSettings) => states.configure(settings ?? { enabled: false })));
  connection.onRequest(TrackerStatesRequest, guard.request('Tracker states', { enabled: false, readAt: null, items: [] } as TrackerStatesResult, () => states.itemStates()));
  connection.onRequest(FollowThroughRequest, guard.request('Follow-through report', null as FollowThroughResult | null, async (params: FollowThroughParams, token: CancellationToken) => {
    drawing++;
    try {
      return await followThroughReport(params, sources, token);
    } finally {
      // The last drawing in flight lets the report's worker go.
      if (--drawing === 0) service.reportDone();
    }
  }));
  documents.onDidSave(guard.notification('Reading a save', () => states.saved()));
  return states;
}
