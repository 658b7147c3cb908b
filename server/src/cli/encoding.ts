// Reads a file's bytes as text the way an editor would, and says when it must not be rewritten:
// binary content, UTF-16, or bytes that are not valid UTF-8 (rewriting those would replace them
// with U+FFFD and destroy the author's text).

export type Encoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be' | 'not-utf8' | 'binary';

export interface Decoded {
  text: string;
  encoding: Encoding;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** NUL bytes or a known image/archive signature in the first 8 KB: not a text file. */
function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return true;
  const signatures = [[0x89, 0x50, 0x4e, 0x47], [0xff, 0xd8, 0xff], [0x47, 0x49, 0x46, 0x38], [0x25, 0x50, 0x44, 0x46], [0x50, 0x4b, 0x03, 0x04], [0x1f, 0x8b]];
  return signatures.some((s) => startsWith(head, s));
}

export function decode(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf16le' };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf16be' };
  if (looksBinary(bytes)) return { text: '', encoding: 'binary' };
  const bom = startsWith(bytes, UTF8_BOM);
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: bom ? 'utf8-bom' : 'utf8' };
  } catch {
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(body), encoding: 'not-utf8' };
  }
}

/** Bytes for text that was decoded as `encoding` (only UTF-8, with or without its BOM, is written). */
export function encode(text: string, encoding: Encoding): Buffer {
  const body = Buffer.from(text, 'utf8');
  return encoding === 'utf8-bom' ? Buffer.concat([Buffer.from(UTF8_BOM), body]) : body;
}

/** Why a file with this encoding is not rewritten by --fix, or undefined when it may be. */
export function refusalToRewrite(encoding: Encoding): string | undefined {
  if (encoding === 'binary') return 'looks binary, not a Markdown text file';
  if (encoding === 'utf16le' || encoding === 'utf16be') return 'is UTF-16; --fix only rewrites UTF-8 (convert the file to UTF-8 first)';
  if (encoding === 'not-utf8') return 'is not valid UTF-8 (perhaps Latin-1); --fix would damage its text, so convert it to UTF-8 first';
  return undefined;
}
