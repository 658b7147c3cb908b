// The "Postmortem" view in the Explorer: the active document's sections (present or missing),
// timeline entries and action items. A click reveals the line.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { OutlineRequest, type DocumentOutline } from '../../../server/src/protocol';

type Node = { kind: 'group'; label: string; children: vscode.TreeItem[] };

export const REVEAL_LINE = 'postmortem.revealLine';

function reveal(uri: string, line: number): vscode.Command {
  return { title: vscode.l10n.t('Reveal'), command: REVEAL_LINE, arguments: [uri, line] };
}

export function outlineItems(o: DocumentOutline): Node[] {
  const sections = o.sections.map((s) => {
    const item = new vscode.TreeItem(s.title);
    item.description = s.present ? '' : 'missing';
    item.iconPath = new vscode.ThemeIcon(s.present ? 'pass' : 'circle-large-outline');
    if (s.line !== undefined) item.command = reveal(o.uri, s.line);
    item.contextValue = s.present ? 'section' : 'missingSection';
    return item;
  });
  const entries = o.timeline.entries.map((e) => {
    const item = new vscode.TreeItem(`${e.timeText ?? '(no time)'}  ${e.text}`);
    item.description = [e.elapsed, e.milestone].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(e.milestone ? 'milestone' : 'circle-small');
    item.command = reveal(o.uri, e.line);
    return item;
  });
  const actions = o.actionItems.map((a) => {
    const item = new vscode.TreeItem(a.text || '(empty)');
    const state = a.status === 'done' ? 'done' : a.overdue ? 'overdue' : 'open';
    item.description = [a.owner ?? 'no owner', a.due ?? 'no due date', state].join(' · ');
    item.iconPath = new vscode.ThemeIcon(a.status === 'done' ? 'check' : a.overdue || !a.owner || !a.due ? 'warning' : 'circle-outline');
    item.command = reveal(o.uri, a.line);
    return item;
  });
  const present = o.sections.filter((s) => s.present).length;
  return [
    { kind: 'group', label: `Sections (${present}/${o.sections.length})`, children: sections },
    { kind: 'group', label: `Timeline (${entries.length})`, children: entries },
    { kind: 'group', label: `Action items (${actions.length})`, children: actions },
  ];
}

export class PostmortemView implements vscode.TreeDataProvider<Node | vscode.TreeItem>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly refreshed = new vscode.EventEmitter<DocumentOutline | undefined>();
  /** The active document's outline after each refresh (the language status item follows it). */
  readonly onDidRefresh = this.refreshed.event;
  private groups: Node[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.schedule(400);
      }),
    );
  }

  /** The first refresh, once the language client is running (a request before that would fail). */
  start(): void {
    this.schedule(0);
  }

  /** Refreshes soon (the server restarted, or was turned on or off). */
  refreshSoon(): void {
    this.schedule(0);
  }

  /** Refreshes from the server; resolves when the view holds the active document's outline. */
  async refresh(): Promise<DocumentOutline | undefined> {
    const editor = vscode.window.activeTextEditor;
    let outline: DocumentOutline | undefined;
    if (editor?.document.languageId === 'markdown' && this.client.isRunning()) {
      outline = await this.client.sendRequest<DocumentOutline>(OutlineRequest, { uri: editor.document.uri.toString() });
    }
    this.groups = outline?.isPostmortem ? outlineItems(outline) : [];
    void vscode.commands.executeCommand('setContext', 'postmortem.isPostmortem', !!outline?.isPostmortem);
    this.changed.fire();
    this.refreshed.fire(outline);
    return outline;
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh().catch(() => undefined), delay);
  }

  getTreeItem(node: Node | vscode.TreeItem): vscode.TreeItem {
    if (node instanceof vscode.TreeItem) return node;
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
    item.contextValue = 'group';
    return item;
  }

  getChildren(node?: Node | vscode.TreeItem): Array<Node | vscode.TreeItem> {
    if (!node) return this.groups;
    return node instanceof vscode.TreeItem ? [] : node.children;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.disposables.forEach((d) => d.dispose());
    this.changed.dispose();
    this.refreshed.dispose();
  }
}

export async function revealLine(uri: string, line: number): Promise<void> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const editor = await vscode.window.showTextDocument(document);
  const position = new vscode.Position(line, 0);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
}
