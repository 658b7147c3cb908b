// The timeline preview inside the webview. It only draws what the extension sends; every piece of
// document text goes in through textContent, never as HTML.
import type { DocumentOutline } from '../../../../server/src/protocol';
import { layoutTimeline, placeLabels, type Row } from '../../../../server/src/render/timelineLayout';
import { format, WEBVIEW_STRINGS, type WebviewStrings } from './strings';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): { uri?: string; scroll?: number } | undefined;
  setState(state: { uri?: string; scroll?: number }): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('root') as HTMLElement;
let currentUri: string | undefined = vscode.getState()?.uri;
let entryButtons: HTMLButtonElement[] = [];
/** Replaced by the extension's translated table with the first update. */
let strings: WebviewStrings = WEBVIEW_STRINGS;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function header(outline: DocumentOutline, layout: ReturnType<typeof layoutTimeline>): HTMLElement {
  const head = el('header');
  const h1 = el('h1', undefined, layout.title);
  if (layout.severity) h1.append(' ', el('span', 'badge', layout.severity));
  const metrics = el('dl', 'metrics');
  for (const m of layout.metrics) {
    const item = el('div', 'metric');
    item.append(el('dt', undefined, m.label), el('dd', m.value === strings.layout.unknown ? 'unknown' : undefined, m.value));
    metrics.append(item);
  }
  head.append(h1, metrics, el('p', 'zone', format(strings.timesIn, layout.zone, outline.timeline.entries.length)));
  return head;
}

function strip(layout: ReturnType<typeof layoutTimeline>): HTMLElement {
  const box = el('div', 'strip');
  box.setAttribute('role', 'img');
  box.setAttribute('aria-label', layout.phases.map((p) => format(strings.phaseMinutes, p.label, p.minutes)).join('; ') || strings.noMilestones);
  const bar = el('div', 'bar');
  for (const p of layout.phases) {
    const seg = el('div', `phase ${p.key}`);
    seg.style.left = `${(p.from * 100).toFixed(2)}%`;
    seg.style.width = `${Math.max(0.5, (p.to - p.from) * 100).toFixed(2)}%`;
    seg.title = p.label;
    bar.append(seg);
  }
  const ticks = el('div', 'ticks');
  for (const t of layout.ticks) {
    // A mark on the strip at the milestone's moment, and its label (placed by placeTicks once it can be measured).
    const mark = el('span', 'tick-mark');
    mark.style.left = `${(t.at * 100).toFixed(2)}%`;
    bar.append(mark);
    const tick = el('span', 'tick', t.label);
    tick.dataset.at = String(t.at);
    ticks.append(tick);
  }
  box.append(bar, ticks);
  return box;
}

const LANE_PX = 16;

/** Places the milestone labels so none overlaps another (measured widths, the same rule as the SVG). */
function placeTicks(): void {
  const container = root.querySelector<HTMLElement>('.ticks');
  if (!container) return;
  const labels = [...container.querySelectorAll<HTMLElement>('.tick')];
  const total = container.clientWidth;
  const placed = placeLabels(labels.map((l) => ({ at: Number(l.dataset.at), width: l.offsetWidth })), total);
  labels.forEach((label, i) => {
    label.style.left = `${placed[i].left}px`;
    label.style.top = `${2 + placed[i].lane * LANE_PX}px`;
    label.dataset.lane = String(placed[i].lane);
  });
  const lanes = Math.max(1, ...placed.map((p) => p.lane + 1));
  container.style.height = `${lanes * LANE_PX + 6}px`;
}

function entryRow(row: Extract<Row, { kind: 'entry' }>): HTMLLIElement {
  const li = el('li', 'entry-row');
  const button = el('button', `entry${row.milestone ? ' milestone' : ''}${row.findings.length ? ' has-findings' : ''}`);
  button.type = 'button';
  button.dataset.line = String(row.line);
  button.append(el('span', 'time', row.time), el('span', 'elapsed', row.elapsed));
  const body = el('span', 'text');
  if (row.milestone) body.append(el('span', 'mark', row.milestone), ' ');
  body.append(row.text || strings.noText);
  button.append(body);
  for (const f of row.findings) button.append(el('span', 'finding', f));
  button.addEventListener('click', () => vscode.postMessage({ type: 'reveal', line: row.line }));
  li.append(button);
  return li;
}

function render(outline: DocumentOutline): void {
  const scroll = currentUri === outline.uri ? window.scrollY : 0;
  currentUri = outline.uri;
  const layout = layoutTimeline(outline, strings.layout);
  const list = el('ol', 'entries');
  list.setAttribute('aria-label', strings.entriesLabel);
  for (const row of layout.rows) {
    if (row.kind === 'gap') list.append(el('li', 'gap', row.label));
    else if (row.kind === 'day') list.append(el('li', 'day', row.date));
    else list.append(entryRow(row));
  }
  const notes = el('ul', 'notes');
  for (const n of layout.notes) notes.append(el('li', 'finding', n));
  const empty = layout.rows.length === 0 ? [el('p', 'empty', strings.empty)] : [];
  root.replaceChildren(header(outline, layout), strip(layout), notes, list, ...empty);
  entryButtons = [...root.querySelectorAll<HTMLButtonElement>('button.entry')];
  placeTicks();
  window.scrollTo(0, scroll);
  vscode.setState({ uri: currentUri, scroll });
  vscode.postMessage({ type: 'rendered', uri: outline.uri, entries: entryButtons.length });
}

function highlight(line: number): void {
  let best: HTMLButtonElement | undefined;
  for (const b of entryButtons) if (Number(b.dataset.line) <= line) best = b;
  for (const b of entryButtons) b.classList.toggle('current', b === best);
  best?.scrollIntoView({ block: 'nearest' });
  vscode.postMessage({ type: 'highlighted', line: best ? Number(best.dataset.line) : null });
}

// Arrow keys move between entries; Enter and Space reveal (buttons do that already).
root.addEventListener('keydown', (event) => {
  const index = entryButtons.indexOf(document.activeElement as HTMLButtonElement);
  if (index === -1 || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return;
  event.preventDefault();
  entryButtons[Math.max(0, Math.min(entryButtons.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
});

window.addEventListener('resize', placeTicks);
window.addEventListener('scroll', () => vscode.setState({ uri: currentUri, scroll: window.scrollY }), { passive: true });
window.addEventListener('message', (event: MessageEvent) => {
  const message = event.data as { type: string; outline?: DocumentOutline; line?: number; strings?: WebviewStrings };
  if (message.strings) strings = message.strings;
  if (message.type === 'update' && message.outline) render(message.outline);
  else if (message.type === 'highlight' && typeof message.line === 'number') highlight(message.line);
});
vscode.postMessage({ type: 'ready' });
