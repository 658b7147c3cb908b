import assert from 'node:assert/strict';
import { readLeadingTime, readDateLine } from '../../server/src/model/timeExpression';

function hm(s: string): string | undefined {
  const e = readLeadingTime(s);
  if (!e?.time) return undefined;
  const d = e.date ? `${e.date.year ?? '????'}-${String(e.date.month).padStart(2, '0')}-${String(e.date.day).padStart(2, '0')} ` : '';
  return `${d}${String(e.time.hour).padStart(2, '0')}:${String(e.time.minute).padStart(2, '0')}${e.zone ? ` ${e.zone}` : ''}`;
}

describe('reading the time that starts a timeline entry', () => {
  const cases: Array<[string, string]> = [
    ['13:06', '13:06'],
    ['Sep 27 2017 13:06', '2017-09-27 13:06'],
    ['2021-06-03 9:00', '2021-06-03 09:00'],
    ['8:20 - 8:24', '08:20'],
    ['21:00 - Team alerted', '21:00'],
    ['2023-09-18 13:42 Team noticed', '2023-09-18 13:42'],
    ['[13:26] Deploy', '13:26'],
    ['14:02 UTC — alert', '14:02 UTC'],
    ['**Feb 04, 2021, 21:45 (UTC):** text', '2021-02-04 21:45 UTC'],
    ['**21:48:** text', '21:48'],
    ['11:21a', '11:21'],
    ['12:28p', '12:28'],
    ['4:19 PM', '16:19'],
    ['12:05 AM', '00:05'],
    ['1915 UTC paged', '19:15 UTC'],
    ['2023-09-18 15.26 Compared', '2023-09-18 15:26'],
    ['11.50 restarted', '11:50'],
    ['{{ 13:00 }}', '13:00'],
    ['~12:34:56', '12:34'],
    ['2017-02-09 00:25 - 00:29 AM', '2017-02-09 00:25'],
    ['2017-02-24 ca. 13:00', '2017-02-24 13:00'],
    ['Monday, March 3, 2025 at 10:15 CET', '2025-03-03 10:15 CET'],
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

  it('recognises date lines', () => {
    assert.deepEqual(readDateLine('**2021-02-04**'), { year: 2021, month: 2, day: 4 });
    assert.deepEqual(readDateLine('Sep 27 2017'), { year: 2017, month: 9, day: 27 });
    assert.equal(readDateLine('Sep 27 2017 13:06'), undefined);
  });
});
