// The timeline preview's words are localisable: the webview shows only what the table gives it, and
// the extension's translated table (vscode.l10n, with a stand-in that returns the English template)
// has every key and the same English as the webview's and the SVG export's defaults.
import assert from 'node:assert/strict';
import Module from 'node:module';
import { analyze } from '../../server/src/engine/analyze';
import { outline } from '../../server/src/features/outline';
import { LAYOUT_STRINGS, layoutTimeline, type LayoutStrings } from '../../server/src/render/timelineLayout';
import { timelineSvg } from '../../server/src/render/timelineSvg';
import { WEBVIEW_STRINGS, type WebviewStrings } from '../../client/src/preview/webview/strings';

/** vscode.l10n.t as it behaves with no translation: the template, {n} filled from the arguments. */
function withVscodeStub<T>(run: () => T): T {
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  const t = (message: string, ...args: string[]) => message.replace(/\{(\d+)\}/g, (m, i: string) => args[Number(i)] ?? m);
  loader._load = (request: string, ...rest: unknown[]) => (request === 'vscode' ? { l10n: { t } } : original(request, ...rest));
  try {
    return run();
  } finally {
    loader._load = original;
  }
}

const TEXT = '---\ndate: 2026-04-06\ntimezone: UTC\n---\n# Stale results\n\n## Timeline\n\n- 2026-04-06 - Stale results started for customers.\n- 2026-04-08 09:00 - Support noticed the stale results and alerted the team.\n- 2026-04-08 11:00 - Incident resolved.\n';

describe('timeline preview strings', () => {
  it('the extension\'s translated table has every key, with the same English as the defaults', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the vscode stand-in is in place
    const table = withVscodeStub(() => (require('../../client/src/preview/webviewStrings') as { webviewStrings: () => WebviewStrings }).webviewStrings());
    assert.deepEqual(table, WEBVIEW_STRINGS);
  });

  it('the layout and the SVG show only the words of the table they are given', () => {
    const pseudo = Object.fromEntries(Object.entries(LAYOUT_STRINGS).map(([k, v]) => [k, `«${v.toUpperCase()}»`])) as LayoutStrings;
    const o = outline('untitled:pm.md', analyze(TEXT, { now: new Date('2026-05-01T00:00:00Z') }), [], new Date('2026-05-01T00:00:00Z'));
    const layout = layoutTimeline(o, pseudo);
    assert.deepEqual(layout.metrics.map((m) => m.label), [pseudo.timeToDetect, pseudo.timeToMitigate, pseudo.timeToResolve, pseudo.impact]);
    assert.ok(layout.rows.some((r) => r.kind === 'entry' && r.time === pseudo.thatDay));
    const svg = timelineSvg(o, pseudo);
    for (const english of ['Time to detect', 'Time to resolve', 'unknown', 'that day']) assert.ok(!svg.includes(english), english);
    assert.ok(svg.includes('«TIME TO DETECT»'));
  });
});
