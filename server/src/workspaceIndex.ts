// Every action item in every postmortem of the workspace, kept current as files change on disk or in
// the editor. Built in the background, one file at a time, so diagnostics of the open document are
// never delayed; a rebuild cancels the one before it. An open document's items are those of the
// analysis the editor already made; a file on disk is read as `analyze` reads it (remark decides
// every block boundary), in a worker where one can start (indexHost.ts), else here in slices.
import { childUri, displayName, errorCode, isInside, type DirectoryEntry, type FileStat, type FileSystem } from './service/fileSystem';
import { isMarkdownPath, SKIPPED_FOLDERS } from './markdownFiles';
import type { LineIndex } from './engine/lineIndex';
import { handlesIn } from './model/actionItems';
import type { Postmortem } from './model/types';
import type { IndexedActionItem } from './protocol';
import { failure, indexedItems, inThreadReader, type ActionItemReader, type Extraction } from './indexExtraction';

export { extractActionItems } from './indexExtraction';

const MAX_FILES = 20_000;
const MAX_SIZE = 1_000_000;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface IndexOptions {
  /** Where files are read: without it, the index knows only the text it is given. */
  fs?: FileSystem;
  /** Why a file or folder was skipped, or failed: one line each. */
  log?: (message: string) => void;
  /** The editor's size limit (postmortem.maxFileSize): larger files are not indexed. */
  maxFileSize?: () => number;
  /** Reads files' items; without it, they are read on this thread, in slices. */
  reader?: ActionItemReader;
  /** Documents open in the editor: their items come from their analysis (setAnalysis), never from disk. */
  isOpen?: (uri: string) => boolean;
}

/**
 * Markdown files under the roots (URIs). Symbolic links are followed only when the file system can
 * resolve them and they resolve inside a root, and each real folder is walked once, so a link loop
 * ends; each real file is listed once too (by its own name when the walk reaches it, else by the
 * first link to it), so a linked file's items are not counted twice; an unreadable folder, and a link
 * to a folder walked already (a loop), are skipped with a logged reason.
 */
async function markdownFiles(fs: FileSystem, roots: string[], cancelled: () => boolean, maxSize: number, log: (m: string) => void): Promise<string[]> {
  const out: string[] = [];
  const real = async (uri: string) => (fs.realPath ? fs.realPath(uri).catch(() => undefined) : uri);
  const realRoots = (await Promise.all(roots.map(real))).filter((r): r is string => !!r);
  const visited = new Set<string>();
  /** Real files listed so far, and linked files whose target the walk may still reach by its own name. */
  const listed = new Set<string>();
  const linked: Array<{ uri: string; target: string }> = [];
  const pending = [...roots];
  while (pending.length > 0 && out.length < MAX_FILES && !cancelled()) {
    const folder = pending.shift()!;
    const canonical = await real(folder);
    if (!canonical) continue;
    // Only a symbolic link leads to a folder walked already: say so, so a loop is not a silent gap.
    if (visited.has(canonical)) {
      log(`Skipped ${displayName(folder)}: it leads to ${displayName(canonical)}, which is indexed already (a symbolic link loop, or a second link to it).`);
      continue;
    }
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
      let target: string | undefined;
      try {
        if (entry.symbolicLink) {
          const resolved = fs.realPath ? await fs.realPath(uri) : undefined;
          if (!resolved || !realRoots.some((r) => isInside(resolved, r))) {
            log(`Skipped ${displayName(uri)}: it links outside the workspace${resolved ? '' : ' (or where links cannot be resolved)'}.`);
            continue;
          }
          target = resolved;
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
        else if (target) linked.push({ uri, target });
        else if (!listed.has(childUri(canonical, entry.name))) {
          listed.add(childUri(canonical, entry.name));
          out.push(uri);
        }
      }
    }
  }
  for (const { uri, target } of linked) {
    if (listed.has(target) || out.length >= MAX_FILES) continue;
    listed.add(target);
    out.push(uri);
  }
  return out;
}

type Entry = { items: IndexedActionItem[]; handles: string[] };

export class WorkspaceIndex {
  private readonly byUri = new Map<string, Entry>();
  /** The last change to each indexed file's entry: a read that finishes after a newer change is dropped. */
  private readonly changes = new Map<string, number>();
  private clock = 0;
  private readonly reader: ActionItemReader;
  private generation = 0;
  indexing = false;

  constructor(
    private readonly isPostmortem: (uri: string, text: string) => boolean,
    private readonly now: () => Date,
    private readonly changed: () => void,
    private readonly options: IndexOptions = {},
  ) {
    this.reader = options.reader ?? inThreadReader();
  }

  private log(message: string): void {
    this.options.log?.(message);
  }

  private get maxSize(): number {
    return this.options.maxFileSize?.() ?? MAX_SIZE;
  }

  private isOpen(uri: string): boolean {
    return this.options.isOpen?.(uri) ?? false;
  }

  /**
   * Marks a change to one file; a read that began before it is dropped when it ends. The mark comes
   * from one clock for all files, so a file's entry can be deleted when it leaves the index (a read
   * still in flight then finds no mark and is dropped) and the map never outgrows the files indexed.
   */
  private touch(uri: string): number {
    const change = ++this.clock;
    this.changes.set(uri, change);
    return change;
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
        // An open document is indexed from the editor's analysis of its current text.
        if (this.isOpen(uri)) continue;
        const text = await this.read(uri);
        if (text !== undefined) await this.setText(uri, text, false);
        else this.forget(uri);
        await nextTurn();
      }
      for (const uri of [...this.byUri.keys()]) if (!seen.has(uri) && !this.isOpen(uri)) this.forget(uri);
    } finally {
      if (!cancelled()) {
        this.indexing = false;
        this.changed();
      }
    }
  }

  /** A file's text as it is on disk (or any text not analysed yet): read off the main thread where possible. */
  async setText(uri: string, text: string, notify = true): Promise<void> {
    const change = this.touch(uri);
    let result: Extraction | undefined;
    if (text.length <= this.maxSize && this.isPostmortem(uri, text)) {
      try {
        result = await this.reader.read(uri, text, this.now());
      } catch (error) {
        result = { ok: false, reason: failure(error) };
      }
    }
    // Superseded while it was read (a newer text, an edit in the editor, a deletion): the newer one stands.
    if (this.changes.get(uri) !== change || this.isOpen(uri)) return;
    // One hostile file is skipped with a reason; it never stops the index.
    if (result && !result.ok) this.log(`Skipped ${displayName(uri)}: ${result.reason}`);
    this.store(uri, result?.ok ? { items: result.items, handles: result.handles } : undefined, notify);
  }

  /** An open document's items, from the analysis the editor made of its current version. */
  setAnalysis(uri: string, analysis: { text: string; model: Pick<Postmortem, 'actionItems' | 'meta' | 'timeline'>; lines: Pick<LineIndex, 'line'> }): void {
    this.touch(uri);
    this.store(uri, { items: indexedItems(uri, analysis.model, analysis.lines, this.now()), handles: handlesIn(analysis.text) }, true);
  }

  private store(uri: string, entry: Entry | undefined, notify: boolean): void {
    if (!entry) {
      if (this.byUri.delete(uri) && notify) this.changed();
      return;
    }
    this.byUri.set(uri, entry);
    if (notify) this.changed();
  }

  async refreshFromDisk(uri: string): Promise<void> {
    const change = this.touch(uri);
    const text = await this.read(uri);
    if (this.changes.get(uri) !== change) return;
    if (text === undefined) this.remove(uri);
    else await this.setText(uri, text);
  }

  private forget(uri: string): void {
    this.changes.delete(uri);
    this.byUri.delete(uri);
  }

  remove(uri: string): void {
    this.changes.delete(uri);
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

  dispose(): void {
    this.reader.dispose?.();
  }
}
