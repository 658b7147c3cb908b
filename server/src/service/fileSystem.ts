// The one way the language service reads files: `.postmortemrc` and the workspace index go through
// it, so the same service runs in Node (fs/promises) and in a web worker (the client's
// vscode.workspace.fs, over LSP requests), on disk and in virtual workspaces alike.
// Files are named by URI strings, never by paths: a browser has no paths.

export type FileKind = 'file' | 'directory' | 'other';

export interface FileStat {
  kind: FileKind;
  size: number;
}

export interface DirectoryEntry {
  name: string;
  /** 'other' for a symbolic link whose target is not known yet. */
  kind: FileKind;
  symbolicLink: boolean;
}

export interface FileSystem {
  /** The file's text (UTF-8); rejects when it cannot be read. */
  readFile(uri: string): Promise<string>;
  /** What is at `uri` (following links), or undefined when nothing is. */
  stat(uri: string): Promise<FileStat | undefined>;
  readDirectory(uri: string): Promise<DirectoryEntry[]>;
  /** The canonical URI behind symbolic links. Without it, linked folders and files are not followed. */
  realPath?(uri: string): Promise<string>;
}

/** A file system with no files: for hosts that cannot read any (and for tests of that case). */
export const NO_FILES: FileSystem = {
  readFile: async (uri) => {
    throw Object.assign(new Error(`${uri} cannot be read here`), { code: 'ENOENT' });
  },
  stat: async () => undefined,
  readDirectory: async () => [],
};

/** The folder a file is in, as a URI prefix: a configuration file applies to a whole folder. */
export function folderOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/'));
}

const AUTHORITY = /^([a-z][\w+.-]*:(?:\/\/[^/?#]*)?)([^?#]*)/i;

/** `uri` and `name` joined by one slash; `name` is encoded as a URI path segment. */
export function childUri(folder: string, name: string): string {
  return `${folder.replace(/\/+$/, '')}/${encodeURIComponent(name)}`;
}

/** The folder holding `uri`, or undefined at the root of its scheme and authority. */
export function parentUri(uri: string): string | undefined {
  const match = AUTHORITY.exec(uri);
  if (!match) return undefined;
  const path = match[2].replace(/\/+$/, '');
  if (!path) return undefined;
  const cut = path.lastIndexOf('/');
  return cut < 0 ? undefined : `${match[1]}${path.slice(0, cut) || '/'}`;
}

/** Is `uri` the folder `root` or inside it? */
export function isInside(uri: string, root: string): boolean {
  const base = root.replace(/\/+$/, '');
  return uri === base || uri.startsWith(`${base}/`);
}

/** What a user recognises in a message: the path of a file: URI, else the URI. */
export function displayName(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return decodeURIComponent(new URL(uri).pathname).replace(/^\/([A-Za-z]:)/, '$1');
  } catch {
    return uri;
  }
}

/** The code of a file-system error (ENOENT, EACCES, …), or its message. */
export function errorCode(error: unknown): string {
  return (error as { code?: string })?.code ?? (error instanceof Error ? error.message : String(error));
}
