// The service's file system on Node: file: URIs through fs/promises. Other schemes have no files here.
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DirectoryEntry, FileSystem, FileStat } from './fileSystem';

function pathOf(uri: string): string {
  if (!uri.startsWith('file:')) throw Object.assign(new Error(`${uri} is not a file on this machine`), { code: 'ENOENT' });
  return fileURLToPath(uri);
}

export const nodeFileSystem: FileSystem = {
  readFile: (uri) => readFile(pathOf(uri), 'utf8'),

  async stat(uri): Promise<FileStat | undefined> {
    try {
      const info = await stat(pathOf(uri));
      return { kind: info.isFile() ? 'file' : info.isDirectory() ? 'directory' : 'other', size: info.size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
      throw error;
    }
  },

  async readDirectory(uri): Promise<DirectoryEntry[]> {
    const entries = await readdir(pathOf(uri), { withFileTypes: true });
    return entries.map((e) => ({
      name: e.name,
      kind: e.isFile() ? 'file' : e.isDirectory() ? 'directory' : 'other',
      symbolicLink: e.isSymbolicLink(),
    }));
  },

  realPath: async (uri) => pathToFileURL(await realpath(pathOf(uri))).toString(),
};
