// Random edits for the property tests that an incremental analysis equals a fresh one: characters,
// whole lines (rows, items, headings, front matter, suppression comments), deletions and duplicated
// lines, at any point of the text.
import fc from 'fast-check';

/** Whole lines an edit inserts: rows, items, headings, front matter, suppression comments. */
export const LINES = [
  '| Validate the limit | @chen | 2026-11-01 | open |\n', '- 10:59 The engineer should have noticed.\n', '- [x] Done thing. Owner: TBD\n',
  '## Impact\n', '### Action items\n', '## Where we got lucky\n', '---\ntitle: T\nparticipants: [Ana Lima]\n---\n',
  '<!-- postmortem-disable-next-line -->\n', '<!-- postmortem-disable-file no-counterfactual -->\n', '<!-- postmortem-enable -->\n',
  '25/12/2026 10:00 A day-first date.\n', '| Time | Event |\n| --- | --- |\n| 10:00 | Start |\n', '\n',
];
export const CHARS = ['x', ' ', '|', '-', '\n', '*', '`', 'just ', 'Kim ', '10:', '@', '<!--', '-->', '#'];

/** Characters a same-length edit writes over others. */
const OVERWRITES = ['x', '1', ' ', '-', '*', '#', '\n'];

/** `replace` overwrites characters without moving anything after them (a cache keyed by lengths alone misses it). */
export type Edit = { kind: 'char' | 'line' | 'delete' | 'deleteLine' | 'duplicateLine' | 'replace'; at: number; size: number; pick: number };

/** Edits of the given kinds (a kind listed twice is picked twice as often). */
export function editOf(kinds: readonly Edit['kind'][]): fc.Arbitrary<Edit> {
  return fc.record({
    kind: fc.constantFrom(...kinds),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    size: fc.integer({ min: 1, max: 6 }),
    pick: fc.nat({ max: 100 }),
  });
}

export const edit: fc.Arbitrary<Edit> = editOf(['char', 'char', 'line', 'delete', 'deleteLine', 'duplicateLine']);

function lineStart(text: string, i: number): number {
  return text.lastIndexOf('\n', i - 1) + 1;
}

/** The text after one edit (`lines`: the whole lines an insertion picks from). */
export function apply(text: string, e: Edit, lines: readonly string[] = LINES): string {
  const i = Math.floor(e.at * text.length);
  const line = lineStart(text, i);
  const nl = text.indexOf('\n', i);
  const lineEnd = nl === -1 ? text.length : nl + 1;
  switch (e.kind) {
    case 'char': return text.slice(0, i) + CHARS[e.pick % CHARS.length].repeat(e.size > 4 ? 2 : 1) + text.slice(i);
    case 'delete': return text.slice(0, i) + text.slice(i + e.size);
    case 'line': return text.slice(0, line) + lines[e.pick % lines.length] + text.slice(line);
    case 'deleteLine': return text.slice(0, line) + text.slice(lineEnd);
    case 'duplicateLine': return text.slice(0, lineEnd) + text.slice(line, lineEnd) + text.slice(lineEnd);
    case 'replace': {
      const end = Math.min(text.length, i + e.size);
      return text.slice(0, i) + OVERWRITES[e.pick % OVERWRITES.length].repeat(end - i) + text.slice(end);
    }
  }
}
