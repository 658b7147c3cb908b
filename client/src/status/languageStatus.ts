// The language status item (the `{}` in the status bar of a Markdown editor): for a postmortem, its
// findings, time to detect and resolve, and a link to the preview; otherwise why it is not checked.
import * as vscode from 'vscode';
import type { DocumentOutline } from '../../../server/src/protocol';

export function minutesText(minutes: number | null): string | undefined {
  if (minutes === null || !Number.isFinite(minutes)) return undefined;
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  return h ? `${h}h${m ? String(m).padStart(2, '0') + 'm' : ''}` : `${m}m`;
}

export function findingsText(count: number): string {
  return count === 0 ? vscode.l10n.t('No findings') : count === 1 ? vscode.l10n.t('1 finding') : vscode.l10n.t('{0} findings', count);
}

export class PostmortemStatus implements vscode.Disposable {
  readonly item = vscode.languages.createLanguageStatusItem('postmortem.status', { language: 'markdown' });
  private outline: DocumentOutline | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly running: () => boolean) {
    this.item.name = vscode.l10n.t('Postmortem');
    this.disposables.push(vscode.languages.onDidChangeDiagnostics((e) => {
      if (this.outline && e.uris.some((u) => u.toString() === this.outline!.uri)) this.render();
    }));
    this.render();
  }

  /** Called with the active document's outline whenever the Postmortem view refreshed. */
  update(outline: DocumentOutline | undefined): void {
    this.outline = outline;
    this.render();
  }

  render(): void {
    const item = this.item;
    item.severity = vscode.LanguageStatusSeverity.Information;
    item.busy = false;
    if (!this.running()) {
      item.text = vscode.l10n.t('Postmortem: off');
      item.detail = vscode.l10n.t('The language server is not running');
      item.command = { title: vscode.l10n.t('Restart Server'), command: 'postmortem.restartServer' };
      return;
    }
    const outline = this.outline;
    if (!outline?.isPostmortem) {
      item.text = vscode.l10n.t('Not a postmortem');
      item.detail = vscode.l10n.t('Matches no postmortem.files glob, no type: postmortem');
      item.command = { title: vscode.l10n.t('Settings'), command: 'workbench.action.openSettings', arguments: ['postmortem.files'] };
      return;
    }
    const findings = vscode.languages.getDiagnostics(vscode.Uri.parse(outline.uri)).filter((d) => d.source === 'postmortem');
    item.text = `$(checklist) ${findingsText(findings.length)}`;
    if (findings.some((d) => d.severity === vscode.DiagnosticSeverity.Error)) item.severity = vscode.LanguageStatusSeverity.Error;
    else if (findings.some((d) => d.severity === vscode.DiagnosticSeverity.Warning)) item.severity = vscode.LanguageStatusSeverity.Warning;
    const { timeToDetectMinutes, timeToResolveMinutes } = outline.timeline.metrics;
    const times = [
      minutesText(timeToDetectMinutes) && vscode.l10n.t('detected after {0}', minutesText(timeToDetectMinutes)!),
      minutesText(timeToResolveMinutes) && vscode.l10n.t('resolved after {0}', minutesText(timeToResolveMinutes)!),
    ].filter(Boolean);
    item.detail = times.length ? times.join(' · ') : vscode.l10n.t('No detection or resolution time in the timeline');
    item.command = { title: vscode.l10n.t('Timeline Preview'), command: 'postmortem.openTimelinePreview' };
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
    this.item.dispose();
  }
}
