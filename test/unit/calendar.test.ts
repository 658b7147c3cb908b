// "Today" is a calendar day where the reader is (or where the document says it is), not in UTC.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/engine/analyze';
import { actionRows } from '../../server/src/cli/reports';
import { codeLenses } from '../../server/src/features/codeLens';
import { outline } from '../../server/src/features/outline';
import { addDays, daysBetween, isOverdue, localToday, todayFor } from '../../server/src/model/calendar';
import { buildReport } from '../../server/src/render/reportData';
import { extractActionItems } from '../../server/src/workspaceIndex';
import { configFor, DEFAULT_SETTINGS } from '../../server/src/settings';

// 20:00 on 9 March 2026 in San Francisco (UTC−7 that day): already 10 March in UTC.
const EVENING_IN_SF = new Date('2026-03-10T03:00:00Z');
const NEXT_MORNING_IN_SF = new Date('2026-03-10T16:00:00Z');
const DUE_TODAY = '# Database failover\n\n## Action items\n\n- [ ] Add a replica lag alert. Owner: @mira. Due: 2026-03-09.\n';

function withTz<T>(tz: string, run: () => T): T {
  const saved = process.env.TZ;
  process.env.TZ = tz;
  try {
    return run();
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

/** Whether each face (rule, code lens, outline, CLI rows, report, workspace index) calls the item overdue. */
function overdueEverywhere(text: string, now: Date): boolean[] {
  const config = configFor(DEFAULT_SETTINGS);
  const analysis = analyze(text, { config: config.config, now });
  const document = TextDocument.create('untitled:pm.md', 'markdown', 1, text);
  const lens = codeLenses(document, { version: 1, analysis, config }, now).find((l) => l.command?.title.includes('overdue'));
  const report = buildReport([{ file: 'pm.md', model: analysis.model, lineOf: (o) => analysis.lines.line(o) + 1 }], now);
  return [
    analysis.findings.some((f) => f.ruleId === 'action-item-overdue'),
    !lens?.command?.title.includes('0 overdue'),
    outline('untitled:pm.md', analysis, [], now).actionItems[0].overdue,
    actionRows('pm.md', analysis, now)[0].overdue,
    report.items[0].overdue,
    extractActionItems('untitled:pm.md', text, now)[0].overdue,
  ];
}

describe('calendar: today and overdue', () => {
  it('takes today from the local zone, not from UTC', () => {
    withTz('America/Los_Angeles', () => {
      assert.equal(localToday(EVENING_IN_SF), '2026-03-09');
      assert.equal(localToday(NEXT_MORNING_IN_SF), '2026-03-10');
    });
    withTz('Asia/Tokyo', () => assert.equal(localToday(new Date('2026-03-09T20:00:00Z')), '2026-03-10'));
  });

  it('an item due today is not overdue at 20:00 in UTC−8/−7, in every place that says so', () => {
    withTz('America/Los_Angeles', () => {
      assert.deepEqual(overdueEverywhere(DUE_TODAY, EVENING_IN_SF), [false, false, false, false, false, false]);
      assert.deepEqual(overdueEverywhere(DUE_TODAY, NEXT_MORNING_IN_SF), [true, true, true, true, true, true]);
    });
  });

  it('uses the zone the document declares over the machine\'s', () => {
    const declared = `---\ntimezone: America/Los_Angeles\n---\n${DUE_TODAY}`;
    withTz('UTC', () => {
      assert.deepEqual(overdueEverywhere(declared, EVENING_IN_SF), [false, false, false, false, false, false]);
      assert.deepEqual(overdueEverywhere(DUE_TODAY, EVENING_IN_SF), [true, true, true, true, true, true]);
    });
    const model = analyze(`---\ntimezone: PST\n---\n# X\n`, { now: EVENING_IN_SF }).model;
    withTz('Europe/Berlin', () => assert.equal(todayFor(model, EVENING_IN_SF), '2026-03-09'));
  });

  it('the due-date quick fix counts days from the local today', () => {
    withTz('America/Los_Angeles', () => {
      const analysis = analyze('# X\n\n## Action items\n\n- [ ] Add a replica lag alert. Owner: @mira.\n', { now: EVENING_IN_SF });
      const finding = analysis.findings.find((f) => f.ruleId === 'action-item-due-date');
      assert.equal(finding?.suggestions?.[0].edits[0].newText, ' Due: 2026-03-23.');
    });
  });

  it('adds and counts whole days across months, years and daylight-saving changes', () => {
    withTz('America/Los_Angeles', () => {
      assert.equal(addDays('2026-03-07', 2), '2026-03-09');
      assert.equal(addDays('2026-12-30', 3), '2027-01-02');
      assert.equal(daysBetween('2026-03-07', '2026-03-09'), 2);
    });
    assert.equal(isOverdue({ status: 'open', due: '2026-03-09' }, '2026-03-09'), false);
    assert.equal(isOverdue({ status: 'open', due: '2026-03-08' }, '2026-03-09'), true);
    assert.equal(isOverdue({ status: 'done', due: '2026-03-08' }, '2026-03-09'), false);
  });
});
