// The Action Items view: every action item of every postmortem in the workspace, grouped by state
// (overdue, due within 7 days, open without a due date, without an owner, done) or by owner.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { ActionItemsChangedNotification, ActionItemsRequest, type ActionItemsResult, type IndexedActionItem } from '../../../server/src/protocol';
import { TrackerStatesRequest, type ItemTrackerState, type TrackerStatesResult } from '../../../server/src/trackerProtocol';
import { addDays, localToday } from '../../../server/src/model/calendar';
import { actionWithoutAnnotations } from '../actionText';
import { REVEAL_LINE } from './postmortemView';

type Group = { label: string; items: IndexedActionItem[]; icon: string };

export function stateGroups(items: IndexedActionItem[], today: string): Group[] {
  const soon = addDays(today, 7);
  const open = items.filter((i) => i.status === 'open');
  return [
    { label: vscode.l10n.t('Overdue'), icon: 'error', items: open.filter((i) => i.overdue) },
    { label: vscode.l10n.t('Due within 7 days'), icon: 'watch', items: open.filter((i) => !i.overdue && i.due && i.due <= soon) },
    { label: vscode.l10n.t('Open, no due date'), icon: 'calendar', items: open.filter((i) => !i.due) },
    { label: vscode.l10n.t('Without an owner'), icon: 'person', items: open.filter((i) => !i.owner) },
    { label: vscode.l10n.t('Open'), icon: 'circle-outline', items: open.filter((i) => i.due && i.due > soon && i.owner) },
    { label: vscode.l10n.t('Done'), icon: 'check', items: items.filter((i) => i.status === 'done') },
  ];
}

export function ownerGroups(items: IndexedActionItem[]): Group[] {
  const owners = new Map<string, IndexedActionItem[]>();
  for (const item of items) owners.set(item.owner ?? '(no owner)', [...(owners.get(item.owner ?? '(no owner)') ?? []), item]);
  return [...owners.entries()].sort(([a], [b]) => (a === '(no owner)' ? 1 : b === '(no owner)' ? -1 : a.localeCompare(b))).map(([label, list]) => ({ label, icon: 'person', items: list }));
}

const keyOf = (item: { uri: string; line: number }) => `${item.line}:${item.uri}`;

/** The icon, description and tooltip line of an item's tracker state; undefined when nobody read it. */
export function trackerPresentation(state: ItemTrackerState | undefined): { icon?: string; description: string; tooltip: string } | undefined {
  if (!state) return undefined;
  if (state.drift === 'done-here-open-in-tracker') return { icon: 'issue-reopened', description: vscode.l10n.t('drift: still open in the tracker'), tooltip: vscode.l10n.t('Marked done here, but its issue is still open in the tracker.') };
  if (state.drift === 'closed-in-tracker-open-here') return { icon: 'issue-closed', description: vscode.l10n.t('drift: closed in the tracker'), tooltip: vscode.l10n.t('Its issue was closed in the tracker, but the item is still open here.') };
  if (state.trackerState === null) return { description: vscode.l10n.t('tracker unknown'), tooltip: vscode.l10n.t('Tracker state unknown: {0}', state.trackerError ?? '') };
  return { description: state.trackerState === 'open' ? vscode.l10n.t('issue open') : vscode.l10n.t('issue closed'), tooltip: state.trackerState === 'open' ? vscode.l10n.t('Its issue is open in the tracker.') : vscode.l10n.t('Its issue is closed in the tracker.') };
}

export class ActionItemsView implements vscode.TreeDataProvider<Group | IndexedActionItem>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private result: ActionItemsResult = { items: [], indexing: true };
  private byOwner = false;
  private driftedOnly = false;
  private trackers = new Map<string, ItemTrackerState>();
  view: vscode.TreeView<Group | IndexedActionItem> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient, private readonly today: () => string = () => localToday(new Date())) {
    this.disposables.push(client.onNotification(ActionItemsChangedNotification, () => void this.refresh()));
  }

  attach(view: vscode.TreeView<Group | IndexedActionItem>): void {
    this.view = view;
    void this.refresh();
  }

  setGrouping(byOwner: boolean): void {
    this.byOwner = byOwner;
    void vscode.commands.executeCommand('setContext', 'postmortem.actionItemsByOwner', byOwner);
    this.changed.fire();
  }

  /** The "drifted" filter: only items whose document and tracker disagree. */
  setDriftedOnly(on: boolean): void {
    this.driftedOnly = on;
    void vscode.commands.executeCommand('setContext', 'postmortem.actionItemsDriftedOnly', on);
    this.showMessage();
    this.changed.fire();
  }

  trackerState(item: { uri: string; line: number }): ItemTrackerState | undefined {
    return this.trackers.get(keyOf(item));
  }

  private visibleItems(): IndexedActionItem[] {
    return this.driftedOnly ? this.result.items.filter((i) => this.trackerState(i)?.drift) : this.result.items;
  }

  private showMessage(): void {
    if (!this.view) return;
    this.view.message = this.result.indexing ? vscode.l10n.t('Indexing the workspace…')
      : this.result.items.length === 0 ? vscode.l10n.t('No action items in this workspace\'s postmortems.')
      : this.driftedOnly && this.visibleItems().length === 0 ? vscode.l10n.t('No drifted action items: every linked issue agrees with its postmortem (or trackers are not checked: postmortem.trackers.enabled).')
      : undefined;
  }

  async refresh(): Promise<ActionItemsResult> {
    if (!this.client.isRunning()) {
      // Turned off (postmortem.enable) or not started yet: say so rather than fail a request.
      if (this.view) this.view.message = vscode.l10n.t('The Postmortem language server is not running.');
      return this.result;
    }
    this.result = await this.client.sendRequest<ActionItemsResult>(ActionItemsRequest);
    // An older server without tracker checks answers with an error: the view simply shows no states.
    const states = await this.client.sendRequest<TrackerStatesResult>(TrackerStatesRequest).catch(() => undefined);
    this.trackers = new Map((states?.items ?? []).map((s) => [keyOf(s), s]));
    const overdue = this.result.items.filter((i) => i.overdue).length;
    if (this.view) this.view.badge = overdue ? { value: overdue, tooltip: `${overdue} overdue action item${overdue === 1 ? '' : 's'}` } : undefined;
    this.showMessage();
    this.changed.fire();
    return this.result;
  }

  get items(): IndexedActionItem[] {
    return this.result.items;
  }

  groups(): Group[] {
    const items = this.visibleItems();
    return (this.byOwner ? ownerGroups(items) : stateGroups(items, this.today())).filter((g) => g.items.length > 0);
  }

  getChildren(node?: Group | IndexedActionItem): Array<Group | IndexedActionItem> {
    if (!node) return this.groups();
    return 'items' in node ? node.items : [];
  }

  getTreeItem(node: Group | IndexedActionItem): vscode.TreeItem {
    if ('items' in node) {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(node.items.length);
      item.iconPath = new vscode.ThemeIcon(node.icon);
      return item;
    }
    // Owner and due date have their own columns: keep the label to the action itself.
    const label = actionWithoutAnnotations(node.text);
    const item = new vscode.TreeItem(label || node.text || '(empty)');
    const file = vscode.workspace.asRelativePath(vscode.Uri.parse(node.uri));
    const tracker = trackerPresentation(this.trackerState(node));
    item.description = [this.byOwner ? undefined : node.owner ?? 'no owner', node.due ?? 'no due date', tracker?.description, file].filter(Boolean).join(' · ');
    const tooltip = new vscode.MarkdownString(undefined, false);
    tooltip.appendMarkdown('**').appendText(node.text).appendMarkdown('**\n\n').appendText(`Owner: ${node.owner ?? '—'} · Due: ${node.due ?? '—'} · ${node.status}${node.overdue ? ' (overdue)' : ''}${node.tracker ? ` · ${node.tracker}` : ''}`);
    if (tracker) tooltip.appendMarkdown('\n\n').appendText(tracker.tooltip);
    item.tooltip = tooltip.appendMarkdown('\n\n').appendText(`${file}:${node.line + 1}`);
    item.iconPath = tracker?.icon ? new vscode.ThemeIcon(tracker.icon, new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon(node.status === 'done' ? 'check' : node.overdue ? 'warning' : 'circle-outline');
    if (tracker?.icon) item.contextValue = 'drifted';
    item.command = { title: vscode.l10n.t('Open'), command: REVEAL_LINE, arguments: [node.uri, node.line] };
    return item;
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
    this.changed.dispose();
  }
}
