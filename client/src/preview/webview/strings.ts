// The words the timeline webview shows. The webview cannot call vscode.l10n, so the extension sends
// the table, translated, with every update (preview/webviewStrings.ts); `{0}`, `{1}` are the values.
import { LAYOUT_STRINGS, type LayoutStrings } from '../../../../server/src/render/timelineLayout';

export interface WebviewStrings {
  layout: LayoutStrings;
  timesIn: string;
  entriesLabel: string;
  noMilestones: string;
  phaseMinutes: string;
  empty: string;
  noText: string;
}

/** English, until the first update brings the translated table (a unit test keeps the two equal). */
export const WEBVIEW_STRINGS: WebviewStrings = {
  layout: LAYOUT_STRINGS,
  timesIn: 'Times in {0} · {1} entries',
  entriesLabel: 'Timeline entries',
  noMilestones: 'No milestones to draw',
  phaseMinutes: '{0}: {1} minutes',
  empty: 'No timeline entries yet. Add a Timeline section with timestamped entries.',
  noText: '(no text)',
};

export function format(template: string, ...values: Array<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (match, i: string) => (values[Number(i)] === undefined ? match : String(values[Number(i)])));
}
