// Where and how to insert a timeline entry or an action item, in the format the document already uses.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CachedAnalysis } from '../documents';
import { zoneOffsetAt } from '../model/calendar';
import type { Insertion } from '../protocol';
import { insertionPoint } from '../rules/requiredSections';

function insertion(document: TextDocument, offset: number, newText: string, cursorInText: number): Insertion {
  const after = TextDocument.create('x:after', 'markdown', 0, document.getText().slice(0, offset) + newText);
  return { edit: { range: { start: document.positionAt(offset), end: document.positionAt(offset) }, newText }, cursor: after.positionAt(offset + cursorInText), version: document.version };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The wall-clock time of `now` in `zone`, as minutes since the epoch and as parts. */
function localTime(now: Date, zone: string) {
  const utcMinutes = Math.floor(now.getTime() / 60000);
  // An unknown zone is written as it stands, with UTC's clock.
  const offset = zoneOffsetAt(zone, now) ?? 0;
  const local = new Date((utcMinutes + offset) * 60000);
  return {
    utcMinutes, offset,
    date: `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`,
    time: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`,
  };
}

export function timelineInsertion(document: TextDocument, cached: CachedAnalysis, now: Date, format: string, settingsZone: string): Insertion {
  const { model, text } = { model: cached.analysis.model, text: document.getText() };
  const timeline = model.timeline;
  const zone = timeline.zone?.name ?? timeline.entryZones[0] ?? (settingsZone || 'UTC');
  const t = localTime(now, zone);
  const entries = timeline.entries;
  const last = entries[entries.length - 1];
  const withDate = !!last?.timeText && /\d{4}-\d{2}-\d{2}/.test(last.timeText);
  const writeZone = !timeline.zone && timeline.entryZones.length > 0;
  const stamp = `${withDate ? `${t.date} ` : ''}${t.time}${writeZone ? ` ${zone}` : ''}`;

  if (!timeline.section) {
    const level = Math.min(...model.sections.filter((s) => s.form === 'heading' && s.kinds.length).map((s) => s.level), 2);
    const at = insertionPoint('timeline', model.sections, text.length, level);
    const lead = at === text.length && !text.endsWith('\n\n') ? (text.endsWith('\n') ? '\n' : '\n\n') : '';
    const head = `${lead}${'#'.repeat(level)} Timeline\n\nAll times in ${zone}.\n\n- ${t.date} ${t.time} `;
    return insertion(document, at, `${head}\n\n`, head.length);
  }

  const form = format !== 'auto' ? (format === 'bold' ? 'paragraph' : format) : timeline.form ?? 'list';
  // Chronological place: before the first entry that is later than now, else after the last entry.
  // Undated entries count minutes from day 0, so compare them with the time of day only.
  const timeOfDay = (((t.utcMinutes + t.offset) % 1440) + 1440) % 1440 - t.offset;
  const next = entries.find((e) => e.minutes !== undefined && e.minutes > (e.iso ? t.utcMinutes : timeOfDay));
  const anchor = next ?? last;
  const before = !!next;
  const sample = anchor ? text.slice(anchor.start, anchor.end) : '';

  if (!anchor) {
    const at = timeline.section.body.end;
    const head = `\n- ${stamp} `;
    return insertion(document, trimEndOffset(text, at), `${head}\n`, head.length);
  }
  if (form === 'heading') {
    const hashes = /^#+/.exec(sample)?.[0] ?? '###';
    const block = `${hashes} ${stamp}\n\n`;
    if (before) return insertion(document, anchor.start, `${block}\n\n`, block.length);
    const at = trimEndOffset(text, anchor.end);
    return insertion(document, at, `\n\n${block}`, block.length + 2);
  }
  if (form === 'table') {
    const cells = Math.max(2, (sample.match(/\|/g)?.length ?? 3) - 1);
    const row = `| ${stamp} | ${' | '.repeat(cells - 2)}`;
    const full = `${row} |`.replace(/\s+\|$/, ' |');
    if (before) return insertion(document, anchor.start, `${full}\n`, `| ${stamp} | `.length);
    const at = lineEnd(text, anchor.end - 1);
    return insertion(document, at, `\n${full}`, 1 + `| ${stamp} | `.length);
  }
  const bullet = form === 'paragraph' ? `**${stamp}** ` : `${/^\s*([-*+]|\d+[.)])/.exec(sample)?.[1]?.replace(/\d+/, '1') ?? '-'} ${stamp} `;
  const indent = /^[ \t]*/.exec(text.slice(lineStartOffset(text, anchor.start), anchor.start))?.[0] ?? '';
  if (before) return insertion(document, anchor.start, `${bullet}\n${indent}`, bullet.length);
  const at = lineEnd(text, trimEndOffset(text, anchor.end) - 1);
  return insertion(document, at, `\n${indent}${bullet}`, 1 + indent.length + bullet.length);
}

function trimEndOffset(text: string, end: number): number {
  let i = end;
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  return i;
}

function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
}

function lineStartOffset(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

export function actionItemInsertion(document: TextDocument, cached: CachedAnalysis, item: { text: string; owner: string; due: string }): Insertion {
  const text = document.getText();
  const { model } = cached.analysis;
  const owner = item.owner ? (item.owner.startsWith('@') || item.owner.includes(' ') ? item.owner : `@${item.owner}`) : '@owner';
  const last = model.actionItems[model.actionItems.length - 1];
  const sentence = item.text.trim().replace(/\.$/, '');
  if (last?.form === 'table') {
    const headerLine = text.slice(0, model.actionItems[0].start).split(/\r?\n/).slice(-3, -2)[0] ?? '';
    const names = headerLine.split('|').slice(1, -1).map((n) => n.trim().toLowerCase());
    const value = (name: string): string => {
      if (/owner|assignee|who|dri/.test(name)) return owner;
      if (/due|deadline|when|target|date|eta/.test(name)) return item.due;
      if (/status|state|done/.test(name)) return 'open';
      if (/tracker|issue|ticket|link|jira|bug/.test(name)) return '';
      return sentence;
    };
    const row = `| ${names.map(value).join(' | ')} |`;
    const at = lineEnd(text, last.end - 1);
    return insertion(document, at, `\n${row}`, 1 + 2 + sentence.length);
  }
  const line = `${last?.form === 'list' ? '-' : '- [ ]'} ${sentence}. Owner: ${owner}. Due: ${item.due}.`;
  if (last) {
    const at = lineEnd(text, trimEndOffset(text, last.end) - 1);
    const indent = /^[ \t]*/.exec(text.slice(lineStartOffset(text, last.start), last.start))?.[0] ?? '';
    return insertion(document, at, `\n${indent}${line}`, 1 + indent.length + line.length);
  }
  const section = model.sections.find((s) => s.kinds.includes('action-items'));
  if (section) {
    const at = trimEndOffset(text, section.end);
    return insertion(document, at, `\n\n${line}`, 2 + line.length);
  }
  const lead = text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
  const block = `${lead}## Action items\n\n${line}`;
  return insertion(document, text.length, `${block}\n`, block.length);
}
