// The timeline webview's words, translated here (vscode.l10n reads l10n/bundle.l10n.*.json) and sent
// to the webview with each update. Placeholders are passed through as '{0}'/'{1}' so the webview
// fills them in; the English text matches the SVG export's defaults (LAYOUT_STRINGS).
import * as vscode from 'vscode';
import type { WebviewStrings } from './webview/strings';

export function webviewStrings(): WebviewStrings {
  return {
    layout: {
      timeToDetect: vscode.l10n.t('Time to detect'),
      timeToMitigate: vscode.l10n.t('Time to mitigate'),
      timeToResolve: vscode.l10n.t('Time to resolve'),
      impact: vscode.l10n.t('Impact'),
      unknown: vscode.l10n.t('unknown'),
      sameDay: vscode.l10n.t('same day'),
      oneDay: vscode.l10n.t('1 day'),
      days: vscode.l10n.t('{0} days', '{0}'),
      noTime: vscode.l10n.t('no time'),
      thatDay: vscode.l10n.t('that day'),
      withNoEntry: vscode.l10n.t('{0} with no entry', '{0}'),
      untitled: vscode.l10n.t('Postmortem'),
      zoneNotStated: vscode.l10n.t('timezone not stated'),
      toDetect: vscode.l10n.t('impact → detected'),
      toMitigate: vscode.l10n.t('detected → mitigated'),
      toResolve: vscode.l10n.t('mitigated → resolved'),
    },
    timesIn: vscode.l10n.t('Times in {0} · {1} entries', '{0}', '{1}'),
    entriesLabel: vscode.l10n.t('Timeline entries'),
    noMilestones: vscode.l10n.t('No milestones to draw'),
    phaseMinutes: vscode.l10n.t('{0}: {1} minutes', '{0}', '{1}'),
    empty: vscode.l10n.t('No timeline entries yet. Add a Timeline section with timestamped entries.'),
    noText: vscode.l10n.t('(no text)'),
  };
}
