import assert from 'node:assert/strict';
import { readLeadingTime, readDateLine, writesDayFirst } from '../../server/src/model/timeExpression';

function hm(s: string): string | undefined {
  const e = readLeadingTime(s);
  if (!e?.time) return undefined;
  const d = e.date ? `${e.date.year ?? '????'}-${String(e.date.month).padStart(2, '0')}-${String(e.date.day).padStart(2, '0')} ` : '';
  return `${d}${String(e.time.hour).padStart(2, '0')}:${String(e.time.minute).padStart(2, '0')}${e.zone ? ` ${e.zone}` : ''}`;
}

describe('reading the time that starts a timeline entry', () => {
  const cases: Array<[string, string]> = [
    ['13:06', '13:06'],
    ['Aug 14 2019 13:06', '2019-08-14 13:06'],
    ['2021-06-07 9:00', '2021-06-07 09:00'],
    ['8:20 - 8:24', '08:20'],
    ['21:00 - Team alerted', '21:00'],
    ['2024-04-09 13:42 Team noticed', '2024-04-09 13:42'],
    ['[13:26] Deploy', '13:26'],
    ['14:02 UTC — alert', '14:02 UTC'],
    ['**Feb 04, 2021, 21:45 (UTC):** text', '2021-02-04 21:45 UTC'],
    ['**21:48:** text', '21:48'],
    ['11:21a', '11:21'],
    ['12:28p', '12:28'],
    ['4:19 PM', '16:19'],
    ['12:05 AM', '00:05'],
    ['1915 UTC paged', '19:15 UTC'],
    ['2024-04-09 15.26 Compared', '2024-04-09 15:26'],
    ['11.50 restarted', '11:50'],
    ['{{ 13:00 }}', '13:00'],
    ['~12:34:56', '12:34'],
    ['2018-03-12 00:41 - 00:47 AM', '2018-03-12 00:41'],
    ['2017-02-24 ca. 13:00', '2017-02-24 13:00'],
    ['Monday, March 3, 2025 at 10:15 CET', '2025-03-03 10:15 CET'],
    ['10h47 restart', '10:47'],
    ['2025-03-05T14:10:00.250+01:00 alert', '2025-03-05 14:10 +01:00'],
    ['2025-03-05T14:10:00Z alert', '2025-03-05 14:10 Z'],
    ['02-26-2024 07:30 PST - released', '2024-02-26 07:30 PST'],
    ['2/15/24 9:00 a.m. paged', '2024-02-15 09:00'],
    ['10/24/2022 - 15:38 CST - converted', '2022-10-24 15:38 CST'],
    ['11:20 AM PST Friday Oct 15th: Errors climb', '????-10-15 11:20 PST'],
    ['14:05 on March 3: paged', '????-03-03 14:05'],
    ['21st of October 2025, 09:00', '2025-10-21 09:00'],
    ['**`09:15`** paged', '09:15'],
  ];
  for (const [input, expected] of cases) {
    it(`"${input}" → ${expected}`, () => assert.equal(hm(input), expected));
  }

  it('reads an impossible time as written and marks it invalid', () => {
    const e = readLeadingTime('25:61 Rolled back');
    assert.equal(e?.invalid, '25:61');
  });

  it('reads unknown times as unknown, not as failures', () => {
    for (const s of ['[???] restarted', '??:?? paged', 'TBD paged']) assert.equal(readLeadingTime(s)?.unknown, true, s);
  });

  it('does not read prose as a time', () => {
    for (const s of ['2 nodes failed', 'The deploy at 13:00', '10 marbles', '13:00 a user reported', 'v1.50 released']) {
      const e = readLeadingTime(s);
      assert.ok(!e?.time || (s.startsWith('13:00') && e.time.hour === 13), s);
    }
  });

  it('reads numeric dates month first unless the document writes day first', () => {
    assert.deepEqual(readLeadingTime('03/04/2026 x')?.date, { year: 2026, month: 3, day: 4 });
    assert.deepEqual(readLeadingTime('03/04/2026 x', { dayFirst: true })?.date, { year: 2026, month: 4, day: 3 });
    assert.deepEqual(readLeadingTime('25/04/2026 x')?.date, { year: 2026, month: 4, day: 25 });
    assert.equal(writesDayFirst('on 03/04/2026 and 25/04/2026'), true);
    assert.equal(writesDayFirst('on 03/04/2026 and 04/25/2026, 25/04/2026'), false);
    assert.equal(writesDayFirst('on 03/04/2026'), false);
  });

  it('reads a date whose time was not recorded as a date alone', () => {
    for (const s of ['2022-07-19 HH:mm text', '2019-12-03 --:-- text']) {
      const e = readLeadingTime(s);
      assert.deepEqual([e?.date, e?.time, s.slice(e?.length ?? 0)], [s.startsWith('2022') ? { year: 2022, month: 7, day: 19 } : { year: 2019, month: 12, day: 3 }, undefined, 'text'], s);
    }
  });

  it('keeps the end of a range', () => {
    assert.deepEqual(readLeadingTime('8:20 - 8:24 PM failover')?.endTime, { hour: 20, minute: 24, second: 0 });
  });

  it('recognises date lines', () => {
    assert.deepEqual(readDateLine('**2021-02-04**'), { year: 2021, month: 2, day: 4 });
    assert.deepEqual(readDateLine('Aug 14 2019'), { year: 2019, month: 8, day: 14 });
    assert.equal(readDateLine('Aug 14 2019 13:06'), undefined);
  });
});
