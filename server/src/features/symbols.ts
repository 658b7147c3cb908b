// Document symbols: sections nested by level, timeline entries and action items as their children.
import type { DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CachedAnalysis } from '../documents';
import { innermostSection } from '../engine/analyze';
import type { Postmortem, Section } from '../model/types';
import { toRange } from './convert';

/**
 * LSP's symbol kinds by number: the analysis worker makes the symbols, and its bundle holds the
 * engine without the LSP library (workerThread.ts).
 */
const KIND = { property: 7, field: 8, string: 15, event: 24 } as const satisfies Record<string, SymbolKind>;

function clip(s: string, n = 60): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one || '(empty)';
}

export function documentSymbols(document: TextDocument, cached: CachedAnalysis): DocumentSymbol[] {
  return symbolsOf(document, cached.analysis.model);
}

/** The symbols from the model alone: the analysis worker makes them, so only they cross threads, not the model. */
export function symbolsOf(document: TextDocument, model: Postmortem): DocumentSymbol[] {
  const roots: DocumentSymbol[] = [];
  const stack: Array<{ level: number; section: Section; symbol: DocumentSymbol }> = [];
  const bySection = new Map<Section, DocumentSymbol>();
  for (const section of [...model.sections].sort((a, b) => a.start - b.start)) {
    const symbol: DocumentSymbol = {
      name: section.title || '(untitled)', kind: section.form === 'label' ? KIND.property : KIND.string,
      detail: section.kinds.join(', '), range: toRange(document, section.start, section.end),
      selectionRange: toRange(document, section.titleSpan.start, section.titleSpan.end), children: [],
    };
    bySection.set(section, symbol);
    while (stack.length && (stack[stack.length - 1].level >= section.level || section.start >= stack[stack.length - 1].section.end)) stack.pop();
    (stack.length ? stack[stack.length - 1].symbol.children! : roots).push(symbol);
    stack.push({ level: section.level, section, symbol });
  }
  const innermost = (offset: number): DocumentSymbol | undefined => {
    const best = innermostSection(model.sections, offset);
    return best && bySection.get(best);
  };
  for (const entry of model.timeline.entries) {
    const parent = innermost(entry.start);
    const span = entry.timeSpan ?? { start: entry.start, end: entry.start };
    parent?.children!.push({
      name: clip(`${entry.timeText ?? '(no time)'} ${entry.form === 'heading' && !entry.timeText ? '' : entry.text}`), kind: KIND.event,
      detail: entry.milestone ?? '', range: toRange(document, entry.start, entry.end), selectionRange: toRange(document, span.start, span.end),
    });
  }
  for (const item of model.actionItems) {
    const parent = innermost(item.start);
    parent?.children!.push({
      name: clip(item.text), kind: KIND.field,
      detail: [item.status === 'done' ? 'done' : 'open', item.owner ?? 'no owner', item.due ?? 'no due date'].join(' · '),
      range: toRange(document, item.start, item.end), selectionRange: toRange(document, item.start, item.insertAt),
    });
  }
  const sortChildren = (symbols: DocumentSymbol[]): void => {
    symbols.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    symbols.forEach((s) => s.children && sortChildren(s.children));
  };
  sortChildren(roots);
  return roots;
}
