// Every shape of timeline the model reads, each with the entries, dates, times and zones it must yield.
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analyze';

const NOW = new Date('2026-11-29T00:00:00Z');
const timeline = (text: string) => analyze(text, { now: NOW }).model.timeline;
/** Each entry as "when | precision | zone | text": when is the ISO time, or the date for day precision. */
const rows = (text: string) => timeline(text).entries.map((e) => `${e.iso ?? e.date ?? '-'} | ${e.precision ?? '-'} | ${e.zone ?? '-'} | ${e.text}`);

/**
 * Shapes read into rows alone: a name, the document, and each entry as "when | precision | zone | text".
 */
const CET_TABLE = '## Timeline\n\n| Date and time (CET) | Event |\n|---|---|\n| 2026-01-29 12:00 | Scaled up |\n| 2026-01-30 08:24 | Warning from the provider |\n| 2026-01-30 09:00 | Work started |\n';

const SHAPES: Array<[name: string, text: string, ...rows: string[]]> = [
  [
    'list items: bulleted, numbered and task items',
    '---\ndate: 2026-03-02\n---\n## Timeline\n\nAll times in UTC.\n\n- 10:00 Alert fired\n\n1. 10:05 Paged\n\n- [x] 10:10 Rolled back\n',
    '2026-03-02T10:00:00+00:00 | minute | UTC | Alert fired',
    '2026-03-02T10:05:00+00:00 | minute | UTC | Paged',
    '2026-03-02T10:10:00+00:00 | minute | UTC | Rolled back',
  ],
  [
    'lines of a paragraph, hard-wrapped or split by <br>, with continuation lines',
    '---\ndate: 2026-03-02\ntimezone: UTC\n---\n## Timeline\n\n10:00 - Alert fired on the\ncheckout error rate.\n10:05 - Paged.<br>10:20 - Fixed.\n',
    '2026-03-02T10:00:00+00:00 | minute | UTC | Alert fired on the checkout error rate.',
    '2026-03-02T10:05:00+00:00 | minute | UTC | Paged.',
    '2026-03-02T10:20:00+00:00 | minute | UTC | Fixed.',
  ],
  [
    'a table with separate day, date (year in the header) and time columns',
    '## Timeline (all times UTC)\n\n| Day | Date (2023) | Time (UTC) | Event |\n|---|---|---|---|\n| Fri | Jan 27 | 03:16 | Alert raised |\n| Fri | Jan 27 | 03:29 | Queue paused |\n| Tue | Jan 31 | 17:48 | Supplier answered |\n',
    '2023-01-27T03:16:00+00:00 | minute | UTC | Alert raised',
    '2023-01-27T03:29:00+00:00 | minute | UTC | Queue paused',
    '2023-01-31T17:48:00+00:00 | minute | UTC | Supplier answered',
  ],
  [
    'a table whose date-and-time column names its zone in the header',
    CET_TABLE,
    '2026-01-29T12:00:00+01:00 | minute | CET | Scaled up',
    '2026-01-30T08:24:00+01:00 | minute | CET | Warning from the provider',
    '2026-01-30T09:00:00+01:00 | minute | CET | Work started',
  ],
  [
    'one heading per entry, the blocks under it its details',
    '## Timeline\n\n*(All times America/Chicago, 24-hour clock.)*\n\n### 2026-01-12 7:35\n\nSync lag alert fired.\n\n- detail, not an entry\n\n### 8:10\n\nWorkers restarted.\n',
    '2026-01-12T07:35:00-06:00 | minute | America/Chicago | Sync lag alert fired.',
    '2026-01-12T08:10:00-06:00 | minute | America/Chicago | Workers restarted.',
  ],
  [
    'one heading per day with a title, entries under it',
    '## Incident Timeline\n\nAll times in UTC.\n\n### October 21, 2025 - Cache overload\n\n- 22:10 Alert fired\n- 23:40 Scaled out\n\n### October 22, 2025 - Recovery\n\n- 00:20 Drained\n',
    '2025-10-21T22:10:00+00:00 | minute | UTC | Alert fired',
    '2025-10-21T23:40:00+00:00 | minute | UTC | Scaled out',
    '2025-10-22T00:20:00+00:00 | minute | UTC | Drained',
  ],
  [
    'a day heading with nothing timed under it is an entry of day precision',
    '## Timeline\n\n### 2026-04-02 - Report received\n\nA researcher wrote in.\n\n### 2026-04-05 - Fix released\n\nVersion 2 shipped.\n\n### 2026-04-06 - Advisory published\n',
    '2026-04-02 | day | - | Report received',
    '2026-04-05 | day | - | Fix released',
    '2026-04-06 | day | - | Advisory published',
  ],
];

/** Dates read across entries: a name, the document, and each entry's ISO time. */
const DATED: Array<[name: string, text: string, ...iso: string[]]> = [
  ['dates carry forward from date lines and from earlier entries', '## Timeline\n\nAll times in UTC.\n\nMarch 3rd, 2026\n\n- 09:00 A\n- 2026-03-04 08:00 B\n- 09:00 C\n', '2026-03-03T09:00:00+00:00', '2026-03-04T08:00:00+00:00', '2026-03-04T09:00:00+00:00'],
  ['a date written after the time, and a time written after a date and a dash', '## Timeline\n\n11:20 AM PST Friday Oct 15th 2021: Errors climb\n\n14:10 PM PST Friday Oct 15th: Pages sent\n\n10/16/2021 - 08:30 PST - Recovered\n', '2021-10-15T11:20:00-07:00', '2021-10-15T14:10:00-07:00', '2021-10-16T08:30:00-07:00'],
  ['month and day without a year take the year from the front matter when there is one', '---\ndate: 2026-03-08\n---\n## Timeline\n\nAll times in UTC.\n\n- Mar 8, 6:41 PM Release\n- Mar 9, 4:17 AM Report\n', '2026-03-08T18:41:00+00:00', '2026-03-09T04:17:00+00:00'],
];

describe('timeline shapes', () => {
  for (const [name, text, ...expected] of SHAPES) it(name, () => assert.deepEqual(rows(text), expected));
  for (const [name, text, ...expected] of DATED) it(name, () => assert.deepEqual(timeline(text).entries.map((e) => e.iso), expected));

  it('a table whose date-and-time column names its zone in the header: the zone is the column\'s', () => {
    assert.deepEqual(timeline(CET_TABLE).zone, { name: 'CET', source: 'column' });
  });

  it('a table found by its cells when no header says time', () => {
    const text = '## Timeline\n\n| When it happened | Note |\n|---|---|\n| 2026-05-01 10:00 UTC | a |\n| 2026-05-01 10:30 UTC | b |\n| 2026-05-01 11:00 UTC | c |\n';
    assert.equal(timeline(text).entries.filter((e) => e.iso).length, 3);
  });

  it('bold, italic and code-span prefixes and bracketed stamps', () => {
    const text = '---\ndate: 2026-03-02\ntimezone: UTC\n---\n## Timeline\n\n- **16:58 UTC** - Deploy\n- *17:02* Errors\n- `17:05` Paged\n- [17:09] Rolled back\n';
    assert.deepEqual(timeline(text).entries.map((e) => [e.iso, e.text]), [
      ['2026-03-02T16:58:00+00:00', 'Deploy'], ['2026-03-02T17:02:00+00:00', 'Errors'],
      ['2026-03-02T17:05:00+00:00', 'Paged'], ['2026-03-02T17:09:00+00:00', 'Rolled back'],
    ]);
  });

  it('paragraphs that start with a numeric date are day-precision entries, not missing times', () => {
    const text = '## Timeline (every time PST) 02/26/2026 - 03/06/2026. All times approximations\n\n02-26-2026 - Reported by testers.\n\n02/28/2026 - Version 2.2.0 released.\n\n03-06-2026 - Fix released.\n';
    assert.deepEqual(rows(text), ['2026-02-26 | day | - | Reported by testers.', '2026-02-28 | day | - | Version 2.2.0 released.', '2026-03-06 | day | - | Fix released.']);
    const findings = analyze(text, { now: NOW }).findings.filter((f) => f.ruleId === 'timeline-timestamp');
    assert.deepEqual(findings, []);
  });

  it('keeps ranges as a start and an end', () => {
    const e = timeline('---\ndate: 2026-03-02\ntimezone: UTC\n---\n## Timeline\n\n- 8:20 - 8:24 PM Failover\n- 23:50–00:10 Maintenance window\n').entries;
    assert.deepEqual([e[0].iso, e[0].endIso], ['2026-03-02T20:20:00+00:00', '2026-03-02T20:24:00+00:00']);
    assert.deepEqual([e[1].iso, e[1].endIso], ['2026-03-02T23:50:00+00:00', '2026-03-03T00:10:00+00:00']);
  });
});

describe('timeline zones', () => {
  const entriesIn = (preamble: string, frontMatter = '') => timeline(`${frontMatter}## Timeline${preamble}\n\n- 2026-07-01 10:00 A\n- 2026-01-15 10:00 B\n`);

  it('PT, PST and PDT follow daylight saving by the entry date', () => {
    for (const zone of ['PT', 'PST', 'PDT']) {
      assert.deepEqual(entriesIn(` (all times ${zone})`).entries.map((e) => e.iso), ['2026-07-01T10:00:00-07:00', '2026-01-15T10:00:00-08:00'], zone);
    }
  });

  it('reads the zone from front matter, a sentence, an italic note, the heading or the entry', () => {
    assert.equal(entriesIn('', '---\ntimezone: Europe/Berlin\n---\n').zone?.source, 'front-matter');
    assert.deepEqual(entriesIn('\n\nTimestamps are in UTC.').zone, { name: 'UTC', source: 'preamble' });
    assert.deepEqual(entriesIn('\n\n_All times US/Eastern._').zone, { name: 'US/Eastern', source: 'preamble' });
    assert.deepEqual(entriesIn(' (UTC)').zone, { name: 'UTC', source: 'preamble' });
    const own = timeline('## Timeline\n\n- 2026-01-15 10:00 CET A\n- 2026-01-15 10:30 B\n');
    assert.deepEqual(own.entries.map((e) => e.iso), ['2026-01-15T10:00:00+01:00', '2026-01-15T10:30:00+01:00']);
  });

  it('does not take a zone named inside an entry for the whole timeline', () => {
    assert.equal(timeline('## Timeline\n\n- 10:00 Moved the job to run at times in UTC\n- 10:05 Done\n').zone, undefined);
  });
});

describe('numeric dates, settled by the document', () => {
  const dates = (text: string) => timeline(text).entries.map((e) => e.date);
  it('reads MM/DD/YYYY by default and DD/MM/YYYY when another date can only be day first', () => {
    assert.deepEqual(dates('## Timeline\n\n- 03/04/2026 A\n- 03/05/2026 B\n- 03/06/2026 C\n'), ['2026-03-04', '2026-03-05', '2026-03-06']);
    assert.deepEqual(dates('## Timeline\n\n- 03/04/2026 A\n- 03/05/2026 B\n- 25/05/2026 C\n'), ['2026-04-03', '2026-05-03', '2026-05-25']);
  });
});

describe('what belongs to an entry', () => {
  it('images, code blocks and notes between two entries belong to the entry above them', () => {
    const text = '## Timeline\n\n- **16:58 UTC** - Errors began\n\n![graph](g.png)\n\n```\nERROR 502\n```\n\n- **17:02 UTC** - Rolled back\n\nA closing note.\n';
    const [first, second] = timeline(text).entries;
    assert.equal(text.slice(first.start, first.end).trimEnd().endsWith('```'), true);
    assert.equal(text.slice(second.start, second.end).trim(), '- **17:02 UTC** - Rolled back');
  });

  it('sorts an entry together with the blocks that belong to it', () => {
    const text = '## Timeline\n\n- 17:02 UTC Rolled back\n\n```\nlog\n```\n\n- 16:58 UTC Errors began\n';
    const fix = analyze(text, { now: NOW }).findings.find((f) => f.ruleId === 'timeline-order')?.fix;
    assert.equal(fix?.edits[0].newText, '- 16:58 UTC Errors began\n\n- 17:02 UTC Rolled back\n\n```\nlog\n```');
  });
});

describe('month and day without a year', () => {
  it('orders by day even when no year is known, and claims no date', () => {
    const text = '## Timeline\n\n| Time (UTC) | Event |\n|---|---|\n| Mar 8, 6:41 PM | Release |\n| Mar 9, 4:17 AM | Report |\n| Mar 9, 11:05 AM | Fix |\n';
    const analysis = analyze(text, { now: NOW });
    assert.deepEqual(analysis.findings.filter((f) => f.ruleId === 'timeline-order'), []);
    assert.deepEqual(analysis.model.timeline.entries.map((e) => e.iso), [undefined, undefined, undefined]);
  });

});
