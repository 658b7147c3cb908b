// The timeline preview panel: follows the active postmortem and its edits, reveals lines on click,
// highlights the entry under the cursor, and comes back after a reload (a serializer).
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { OutlineRequest, type DocumentOutline } from '../../../server/src/protocol';
import { markdownEditor } from '../commands/applyInsertion';
import { webviewNonce } from '../webviewNonce';
import { webviewStrings } from './webviewStrings';

export const VIEW_TYPE = 'postmortem.timeline';
const UPDATE_DELAY_MS = 250;

export class TimelinePreview implements vscode.Disposable {
  private static current: TimelinePreview | undefined;
  private uri: vscode.Uri;
  private timer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** The last render the webview reported: what the end-to-end tests wait on. */
  lastRendered: { uri: string; entries: number; count: number } = { uri: '', entries: 0, count: 0 };
  /** The line of the entry the webview last highlighted for the cursor. */
  lastHighlighted: number | null = null;
  private readonly renderedEmitter = new vscode.EventEmitter<void>();
  readonly onDidRender = this.renderedEmitter.event;

  static show(context: vscode.ExtensionContext, client: LanguageClient, uri: vscode.Uri): TimelinePreview {
    if (TimelinePreview.current) {
      TimelinePreview.current.follow(uri);
      TimelinePreview.current.panel.reveal(vscode.ViewColumn.Beside, true);
      return TimelinePreview.current;
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, vscode.l10n.t('Timeline'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, TimelinePreview.options(context));
    return (TimelinePreview.current = new TimelinePreview(panel, context, client, uri));
  }

  static revive(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, client: LanguageClient, uri: vscode.Uri): TimelinePreview {
    panel.webview.options = TimelinePreview.options(context);
    TimelinePreview.current?.dispose();
    return (TimelinePreview.current = new TimelinePreview(panel, context, client, uri));
  }

  static get active(): TimelinePreview | undefined {
    return TimelinePreview.current;
  }

  private static options(context: vscode.ExtensionContext): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    // Only the extension's own bundle may load; nothing from the workspace, nothing remote.
    return { enableScripts: true, retainContextWhenHidden: false, localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist')] };
  }

  private constructor(readonly panel: vscode.WebviewPanel, private readonly context: vscode.ExtensionContext, private readonly client: LanguageClient, uri: vscode.Uri) {
    this.uri = uri;
    panel.webview.html = this.html();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: { type: string; line?: number | null; uri?: string; entries?: number }) => this.onMessage(m)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === this.uri.toString()) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor?.document.languageId === 'markdown' && editor.document.uri.toString() !== this.uri.toString()) this.follow(editor.document.uri, true);
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document.uri.toString() === this.uri.toString()) void panel.webview.postMessage({ type: 'highlight', line: e.selections[0].active.line });
      }),
    );
  }

  /** Shows another document; when `onlyPostmortems`, stays on the current one unless the new one is a postmortem. */
  async follow(uri: vscode.Uri, onlyPostmortems = false): Promise<void> {
    if (onlyPostmortems) {
      const outline = await this.outline(uri);
      if (!outline?.isPostmortem) return;
    }
    this.uri = uri;
    await this.update();
  }

  private async outline(uri: vscode.Uri): Promise<DocumentOutline | undefined> {
    try {
      return await this.client.sendRequest<DocumentOutline>(OutlineRequest, { uri: uri.toString() });
    } catch {
      return undefined;
    }
  }

  async update(): Promise<void> {
    const outline = await this.outline(this.uri);
    if (!outline) return;
    this.panel.title = vscode.l10n.t('Timeline: {0}', outline.title ?? vscode.workspace.asRelativePath(this.uri));
    await this.panel.webview.postMessage({ type: 'update', outline, strings: webviewStrings() });
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), UPDATE_DELAY_MS);
  }

  private async onMessage(message: { type: string; line?: number | null; uri?: string; entries?: number }): Promise<void> {
    if (message.type === 'ready') await this.update();
    else if (message.type === 'highlighted') {
      this.lastHighlighted = message.line ?? null;
      this.renderedEmitter.fire();
    }
    else if (message.type === 'rendered') {
      this.lastRendered = { uri: message.uri ?? '', entries: message.entries ?? 0, count: this.lastRendered.count + 1 };
      this.renderedEmitter.fire();
    } else if (message.type === 'reveal' && typeof message.line === 'number') {
      const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri.toString());
      const editor = await vscode.window.showTextDocument(visible?.document ?? (await vscode.workspace.openTextDocument(this.uri)), visible?.viewColumn ?? vscode.ViewColumn.One);
      const position = new vscode.Position(message.line, 0);
      editor.selection = new vscode.Selection(position, position);
      editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
  }

  private html(): string {
    const webview = this.panel.webview;
    const nonce = webviewNonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview.css'));
    const csp = `default-src 'none'; script-src 'nonce-${nonce}'; style-src ${webview.cspSource}; img-src ${webview.cspSource}; font-src ${webview.cspSource}`;
    return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>${vscode.l10n.t('Timeline')}</title>
</head>
<body>
<main id="root" aria-live="polite"><p>${vscode.l10n.t('Loading the timeline…')}</p></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
  }

  dispose(): void {
    if (TimelinePreview.current === this) TimelinePreview.current = undefined;
    clearTimeout(this.timer);
    this.disposables.forEach((d) => d.dispose());
    this.renderedEmitter.dispose();
    this.panel.dispose();
  }
}

export function registerTimelinePreview(context: vscode.ExtensionContext, client: LanguageClient): vscode.Disposable[] {
  return [
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      async deserializeWebviewPanel(panel, state: { uri?: string } | undefined) {
        const uri = state?.uri ? vscode.Uri.parse(state.uri) : vscode.window.activeTextEditor?.document.uri;
        if (!uri) return panel.dispose();
        TimelinePreview.revive(panel, context, client, uri);
      },
    }),
    vscode.commands.registerCommand('postmortem.openTimelinePreview', (uri?: vscode.Uri) => {
      const target = uri instanceof vscode.Uri ? uri : markdownEditor()?.document.uri;
      if (!target) return void vscode.window.showInformationMessage(vscode.l10n.t('Open a postmortem first.'));
      return TimelinePreview.show(context, client, target);
    }),
  ];
}
