// A zone named by region or IANA name is read through Intl once per zone and hour of the entries,
// not once per entry: the offsets stay those Intl gives at each instant, also in an hour where the
// zone changes offset half-way through.
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analyze';
import { offsetFormats, zoneOffset } from '../../server/src/model/zones';

/** Minutes east of UTC at an instant, straight from Intl (no memo). */
function intlOffset(zone: string, utcMillis: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(new Date(utcMillis)).find((p) => p.type === 'timeZoneName')!.value;
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
});
