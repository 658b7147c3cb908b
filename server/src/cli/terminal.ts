// What reaches a terminal or a CI log from a document is inert: control characters (ESC, BEL, CR,
// C1 codes) and bidirectional overrides are shown as escapes, so a postmortem cannot move the
// cursor, recolour the log, ring the bell or reorder what a reader sees.

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function escapeControl(text: string, keepNewlines = false): string {
  const escaped = text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
  return keepNewlines ? escaped : escaped.replace(/\n/g, '\\n');
}

/**
 * Colour follows the conventions: FORCE_COLOR (any value but 0/false) turns it on, NO_COLOR (any
 * non-empty value) turns it off, otherwise only an interactive terminal gets colour.
 */
export function colorEnabled(isTTY: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '0' && force !== 'false') return true;
  if (force === '0' || force === 'false') return false;
  if (env.NO_COLOR) return false;
  return !!isTTY;
}
