// The features the editor asks for after every change (the outline and breadcrumbs, code lenses, the
// Postmortem view) and the workspace index's reading of an open document, answered where the analysis is: in its worker, so only their
// small results cross threads, not the model and every finding's fixes (which grow with the
// document: cloning them once per version cost more than the features themselves). The same
// functions answer on the main thread when the analysis is there (no worker, or a full answer).
// The worker thread's entry (workerThread.ts) hands `answerQuery` to the worker (analysis/ sits
// beside features/ and does not import it).
import type { CodeLens, DocumentSymbol } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../engine/lineIndex';
import { lensesOf } from './codeLens';
import { outline } from './outline';
import { symbolsOf } from './symbols';
import type { DocumentOutline } from '../protocol';
import type { AnalysisDetails } from '../analysis/worker';

/** A feature's question about one analysed version; `now` is a time in ms (it crosses threads). */
export type FeatureQuery =
  | { kind: 'symbols' }
  | { kind: 'codeLenses'; now: number }
  | { kind: 'outline'; uri: string; requiredSections: string[]; now: number }
  /** What the workspace index keeps of an open document. */
  | { kind: 'index' };

/** What the workspace index reads of a model (indexExtraction.ts `indexedItems`): no timeline entries, no sections. */
export interface IndexSource {
  model: Pick<AnalysisDetails['model'], 'actionItems' | 'meta' | 'timeline'>;
  /** The line of each action item's start, in the model's order. */
  itemLines: number[];
}

/**
 * Document symbols as they cross threads: the structured clone's cost is per object, and a symbol is
 * seven of them (its ranges' positions), so a long document's symbols cost more to clone than its
 * whole model. Packed, they are two arrays: measured on the bench's 1,500-line document, 0.08 ms
 * to clone instead of 4.3 ms (15,000 lines: 0.8 ms instead of 57 ms).
 */
export interface PackedSymbols {
  /** Each symbol's name and detail, in depth-first order. */
  strings: string[];
  /** Per symbol, SYMBOL_FIELDS numbers: its parent's index (-1 at the top), kind, whether it has a children list, range, selection range. */
  numbers: Int32Array;
}

const SYMBOL_FIELDS = 11;

export function packSymbols(symbols: DocumentSymbol[]): PackedSymbols {
  const strings: string[] = [];
  const numbers: number[] = [];
  const walk = (list: DocumentSymbol[], parent: number) => {
    for (const s of list) {
      const index = strings.length / 2;
      strings.push(s.name, s.detail ?? '');
      const { range: r, selectionRange: t } = s;
      numbers.push(parent, s.kind, s.children ? 1 : 0, r.start.line, r.start.character, r.end.line, r.end.character, t.start.line, t.start.character, t.end.line, t.end.character);
      if (s.children) walk(s.children, index);
    }
  };
  walk(symbols, -1);
  return { strings, numbers: Int32Array.from(numbers) };
}

export function unpackSymbols({ strings, numbers }: PackedSymbols): DocumentSymbol[] {
  const roots: DocumentSymbol[] = [];
  const all: DocumentSymbol[] = [];
  for (let i = 0; i * SYMBOL_FIELDS < numbers.length; i++) {
    const n = numbers.subarray(i * SYMBOL_FIELDS, (i + 1) * SYMBOL_FIELDS);
    const symbol: DocumentSymbol = {
      name: strings[2 * i], kind: n[1] as DocumentSymbol['kind'], detail: strings[2 * i + 1],
      range: { start: { line: n[3], character: n[4] }, end: { line: n[5], character: n[6] } },
      selectionRange: { start: { line: n[7], character: n[8] }, end: { line: n[9], character: n[10] } },
    };
    if (n[2]) symbol.children = [];
    all.push(symbol);
    (n[0] < 0 ? roots : all[n[0]].children!).push(symbol);
  }
  return roots;
}

export type FeatureAnswer<Q extends FeatureQuery> =
  Q extends { kind: 'symbols' } ? PackedSymbols
    : Q extends { kind: 'codeLenses' } ? CodeLens[]
      : Q extends { kind: 'outline' } ? DocumentOutline
        : IndexSource;

/**
 * The document the queries of one analysis place their ranges in, made once per analysis: VS Code
 * asks for symbols and code lenses (and the Postmortem view for the outline) after every change, and
 * each made its own, indexing every line of the version again.
 */
const documents = new WeakMap<AnalysisDetails, TextDocument>();

export function queryDocument(text: string, details: AnalysisDetails): TextDocument {
  let document = documents.get(details);
  if (!document || document.getText() !== text) documents.set(details, (document = TextDocument.create('', 'markdown', 0, text)));
  return document;
}

/** Answers a query from a version's text and analysis. Positions are UTF-16 offsets into `text`, as LSP counts them. */
export function answerQuery<Q extends FeatureQuery>(text: string, details: AnalysisDetails, query: Q): FeatureAnswer<Q> {
  return answer(text, details, query) as FeatureAnswer<Q>;
}

function answer(text: string, details: AnalysisDetails, query: FeatureQuery): FeatureAnswer<FeatureQuery> {
  const { model } = details;
  // Ranges depend on the text only: any document with it places them as the editor's does.
  const document = () => queryDocument(text, details);
  switch (query.kind) {
    case 'symbols':
      return packSymbols(symbolsOf(document(), model));
    case 'codeLenses':
      return lensesOf(document(), model, new Date(query.now));
    case 'outline': {
      let lines: LineIndex | undefined;
      const summary = { text, model, findings: details.findings, errors: [], notices: [], get lines() { return (lines ??= new LineIndex(text)); } };
      return outline(query.uri, summary, query.requiredSections, new Date(query.now));
    }
    case 'index': {
      const lines = new LineIndex(text);
      return {
        // The timeline's zones decide "today" for overdue items; its entries are not read.
        model: { actionItems: model.actionItems, meta: model.meta, timeline: { zone: model.timeline.zone, entryZones: model.timeline.entryZones, entries: [] } },
        itemLines: model.actionItems.map((item) => lines.line(item.start)),
      };
    }
  }
}
