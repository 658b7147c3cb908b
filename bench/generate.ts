// Generates realistic postmortems of a given size: every section, every timeline and action-item
// format, some blame and hindsight wording, code blocks and tables. Deterministic for a seed.

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SENTENCES = [
  'The deploy pipeline applied the change to every region at once.',
  'Nothing validated the configured batch size against the broker limit.',
  'The on-call engineer forgot to check the dashboard before the rollout.',
  'Obviously the cache was stale, and a restart cleared it.',
  'The alert waited five minutes above the threshold before it fired.',
  'Error rates rose from 0.1% to 12% of checkout requests.',
  'It was caused by human error during the migration.',
  'The runbook did not mention the second region, so the rollback took longer.',
  'We should have noticed the queue depth sooner.',
  'Retries hid the rejected batches from the client metrics.',
  'See `broker.max_message_bytes` in the [broker docs](https://example.com/broker).',
  'Latency p99 went from 120 ms to 2.4 s for about 20 minutes.',
];

const pad = (n: number) => String(n).padStart(2, '0');

export function generatePostmortem(targetLines: number, seed = 1): string {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const out: string[] = ['---', 'title: Generated incident', 'date: 2026-03-04', 'severity: SEV-2', 'timezone: UTC', 'authors: [Ana Lima, Ben Okafor]', '---', '', '# Generated incident', ''];
  let minute = 9 * 60;
  let section = 0;
  const stamp = () => {
    minute += 1 + Math.floor(r() * 7);
    return `${pad(Math.floor(minute / 60) % 24)}:${pad(minute % 60)}`;
  };
  const sections = [
    () => ['## Summary', '', pick(SENTENCES), pick(SENTENCES), ''],
    () => ['## Impact', '', `- ${Math.floor(r() * 40)}% of requests failed for ${Math.floor(r() * 90)} minutes.`, `- ${pick(SENTENCES)}`, ''],
    () => ['## Timeline', '', 'All times in UTC.', '', ...Array.from({ length: 12 }, () => `- 2026-03-04 ${stamp()} ${pick(SENTENCES)}`), ''],
    () => ['### Response timeline', '', ...Array.from({ length: 4 }, () => [`#### ${stamp()}`, '', pick(SENTENCES), '']).flat()],
    () => ['## Timeline table', '', '| Time | Event |', '| --- | --- |', ...Array.from({ length: 8 }, () => `| ${stamp()} | ${pick(SENTENCES)} |`), ''],
    () => ['## Root cause', '', pick(SENTENCES), pick(SENTENCES), pick(SENTENCES), '', '```yaml', 'batch_size: 2000', 'max_message_bytes: 1048576', '```', ''],
    () => ['## Detection', '', pick(SENTENCES), '', '> "The graph looked normal to me" — quoted from the incident channel.', ''],
    () => ['## What went well', '', `- ${pick(SENTENCES)}`, `- ${pick(SENTENCES)}`, ''],
    () => ['## What went wrong', '', `1. ${pick(SENTENCES)}`, `2. ${pick(SENTENCES)}`, ''],
    () => ['## Action items', '', ...Array.from({ length: 5 }, (_, i) => `- [${i % 3 ? ' ' : 'x'}] ${pick(['Add an alert on rejected batches over 1%', 'Improve monitoring', 'Validate config in CI', 'Look into the autoscaler'])}. Owner: @${pick(['ana', 'ben', 'chen'])}. Due: 2026-${pad(1 + Math.floor(r() * 12))}-15.`), ''],
    () => ['### Follow-ups', '', '| Action | Owner | Due | Status |', '| --- | --- | --- | --- |', ...Array.from({ length: 4 }, () => `| ${pick(SENTENCES)} | @${pick(['ana', 'ben'])} | 2026-12-0${1 + Math.floor(r() * 9)} | open |`), ''],
  ];
  while (out.length < targetLines) {
    out.push(...sections[section % sections.length]());
    section++;
  }
  return out.slice(0, targetLines).join('\n') + '\n';
}

/**
 * A ~1,500-line postmortem whose bulk is one long section (real incident logs get that long): a
 * 1,200-entry timeline list, or a 500-row action-item table. The benchmark edits inside it.
 */
export function generateLongSection(kind: 'timeline' | 'actionTable', seed = 1): string {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const head = generatePostmortem(kind === 'timeline' ? 290 : 990, seed).trimEnd().split('\n');
  let minute = 8 * 60;
  // Entries run past midnight: the day moves on with the clock, so the timeline stays in order.
  const stamp = () => {
    minute += Math.floor(r() * 3);
    return `2026-03-${pad(5 + Math.floor(minute / 1440))} ${pad(Math.floor(minute / 60) % 24)}:${pad(minute % 60)}`;
  };
  // Titled like the head's short timelines, so the model reads this one (it has the most dated entries) as the timeline.
  const body = kind === 'timeline'
    ? ['', '## Timeline', '', 'All times in UTC.', '', ...Array.from({ length: 1200 }, () => `- ${stamp()} ${pick(SENTENCES)}`)]
    : ['', '## Follow-up actions', '', '| Action | Owner | Due | Status |', '| --- | --- | --- | --- |',
      ...Array.from({ length: 500 }, (_, i) => `| ${pick(['Alert on rejected batches over 1%', 'Validate the batch size in CI', 'Document the second region in the runbook', 'Add a canary stage to the deploy'])} (${i + 1}) | @${pick(['ana', 'ben', 'chen'])} | 2026-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))} | ${pick(['open', 'done', 'in progress'])} |`)];
  const tail = ['', '## Lessons learned', '', pick(SENTENCES), pick(SENTENCES), ''];
  return [...head, ...body, ...tail].join('\n') + '\n';
}

/** What the editor types, a character per keystroke, over and over (words and spaces, nothing a rule flags). */
const TYPED = 'while the retry queue grew ';

/**
 * Typing in the middle of the document (or of its long section, when `inside` names that section's
 * heading: its last occurrence, after the generated head): each call returns the text with one more
 * character typed at the same point, as a person types, so everything after the point moves on
 * every keystroke. `alternate` instead replaces one typed character with another (the length never
 * changes and nothing after the edit moves: the bench's way before 2026-11-30, kept for comparison;
 * BENCH_EDIT=alternate makes it the default, to compare with runs made before).
 */
export function editor(text: string, inside?: string, alternate = process.env.BENCH_EDIT === 'alternate'): () => string {
  let at = text.indexOf('## Detection', Math.floor(text.length / 2)) + 15;
  if (inside) {
    const from = text.lastIndexOf(inside);
    const end = text.indexOf('\n## ', from + inside.length);
    const middle = text.indexOf('\n', Math.floor((from + end) / 2)) + 1;
    at = middle + 22; // inside the entry's words or the row's first cell, past the marker and time
  }
  let k = 0;
  if (alternate) return () => text.slice(0, at) + (k++ % 2 ? 'x' : 'y') + text.slice(at);
  let typed = '';
  return () => text.slice(0, at) + (typed += TYPED[k++ % TYPED.length]) + text.slice(at);
}
