// Day figures are put in words by one formatter, English by default and translated in the preview;
// the code lens phrases around what a figure says ("after 2 days", "same day"), not around its words.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/engine/analyze';
import { codeLenses } from '../../server/src/features/codeLens';
import { outline } from '../../server/src/features/outline';
import { formatFigure, readFigure, type FigureWords, type MetricName } from '../../server/src/model/metrics';
import { LAYOUT_STRINGS, layoutTimeline } from '../../server/src/render/timelineLayout';
import { configFor, DEFAULT_SETTINGS } from '../../server/src/settings';

const NOW = new Date('2026-06-01T12:00:00Z');
/** Detected the same day (by date), mitigated a day later (by date), resolved three days later, all to the day. */
const BY_DAY = `---
timezone: UTC
---
# Stale catalogue pages

## Timeline

- 2026-05-04 - Catalogue pages began to show yesterday's prices.
- 2026-05-04 - Detected: a merchant reported the old prices to support.
- 2026-05-05 - Mitigated: the cache was purged by hand.
- 2026-05-07 - Resolved: the cache job now purges on every price import.
`;
const WORDS: FigureWords = { unknown: 'unbekannt', sameDay: 'am selben Tag', oneDay: 'ein Tag', days: '{0} Tage' };
const NAMES: MetricName[] = ['timeToDetectMinutes', 'timeToMitigateMinutes', 'timeToResolveMinutes'];

describe('figure words', () => {
  const figures = { timeToDetectMinutes: 0, timeToMitigateMinutes: 1440, timeToResolveMinutes: 3 * 1440, impactMinutes: null, countedInDays: NAMES };

  it('one formatter writes day figures in English by default and in the table it is given', () => {
    assert.deepEqual(NAMES.map((n) => formatFigure(figures, n)), ['same day', '1 day', '3 days']);
    assert.deepEqual([...NAMES, 'impactMinutes' as const].map((n) => formatFigure(figures, n, WORDS)), ['am selben Tag', 'ein Tag', '3 Tage', 'unbekannt']);
    assert.equal(formatFigure({ timeToDetectMinutes: 105 }, 'timeToDetectMinutes', WORDS), '1h45m', 'minutes are not words');
  });

  it('the preview layout writes its figures with its own (translated) table', () => {
    const analysis = analyze(BY_DAY, { now: NOW });
    const strings = { ...LAYOUT_STRINGS, ...WORDS };
    const layout = layoutTimeline(outline('untitled:pm.md', analysis, [], NOW), strings);
    assert.deepEqual(layout.metrics.map((m) => m.value), ['am selben Tag', 'ein Tag', '3 Tage', 'ein Tag']);
  });

  it('says what a figure means apart from its words', () => {
    assert.deepEqual(NAMES.map((n) => readFigure(figures, n)), [{ kind: 'days', days: 0 }, { kind: 'days', days: 1 }, { kind: 'days', days: 3 }]);
    assert.deepEqual(readFigure(figures, 'impactMinutes'), { kind: 'unknown' });
    assert.deepEqual(readFigure({ timeToDetectMinutes: 9 }, 'timeToDetectMinutes'), { kind: 'minutes', minutes: 9 });
  });

  it('the code lens puts "after" before a span and not before "same day" or "unknown"', () => {
    const config = configFor(DEFAULT_SETTINGS);
    const lensTitle = (text: string) => {
      const analysis = analyze(text, { config: config.config, now: NOW });
      const document = TextDocument.create('untitled:pm.md', 'markdown', 1, text);
      return codeLenses(document, { version: 1, analysis, config }, NOW)[0].command?.title;
    };
    assert.equal(lensTitle(BY_DAY), 'detected same day · mitigated after 1 day · resolved after 3 days');
    assert.equal(lensTitle(BY_DAY.replace(/- 2026-05-07 - Resolved.*\n/, '')), 'detected same day · mitigated after 1 day · resolved unknown');
  });
});
