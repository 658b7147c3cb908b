// Time zones as people write them in postmortems: abbreviations, UTC offsets and IANA names.
import { detached } from '../parsing/detach';

/** Fixed offsets (minutes east of UTC) of the abbreviations seen in incident timelines. */
const ABBREVIATIONS: Record<string, number> = {
  UTC: 0, GMT: 0, Z: 0, WET: 0,
  BST: 60, CET: 60, WEST: 60, IST: 330, CEST: 120, EET: 120, EEST: 180, MSK: 180,
  PST: -480, PDT: -420, PT: -480, MST: -420, MDT: -360, MT: -420, CST: -360, CDT: -300, CT: -360,
  EST: -300, EDT: -240, ET: -300, AKST: -540, AKDT: -480, HST: -600,
  JST: 540, KST: 540, SGT: 480, HKT: 480, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
};

/**
 * Abbreviations people write all year for a region's local time ("PST" in July): when the date is
 * known, the region's rules decide the offset, so daylight saving is applied by the entry's date.
 */
const REGIONS: Record<string, string> = {
  PT: 'America/Los_Angeles', PST: 'America/Los_Angeles', PDT: 'America/Los_Angeles',
  MT: 'America/Denver', MST: 'America/Denver', MDT: 'America/Denver',
  CT: 'America/Chicago', CST: 'America/Chicago', CDT: 'America/Chicago',
  ET: 'America/New_York', EST: 'America/New_York', EDT: 'America/New_York',
  CET: 'Europe/Paris', CEST: 'Europe/Paris', AEST: 'Australia/Sydney', AEDT: 'Australia/Sydney',
};

export const ZONE_PATTERN = String.raw`(?:UTC|GMT)(?:\s?[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}|Z|(?:${Object.keys(ABBREVIATIONS).filter((z) => !['UTC', 'GMT', 'Z'].includes(z)).join('|')})`;

/**
 * One formatter per zone name (null: a name Intl does not know). Making one costs about a thousand
 * times what using it does: made per entry, a 1,200-entry timeline written in PST took most of a
 * second per keystroke.
 */
const formatters = new Map<string, Intl.DateTimeFormat | null>();
const FORMATTERS_LIMIT = 256;

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    } catch {
      formatter = null;
    }
    if (formatters.size >= FORMATTERS_LIMIT) formatters.clear();
    // The name may be a slice of a document: a copy of its own, so the cache keeps no document alive.
    formatters.set(detached(zone), formatter);
  }
  return formatter;
}

/** Zones whose offset depends on neither the date nor the time ("UTC", "+05:30", "JST"; unknown names too). */
const fixedOffsets = new Map<string, number | undefined>();

const HOUR = 3_600_000;
/** Per zone, the offset of each UTC hour in which it does not change (a timeline's entries share few hours). */
const hourOffsets = new Map<string, Map<number, number>>();
const HOURS_LIMIT = 4096;

/**
 * The zone's offset at an instant. Offsets change only at a zone's transitions, never twice within
 * an hour: when the offset at an hour's first and last millisecond agree, it holds for the whole
 * hour, and the entries in that hour read it from the memo instead of formatting a date each.
 */
function ianaOffset(zone: string, utcMillis: number): number | undefined {
  const hour = Math.floor(utcMillis / HOUR);
  const known = hourOffsets.get(zone)?.get(hour);
  if (known !== undefined) return known;
  const offset = formattedOffset(zone, utcMillis);
  if (offset === undefined || formattedOffset(zone, hour * HOUR) !== offset || formattedOffset(zone, (hour + 1) * HOUR - 1) !== offset) return offset;
  let hours = hourOffsets.get(zone);
  if (!hours) {
    if (hourOffsets.size >= FORMATTERS_LIMIT) hourOffsets.clear();
    hourOffsets.set(detached(zone), (hours = new Map()));
  }
  if (hours.size >= HOURS_LIMIT) hours.clear();
  hours.set(hour, offset);
  return offset;
}

/** How many dates were formatted to read an offset: tests check a timeline's entries share them. */
export const offsetFormats = { count: 0 };

function formattedOffset(zone: string, utcMillis: number): number | undefined {
  const formatter = formatterFor(zone);
  if (!formatter) return undefined;
  offsetFormats.count++;
  try {
    const parts = formatter.formatToParts(new Date(utcMillis));
    const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
    const m = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(name);
    if (!m) return undefined;
    return m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  } catch {
    return undefined;
  }
}

/**
 * Minutes east of UTC for a zone as written, at a local wall-clock time (minutes since the epoch,
 * as if the wall clock were UTC). Undefined when the zone is unknown.
 */
export function zoneOffset(zone: string, localMinutes = 0, dated = false): number | undefined {
  // Every entry of a timeline asks for the same few zones: those whose offset never changes are read once.
  if (fixedOffsets.has(zone)) return fixedOffsets.get(zone);
  const z = zone.trim().replace(/^\(|\)$/g, '');
  const upper = z.toUpperCase();
  if (dated && upper in REGIONS) return zoneOffset(REGIONS[upper], localMinutes) ?? ABBREVIATIONS[upper];
  const fixed = (offset: number | undefined) => {
    if (upper in REGIONS) return offset;
    if (fixedOffsets.size >= FORMATTERS_LIMIT) fixedOffsets.clear();
    fixedOffsets.set(detached(zone), offset);
    return offset;
  };
  if (upper in ABBREVIATIONS) return fixed(ABBREVIATIONS[upper]);
  const m = /^(?:UTC|GMT)?\s?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(z);
  if (m) return fixed((m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)));
  if (!z.includes('/')) return fixed(undefined);
  // Two passes: the offset at the guessed instant, then at the corrected one (DST edges).
  const first = ianaOffset(z, localMinutes * 60000);
  if (first === undefined) return undefined;
  return ianaOffset(z, (localMinutes - first) * 60000) ?? first;
}

/**
 * Minutes east of UTC for a zone as written, at an instant (milliseconds since the epoch). Read at
 * the instant itself, not through its wall-clock time: a wall clock skips an hour when a zone
 * springs forward and repeats one when it falls back, so a round trip through it gives the offset
 * of the other side of a transition for the hour after it. A region written all year ("PT") follows
 * its daylight-saving rules. Undefined when the zone is unknown.
 */
export function zoneOffsetAtInstant(zone: string, utcMillis: number): number | undefined {
  const z = zone.trim().replace(/^\(|\)$/g, '');
  const upper = z.toUpperCase();
  if (Object.hasOwn(REGIONS, upper)) return ianaOffset(REGIONS[upper], utcMillis) ?? ABBREVIATIONS[upper];
  // Abbreviations, UTC offsets and unknown names: what they say at any instant.
  return z.includes('/') ? ianaOffset(z, utcMillis) : zoneOffset(zone);
}

export function isKnownZone(zone: string): boolean {
  return zoneOffset(zone) !== undefined;
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
