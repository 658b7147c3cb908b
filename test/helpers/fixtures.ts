// Reads rule fixtures: `<!-- expect rule-id ... -->` (or `# expect rule-id` inside YAML) at the end
// of the line where a finding must start.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ActionItem } from '../../server/src/model/types';
import { actionItemRef } from '../../server/src/trackers/links';
import type { TrackerState } from '../../server/src/trackers/types';

export const FIXTURES = join(__dirname, '..', '..', '..', 'test', 'fixtures');

export interface Fixture {
  rule: string;
  name: string;
  path: string;
  text: string;
  valid: boolean;
  /** "line:rule" for every expected finding (1-based lines), sorted. */
  expected: string[];
  fixed?: string;
}

export function expectations(text: string): string[] {
  const out: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const m = /(?:<!--\s*expect\s+([^>]*?)\s*-->|#\s*expect\s+([\w\s-]+)$)/.exec(line);
    if (!m) return;
    for (const id of (m[1] ?? m[2]).split(/\s+/).filter(Boolean)) out.push(`${i + 1}:${id}`);
  });
  return out.sort();
}

export function loadFixtures(): Fixture[] {
  return readdirSync(FIXTURES).flatMap((rule) =>
    readdirSync(join(FIXTURES, rule))
      .filter((name) => name.endsWith('.md') && !name.endsWith('.fixed.md'))
      .map((name) => {
        const path = join(FIXTURES, rule, name);
        const text = readFileSync(path, 'utf8');
        const fixedPath = path.replace(/\.md$/, '.fixed.md');
        return {
          rule, name, path, text, valid: name.startsWith('valid-'),
          expected: expectations(text),
          fixed: existsSync(fixedPath) ? readFileSync(fixedPath, 'utf8') : undefined,
        };
      }),
  );
}

/**
 * Tracker states a fixture declares with `<!-- tracker-state owner/repo#1 open|closed -->`, as the
 * caller of the engine would supply them; undefined (tracker checks off) when it declares none.
 */
export function fixtureTrackerStates(text: string): ((item: ActionItem) => TrackerState | undefined) | undefined {
  const states = new Map<string, TrackerState>();
  for (const m of text.matchAll(/<!--\s*tracker-state\s+(\S+)\s+(open|closed)\s*-->/g)) {
    const key = actionItemRef({ text: m[1] })?.key;
    if (key) states.set(key, { state: m[2] as 'open' | 'closed' });
  }
  return states.size ? (item) => states.get(actionItemRef(item)?.key ?? '') : undefined;
}
