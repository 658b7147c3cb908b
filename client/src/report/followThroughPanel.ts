// Postmortem: Open Follow-through Report: the report `postmortem-lint report` writes, in a webview,
// over the workspace's postmortems as the server reads them, drawn again (debounced, and only while
// visible) when the Action Items view learns of a change (edits, saves, files added or removed,
// tracker states). A click on a row opens
// the postmortem at the item. The page allows only its own styles and one script, by nonce.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { FollowThroughRequest, type FollowThroughResult } from '../../../server/src/trackerProtocol';
import { revealLine } from '../views/postmortemView';

export const OPEN_FOLLOW_THROUGH = 'postmortem.openFollowThroughReport';
const MARKDOWN = '**/*.{md,markdown,mdx,qmd}';
const SKIPPED = '{**/node_modules/**,**/.git/**,**/dist/**,**/out/**,**/.vscode-test/**}';
const MAX_FILES = 5000;
const REDRAW_MS = 500;

function nonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export class FollowThroughPanel implements vscode.Disposable {
  static current: FollowThroughPanel | undefined;
  private links: Record<string, string> = {};
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by each drawing: an older drawing that finishes later is dropped, never drawn over a newer one. */
  private generation = 0;
  private pending: vscode.CancellationTokenSource | undefined;
  /** A change arrived while the panel was hidden: draw when it is shown again. */
  private missed = false;
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
    await shown.draw();
    return shown;
  }

  private constructor(readonly panel: vscode.WebviewPanel, private readonly client: BaseLanguageClient, changes: vscode.Event<unknown>) {
    this.disposables.push(
      this.drawn,
      changes(() => this.drawSoon()),
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.missed) this.drawSoon();
      }),
      panel.webview.onDidReceiveMessage((message: unknown) => void this.open(message)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Debounced; nothing while hidden (the report is drawn again when the panel is shown). */
  private drawSoon(): void {
    clearTimeout(this.timer);
    if (!this.panel.visible) {
      this.missed = true;
      return;
    }
    this.missed = false;
    this.timer = setTimeout(() => void this.draw().catch(() => undefined), REDRAW_MS);
  }

  async draw(): Promise<void> {
    const generation = ++this.generation;
    this.pending?.cancel();
    this.pending?.dispose();
    const pending = (this.pending = new vscode.CancellationTokenSource());
    if (!this.client.isRunning()) {
      this.panel.webview.html = `<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><p>${vscode.l10n.t('The Postmortem language server is not running.')}</p>`;
      return;
    }
    const files = await vscode.workspace.findFiles(MARKDOWN, SKIPPED, MAX_FILES);
    if (generation !== this.generation) return;
    const result = await this.client.sendRequest<FollowThroughResult | null>(FollowThroughRequest, {
      files: files.map((uri) => ({ uri: uri.toString(), label: vscode.workspace.asRelativePath(uri, true) })),
      nonce: nonce(),
    }, pending.token).catch((error: unknown) => {
      if (pending.token.isCancellationRequested) return null;
      throw error;
    });
    if (!result || generation !== this.generation) return;
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
    clearTimeout(this.timer);
    this.pending?.cancel();
    this.pending?.dispose();
    if (FollowThroughPanel.current === this) FollowThroughPanel.current = undefined;
    this.disposables.forEach((d) => d.dispose());
    this.disposables.length = 0;
  }
}
