// Every action item in every postmortem of the workspace, kept current as files change on disk or in
// the editor. Built in the background, one file per turn of the event loop, so diagnostics of the
// open document are never delayed; a rebuild cancels the one before it.
import { isOverdue, todayFor } from './model/calendar';
import { childUri, displayName, errorCode, isInside, type DirectoryEntry, type FileStat, type FileSystem } from './service/fileSystem';
import { isMarkdownPath, SKIPPED_FOLDERS } from './markdownFiles';
import { LineIndex } from './engine/lineIndex';
import { handlesIn } from './model/actionItems';
import { buildModel } from './model/buildModel';
import { parseSelectedBlocks } from './parsing/incremental';
import { boundNesting } from './parsing/nesting';
import type { IndexedActionItem } from './protocol';

const MAX_FILES = 20_000;
const MAX_SIZE = 1_000_000;
/** A file without any of these words has no action-items section: no need to parse it. */
const MAY_HAVE_ACTIONS = /action|follow|remediation|next steps|review|corrective|to ?do/i;

/** Keeps blocks that may hold action items, and the deeper subsections that follow such a block. */
function actionBlocks(): (blockText: string, index: number) => boolean {
  let keptLevel = 0;
  return (blockText, index) => {
    const level = /^(#{1,6})[ \t]/.exec(blockText)?.[1].length ?? 0;
    if (keptLevel && level > keptLevel) return true;
    keptLevel = 0;
    // The first block holds the front matter: its zone decides which day is "today" for the items.
    if (!MAY_HAVE_ACTIONS.test(blockText)) return index === 0;
    keptLevel = level;
    return true;
  };
}

/** The items of one postmortem; overdue on the document's own calendar day (its zone, else the local one). */
export function extractActionItems(uri: string, text: string, now: Date): IndexedActionItem[] {
  if (!MAY_HAVE_ACTIONS.test(text)) return [];
  const { model } = buildModel(parseSelectedBlocks(boundNesting(text).text, actionBlocks()), text);
  const lines = new LineIndex(text);
  const today = todayFor(model, now);
  return model.actionItems.map((a) => ({
    uri, line: lines.line(a.start), text: a.text, owner: a.owner ?? null, due: a.due ?? null, status: a.status,
    tracker: a.tracker ?? null, overdue: isOverdue(a, today),
  }));
}

export interface IndexOptions {
  /** Where files are read: without it, the index knows only the text it is given. */
  fs?: FileSystem;
  /** Why a file or folder was skipped, or failed: one line each. */
  log?: (message: string) => void;
  /** The editor's size limit (postmortem.maxFileSize): larger files are not indexed. */
  maxFileSize?: () => number;
}

/**
 * Markdown files under the roots (URIs). Symbolic links are followed only when the file system can
 * resolve them and they resolve inside a root, and each real folder is walked once, so a link loop
 * ends; an unreadable folder is skipped with a logged reason.
 */
async function markdownFiles(fs: FileSystem, roots: string[], cancelled: () => boolean, maxSize: number, log: (m: string) => void): Promise<string[]> {
  const out: string[] = [];
  const real = async (uri: string) => (fs.realPath ? fs.realPath(uri).catch(() => undefined) : uri);
  const realRoots = (await Promise.all(roots.map(real))).filter((r): r is string => !!r);
  const visited = new Set<string>();
  const pending = [...roots];
  while (pending.length > 0 && out.length < MAX_FILES && !cancelled()) {
    const folder = pending.shift()!;
    const canonical = await real(folder);
    if (!canonical || visited.has(canonical)) continue;
    visited.add(canonical);
    let entries: DirectoryEntry[];
    try {
      entries = await fs.readDirectory(folder);
    } catch (error) {
      log(`Skipped folder ${displayName(folder)}: ${errorCode(error)}`);
      continue;
    }
    for (const entry of entries.sort((x, y) => (x.name < y.name ? -1 : 1))) {
      if (SKIPPED_FOLDERS.has(entry.name) || entry.name.startsWith('.')) continue;
      const uri = childUri(folder, entry.name);
      let info: FileStat | undefined;
      try {
        if (entry.symbolicLink) {
          const target = fs.realPath ? await fs.realPath(uri) : undefined;
          if (!target || !realRoots.some((r) => isInside(target, r))) {
            log(`Skipped ${displayName(uri)}: it links outside the workspace${target ? '' : ' (or where links cannot be resolved)'}.`);
            continue;
          }
        }
        // A folder listed as one needs no stat; files need their size.
        info = entry.kind === 'directory' && !entry.symbolicLink ? { kind: 'directory', size: 0 } : await fs.stat(uri);
      } catch (error) {
        log(`Skipped ${displayName(uri)}: ${errorCode(error)}`);
        continue;
      }
      if (info?.kind === 'directory') pending.push(uri);
      else if (info?.kind === 'file' && isMarkdownPath(entry.name)) {
        if (info.size > maxSize) log(`Skipped ${displayName(uri)}: ${info.size} bytes is over postmortem.maxFileSize.`);
        else out.push(uri);
      }
    }
  }
  return out;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class WorkspaceIndex {
  private readonly byUri = new Map<string, { items: IndexedActionItem[]; handles: string[] }>();
  private generation = 0;
  indexing = false;

  constructor(
    private readonly isPostmortem: (uri: string, text: string) => boolean,
    private readonly now: () => Date,
    private readonly changed: () => void,
    private readonly options: IndexOptions = {},
  ) {}

  private log(message: string): void {
    this.options.log?.(message);
  }

  private get maxSize(): number {
    return this.options.maxFileSize?.() ?? MAX_SIZE;
  }

  /** Reads one file for the index, or undefined (with a logged reason) when it is too large or unreadable. */
  private async read(uri: string): Promise<string | undefined> {
    const fs = this.options.fs;
    if (!fs) return undefined;
    try {
      const info = await fs.stat(uri);
      if (info?.kind !== 'file') return undefined;
      if (info.size > this.maxSize) {
        this.log(`Skipped ${displayName(uri)}: ${info.size} bytes is over postmortem.maxFileSize.`);
        return undefined;
      }
      return await fs.readFile(uri);
    } catch (error) {
      const code = errorCode(error);
      if (code !== 'ENOENT') this.log(`Skipped ${displayName(uri)}: ${code}`);
      return undefined;
    }
  }

  /** Re-reads every folder; resolves when done or when a newer rebuild cancels it. Never stays "indexing" after a failure. */
  async rebuild(folders: string[]): Promise<void> {
    const generation = ++this.generation;
    const cancelled = () => generation !== this.generation;
    this.indexing = true;
    try {
      const files = this.options.fs ? await markdownFiles(this.options.fs, folders, cancelled, this.maxSize, (m) => this.log(m)) : [];
      const seen = new Set<string>();
      for (const uri of files) {
        if (cancelled()) return;
        seen.add(uri);
        const text = await this.read(uri);
        if (text !== undefined) this.setText(uri, text, false);
        await nextTurn();
      }
      for (const uri of [...this.byUri.keys()]) if (!seen.has(uri)) this.byUri.delete(uri);
    } finally {
      if (!cancelled()) {
        this.indexing = false;
        this.changed();
      }
    }
  }

  /** A document's current text, from the editor or from disk. */
  setText(uri: string, text: string, notify = true): void {
    let entry: { items: IndexedActionItem[]; handles: string[] } | undefined;
    try {
      // One hostile file is skipped with a reason; it never stops the index.
      if (text.length <= this.maxSize && this.isPostmortem(uri, text)) entry = { items: extractActionItems(uri, text, this.now()), handles: handlesIn(text) };
    } catch (error) {
      this.log(`Skipped ${uri}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!entry) {
      if (this.byUri.delete(uri) && notify) this.changed();
      return;
    }
    this.byUri.set(uri, entry);
    if (notify) this.changed();
  }

  async refreshFromDisk(uri: string): Promise<void> {
    const text = await this.read(uri);
    if (text === undefined) this.remove(uri);
    else this.setText(uri, text);
  }

  remove(uri: string): void {
    if (this.byUri.delete(uri)) this.changed();
  }

  items(): IndexedActionItem[] {
    return [...this.byUri.values()].flatMap((f) => f.items);
  }

  owners(): string[] {
    return [...new Set([...this.byUri.values()].flatMap((f) => f.handles))].sort();
  }

  get fileCount(): number {
    return this.byUri.size;
  }
}
