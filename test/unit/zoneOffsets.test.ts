// A zone named by region or IANA name is read through Intl once per zone and hour of the entries,
// not once per entry: the offsets stay those Intl gives at each instant, also in an hour where the
// zone changes offset half-way through.
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analyze';
import { zoneOffsetAt } from '../../server/src/model/calendar';
import { offsetFormats, zoneOffset } from '../../server/src/model/zones';

const intlFormats = new Map<string, Intl.DateTimeFormat>();

/** Minutes east of UTC at an instant, straight from Intl (no memo). */
function intlOffset(zone: string, utcMillis: number): number {
  let format = intlFormats.get(zone);
  if (!format) intlFormats.set(zone, (format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })));
  const name = format.formatToParts(new Date(utcMillis)).find((p) => p.type === 'timeZoneName')!.value;
  const m = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(name)!;
  return m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

describe('zone offsets', () => {
  it('gives the offset Intl gives at each instant, across a transition in the middle of an hour', () => {
    // Lord Howe Island moves from +10:30 to +11:00 at 15:30 UTC on 2026-10-03.
    const zone = 'Australia/Lord_Howe';
    const from = Date.UTC(2026, 9, 3, 13, 0) / 60000;
    for (let utc = from; utc < from + 5 * 60; utc += 5) {
      const expected = intlOffset(zone, utc * 60000);
      // zoneOffset takes the wall-clock time; read it at the local time of this instant.
      assert.equal(zoneOffset(zone, utc + expected, true), expected, new Date(utc * 60000).toISOString());
    }
  });

  it('reads fixed zones once and still reads region abbreviations by the date', () => {
    for (let i = 0; i < 2; i++) {
      assert.equal(zoneOffset('UTC', i * 600_000, true), 0);
      assert.equal(zoneOffset('(+05:30)', i * 600_000), 330);
      assert.equal(zoneOffset('Nowhere', i * 600_000), undefined);
      // PST without a date is the abbreviation's offset; with a July date, Los Angeles's daylight time.
      assert.equal(zoneOffset('PST', Date.UTC(2026, 6, 1, 12) / 60000, false), -480);
      assert.equal(zoneOffset('PST', Date.UTC(2026, 6, 1, 12) / 60000, true), -420);
    }
  });

  it('formats a date a few times per hour of a long timeline in PST, not once per entry', () => {
    const entries = Array.from({ length: 300 }, (_, i) => `- 2026-07-0${1 + Math.floor(i / 100)} ${String(9 + Math.floor((i % 100) / 20)).padStart(2, '0')}:${String((i * 3) % 60).padStart(2, '0')} Step ${i}.`);
    const text = `# Incident\n\n## Timeline\n\nAll times PST.\n\n${entries.join('\n')}\n`;
    const before = offsetFormats.count;
    const analysis = analyze(text, { now: new Date('2026-11-29T00:00:00Z') });
    // 300 entries in 15 distinct hours: a few formats per hour (an instant, the hour's first and last
    // millisecond; for the guessed and the corrected instant), where one per entry would be 600.
    assert.ok(offsetFormats.count - before <= 15 * 3 * 2 * 1.5, `${offsetFormats.count - before} formats`);
    assert.equal(analysis.model.timeline.entries[0].iso, '2026-07-01T09:00:00-07:00');
  });

  describe('against Intl around every offset change of 2024-2027, in every zone Intl lists', function () {
    this.timeout(120_000);
    const MINUTE = 60_000;
    const WEEK = 7 * 24 * 60 * MINUTE;
    /**
     * The first minute of each offset change: a scan week by week (no zone changes twice within a
     * week in these years; Morocco's Ramadan changes, the closest, are a month apart), then halving
     * the week where the offset differs.
     */
    const changes = (zone: string): number[] => {
      const found: number[] = [];
      let before = intlOffset(zone, Date.UTC(2024, 0, 1));
      for (let at = Date.UTC(2024, 0, 1) + WEEK; at <= Date.UTC(2028, 0, 1); at += WEEK) {
        const offset = intlOffset(zone, at);
        if (offset === before) continue;
        let [low, high] = [at - WEEK, at];
        while (high - low > MINUTE) {
          const middle = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
          if (intlOffset(zone, middle) === before) low = middle;
          else high = middle;
        }
        found.push(high);
        before = offset;
      }
      return found;
    };
    /** Instants around a change: each minute and the millisecond before it near the change, every 10 minutes for 2 hours each side. */
    const around = (change: number): number[] => {
      const minutes = [-2, -1, 0, 1, 2, ...Array.from({ length: 25 }, (_, i) => (i - 12) * 10)];
      return minutes.flatMap((m) => [change + m * MINUTE - 1, change + m * MINUTE]);
    };
    const zones = Intl.supportedValuesOf('timeZone');
    let transitions = new Map<string, number[]>();
    before(() => {
      transitions = new Map(zones.map((zone) => [zone, changes(zone)]));
    });

    it('finds the changes it checks around (daylight saving in Europe, North America and Australia)', () => {
      assert.ok(zones.length > 300, `${zones.length} zones`);
      for (const zone of ['Europe/Berlin', 'America/New_York', 'Australia/Sydney']) assert.equal(transitions.get(zone)!.length, 8, zone);
      assert.deepEqual(transitions.get('Asia/Tokyo'), []);
    });

    it("the offset at an instant is Intl's offset at that instant, also in the hour after a change", () => {
      const wrong: string[] = [];
      for (const [zone, found] of transitions) {
        for (const at of found.flatMap(around)) {
          const expected = intlOffset(zone, at);
          const got = zoneOffsetAt(zone, new Date(at));
          if (got !== expected) wrong.push(`${zone} at ${new Date(at).toISOString()}: ${got}, Intl ${expected}`);
        }
      }
      assert.deepEqual(wrong.slice(0, 10), [], `${wrong.length} instants differ`);
    });

    it('a wall-clock time reads the offset Intl gives at the instant it guesses, then at the corrected one', () => {
      const wrong: string[] = [];
      for (const [zone, found] of transitions) {
        for (const at of found.flatMap(around)) {
          // The wall clock at this instant, read as zoneOffset reads one: the offset at the instant
          // the wall clock names in UTC, then at the instant that offset makes of it.
          const local = Math.floor(at / MINUTE) + intlOffset(zone, at);
          const expected = intlOffset(zone, (local - intlOffset(zone, local * MINUTE)) * MINUTE);
          const got = zoneOffset(zone, local, true);
          if (got !== expected) wrong.push(`${zone} at wall clock ${new Date(local * MINUTE).toISOString().slice(0, 16)}: ${got}, Intl ${expected}`);
        }
      }
      assert.deepEqual(wrong.slice(0, 10), [], `${wrong.length} wall-clock times differ`);
    });
  });
});
