// The few Node built-ins the engine imports (node:fs, node:fs/promises, node:path, node:url), for the
// language server in a web worker. The server there reads files through the client (see
// handlers/clientFileSystem.ts), never through these, so reads fail as a missing file would; paths are POSIX.
// esbuild substitutes this module for those imports in the browser bundle only.

function missing(): Error {
  return Object.assign(new Error('There is no file system in the browser.'), { code: 'ENOENT' });
}

export function existsSync(): boolean {
  return false;
}

export function readFileSync(): never {
  throw missing();
}

export async function readFile(): Promise<never> {
  throw missing();
}

export async function readdir(): Promise<never> {
  throw missing();
}

export async function stat(): Promise<never> {
  throw missing();
}

export async function realpath(): Promise<never> {
  throw missing();
}

function normalize(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else out.push(part);
  }
  return (absolute ? '/' : '') + out.join('/') || (absolute ? '/' : '.');
}

export function isAbsolute(path: string): boolean {
  return path.startsWith('/');
}

export function join(...parts: string[]): string {
  return normalize(parts.filter(Boolean).join('/'));
}

export function resolve(...parts: string[]): string {
  let path = '';
  for (const part of parts) path = isAbsolute(part) ? part : `${path}/${part}`;
  return normalize(isAbsolute(path) ? path : `/${path}`);
}

export function dirname(path: string): string {
  const normal = normalize(path);
  const cut = normal.lastIndexOf('/');
  return cut <= 0 ? (normal.startsWith('/') ? '/' : '.') : normal.slice(0, cut);
}

export function relative(from: string, to: string): string {
  const a = resolve(from).split('/').filter(Boolean);
  const b = resolve(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

export const sep = '/';

export function fileURLToPath(url: string | URL): string {
  return decodeURIComponent(new URL(String(url)).pathname);
}

export function pathToFileURL(path: string): URL {
  return new URL(`file://${encodeURI(path)}`);
}
