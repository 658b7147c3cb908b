// A file system held in memory, named by URI: for the language service's tests (config search, the
// workspace index) without touching the disk. Folders exist wherever a file lies below them.
import type { DirectoryEntry, FileStat, FileSystem } from '../../server/src/service/fileSystem';

export interface MemoryFileSystem extends FileSystem {
  /** Every URI the service asked about, in order (stat, readFile and readDirectory alike). */
  readonly asked: string[];
}

export function memoryFileSystem(files: Record<string, string>): MemoryFileSystem {
  const asked: string[] = [];
  const isFolder = (uri: string) => Object.keys(files).some((f) => f.startsWith(`${uri.replace(/\/+$/, '')}/`));
  const notFound = (uri: string) => Object.assign(new Error(`${uri} not found`), { code: 'ENOENT' });
  return {
    asked,
    async readFile(uri) {
      asked.push(uri);
      if (!(uri in files)) throw notFound(uri);
      return files[uri];
    },
    async stat(uri): Promise<FileStat | undefined> {
      asked.push(uri);
      if (uri in files) return { kind: 'file', size: new TextEncoder().encode(files[uri]).length };
      return isFolder(uri) ? { kind: 'directory', size: 0 } : undefined;
    },
    async readDirectory(uri): Promise<DirectoryEntry[]> {
      asked.push(uri);
      if (!isFolder(uri)) throw notFound(uri);
      const prefix = `${uri.replace(/\/+$/, '')}/`;
      const names = new Map<string, DirectoryEntry>();
      for (const file of Object.keys(files).filter((f) => f.startsWith(prefix))) {
        const [name, ...rest] = file.slice(prefix.length).split('/');
        names.set(name, { name: decodeURIComponent(name), kind: rest.length ? 'directory' : 'file', symbolicLink: false });
      }
      return [...names.values()];
    },
  };
}
