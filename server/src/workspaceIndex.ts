// Every action item in every postmortem of the workspace, kept current as files change on disk or in
// the editor. Built in the background, one file per turn of the event loop, so diagnostics of the
// open document are never delayed; a rebuild cancels the one before it.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMarkdownPath, SKIPPED_FOLDERS } from './markdownFiles';
import { LineIndex } from './engine/lineIndex';
import { handlesIn } from './model/actionItems';
import { buildModel } from './model/buildModel';
import { parseSelectedBlocks } from './parsing/incremental';
import { boundNesting } from './parsing/nesting';
import type { IndexedActionItem } from './protocol';

const MAX_FILES = 20_000;
const MAX_SIZE = 2_000_000;
/** A file without any of these words has no action-items section: no need to parse it. */
const MAY_HAVE_ACTIONS = /action|follow|remediation|next steps|review|corrective|to ?do/i;

/** Keeps blocks that may hold action items, and the deeper subsections that follow such a block. */
function actionBlocks(): (blockText: string) => boolean {
  let keptLevel = 0;
  return (blockText) => {
    const level = /^(#{1,6})[ \t]/.exec(blockText)?.[1].length ?? 0;
    if (keptLevel && level > keptLevel) return true;
    keptLevel = 0;
    if (!MAY_HAVE_ACTIONS.test(blockText)) return false;
    keptLevel = level;
    return true;
  };
}

export function extractActionItems(uri: string, text: string, today: string): IndexedActionItem[] {
  if (!MAY_HAVE_ACTIONS.test(text)) return [];
  const { model } = buildModel(parseSelectedBlocks(boundNesting(text).text, actionBlocks()), text);
  const lines = new LineIndex(text);
  return model.actionItems.map((a) => ({
    uri, line: lines.line(a.start), text: a.text, owner: a.owner ?? null, due: a.due ?? null, status: a.status,
    tracker: a.tracker ?? null, overdue: a.status === 'open' && !!a.due && a.due < today,
  }));
}

async function markdownFiles(folder: string, out: string[], cancelled: () => boolean): Promise<void> {
  if (out.length >= MAX_FILES || cancelled()) return;
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }
  for (const name of names.sort()) {
    if (SKIPPED_FOLDERS.has(name) || name.startsWith('.')) continue;
    const path = join(folder, name);
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) await markdownFiles(path, out, cancelled);
    else if (info && info.size <= MAX_SIZE && isMarkdownPath(path)) out.push(path);
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class WorkspaceIndex {
  private readonly byUri = new Map<string, { items: IndexedActionItem[]; handles: string[] }>();
  private generation = 0;
  indexing = false;

  constructor(
    private readonly isPostmortem: (uri: string, text: string) => boolean,
    private readonly today: () => string,
    private readonly changed: () => void,
  ) {}

  /** Re-reads every folder; resolves when done or when a newer rebuild cancels it. */
  async rebuild(folders: string[]): Promise<void> {
    const generation = ++this.generation;
    const cancelled = () => generation !== this.generation;
    this.indexing = true;
    const files: string[] = [];
    for (const folder of folders) if (folder.startsWith('file:')) await markdownFiles(fileURLToPath(folder), files, cancelled);
    const seen = new Set<string>();
    for (const file of files) {
      if (cancelled()) return;
      const uri = pathToFileURL(file).toString();
      seen.add(uri);
      const text = await readFile(file, 'utf8').catch(() => undefined);
      if (text !== undefined) this.setText(uri, text, false);
      await nextTurn();
    }
    for (const uri of [...this.byUri.keys()]) if (!seen.has(uri)) this.byUri.delete(uri);
    this.indexing = false;
    this.changed();
  }

  /** A document's current text, from the editor or from disk. */
  setText(uri: string, text: string, notify = true): void {
    if (!this.isPostmortem(uri, text)) {
      if (this.byUri.delete(uri) && notify) this.changed();
      return;
    }
    this.byUri.set(uri, { items: extractActionItems(uri, text, this.today()), handles: handlesIn(text) });
    if (notify) this.changed();
  }

  async refreshFromDisk(uri: string): Promise<void> {
    const text = uri.startsWith('file:') ? await readFile(fileURLToPath(uri), 'utf8').catch(() => undefined) : undefined;
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
