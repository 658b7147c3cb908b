// Postmortem: Open Follow-through Report: the report `postmortem-lint report` writes, in a webview,
// over the workspace's postmortems as the server reads them, drawn again (debounced, and only while
// visible) when the Action Items view learns of a change (edits, saves, files added or removed,
// tracker states). A click on a row opens
// the postmortem at the item. The page allows only its own styles and one script, by nonce.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { FollowThroughRequest, type FollowThroughResult } from '../../../server/src/trackerProtocol';
import { revealLine } from '../views/postmortemView';
import { webviewNonce } from '../webviewNonce';
import { RedrawSchedule } from './redrawSchedule';

export const OPEN_FOLLOW_THROUGH = 'postmortem.openFollowThroughReport';
const MARKDOWN = '**/*.{md,markdown,mdx,qmd}';
const SKIPPED = '{**/node_modules/**,**/.git/**,**/dist/**,**/out/**,**/.vscode-test/**}';
const MAX_FILES = 5000;
const REDRAW_MS = 500;

export class FollowThroughPanel implements vscode.Disposable {
  static current: FollowThroughPanel | undefined;
  private links: Record<string, string> = {};
  /** Debounced, only while visible, one drawing at a time (see redrawSchedule.ts). */
  private readonly schedule: RedrawSchedule;
  /** Cancelled when the panel closes. */
  private readonly closing = new vscode.CancellationTokenSource();
  private readonly disposables: vscode.Disposable[] = [];
  /** Resolves after each drawing (tests wait on it). */
  private readonly drawn = new vscode.EventEmitter<FollowThroughResult>();
  readonly onDidDraw = this.drawn.event;

  static async show(client: BaseLanguageClient, changes: vscode.Event<unknown>): Promise<FollowThroughPanel> {
    if (FollowThroughPanel.current) {
      FollowThroughPanel.current.panel.reveal();
      return FollowThroughPanel.current;
    }
    const panel = vscode.window.createWebviewPanel('postmortem.followThrough', vscode.l10n.t('Action item follow-through'), vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
    const shown = new FollowThroughPanel(panel, client, changes);
    FollowThroughPanel.current = shown;
    await shown.drawNow();
    return shown;
  }

  private constructor(readonly panel: vscode.WebviewPanel, private readonly client: BaseLanguageClient, changes: vscode.Event<unknown>) {
    this.schedule = new RedrawSchedule(() => this.draw(), () => panel.visible, REDRAW_MS);
    this.disposables.push(
      this.drawn,
      changes(() => this.schedule.changed()),
      panel.onDidChangeViewState(() => this.schedule.visibilityChanged()),
      panel.webview.onDidReceiveMessage((message: unknown) => void this.open(message)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Draws now, or once more after the drawing in progress; resolves when the panel shows a drawing that started after this call. */
  drawNow(): Promise<void> {
    return this.schedule.drawNow();
  }

  private async draw(): Promise<void> {
    const token = this.closing.token;
    if (!this.client.isRunning()) {
      this.panel.webview.html = `<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><p>${vscode.l10n.t('The Postmortem language server is not running.')}</p>`;
      return;
    }
    const files = await vscode.workspace.findFiles(MARKDOWN, SKIPPED, MAX_FILES, token);
    if (token.isCancellationRequested) return;
    const result = await this.client.sendRequest<FollowThroughResult | null>(FollowThroughRequest, {
      files: files.map((uri) => ({ uri: uri.toString(), label: vscode.workspace.asRelativePath(uri, true) })),
      nonce: webviewNonce(),
    }, token).catch((error: unknown) => {
      if (token.isCancellationRequested) return null;
      throw error;
    });
    if (!result || token.isCancellationRequested) return;
    this.links = result.links;
    this.panel.webview.html = result.html;
    this.drawn.fire(result);
  }

  private async open(message: unknown): Promise<void> {
    const m = message as { type?: unknown; file?: unknown; line?: unknown };
    if (m?.type !== 'open' || typeof m.file !== 'string' || !Object.hasOwn(this.links, m.file)) return;
    const line = typeof m.line === 'number' && Number.isInteger(m.line) && m.line > 0 ? m.line - 1 : 0;
    await revealLine(this.links[m.file], line);
  }

  dispose(): void {
    this.schedule.close();
    this.closing.cancel();
    this.closing.dispose();
    if (FollowThroughPanel.current === this) FollowThroughPanel.current = undefined;
    this.disposables.forEach((d) => d.dispose());
    this.disposables.length = 0;
  }
}
