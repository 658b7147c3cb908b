// How the workspace index reads one file's action items: exactly as `analyze` reads them (the same
// parse, remark deciding every block boundary, and the same model; no rules). Shared by the index
// workers (indexJobs.ts) and the in-thread reader used where no worker can start (indexHost.ts).
import { isOverdue, todayFor } from './model/calendar';
import { LineIndex } from './engine/lineIndex';
import { handlesIn } from './model/actionItems';
import { buildModel } from './model/buildModel';
import type { Postmortem } from './model/types';
import { IncrementalParser } from './parsing/incremental';
import { boundNesting } from './parsing/nesting';
import type { IndexedActionItem } from './protocol';

/** Reading one file's items (parse and model, no rules) may take this long at least... */
export const INDEX_BUDGET_MS = 5000;
/** ...and this much longer per character: the budget is for pathological input, not for size. */
export const INDEX_BUDGET_MS_PER_CHAR = 0.04;
/** How long the in-thread reader runs before it lets the server read its messages. */
const SLICE_MS = 8;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function indexBudget(length: number, base = INDEX_BUDGET_MS, perChar = INDEX_BUDGET_MS_PER_CHAR): number {
  return Math.max(base, length * perChar);
}

/** One file's items and owner handles, or why it was skipped. */
export type Extraction = { ok: true; items: IndexedActionItem[]; handles: string[] } | { ok: false; reason: string };

/** Reads the items of a file's text: in a worker (indexHost.ts) or on this thread, in slices. */
export interface ActionItemReader {
  read(uri: string, text: string, now: Date): Promise<Extraction>;
  dispose?(): void;
}

/** The items of a model; overdue on the document's own calendar day (its zone, else the local one). */
export function indexedItems(uri: string, model: Pick<Postmortem, 'actionItems' | 'meta' | 'timeline'>, lines: Pick<LineIndex, 'line'>, now: Date): IndexedActionItem[] {
  const today = todayFor(model, now);
  return model.actionItems.map((a) => ({
    uri, line: lines.line(a.start), text: a.text, owner: a.owner ?? null, due: a.due ?? null, status: a.status,
    tracker: a.tracker ?? null, overdue: isOverdue(a, today),
  }));
}

/**
 * The items `analyze` finds, as steps: the same parse (nesting bounded, long documents heading by
 * heading with each split confirmed by remark) and the same model, without the rules.
 */
export function* extractionSteps(uri: string, text: string, now: Date): Generator<void, IndexedActionItem[]> {
  const root = yield* new IncrementalParser().steps(boundNesting(text).text);
  yield;
  const { model } = buildModel(root, text);
  return indexedItems(uri, model, new LineIndex(text), now);
}

export function extractActionItems(uri: string, text: string, now: Date): IndexedActionItem[] {
  const steps = extractionSteps(uri, text, now);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export const overBudget = (budget: number) => `reading its action items took longer than ${(budget / 1000).toFixed(1)} s, so it was stopped (long runs of nested brackets or emphasis markers slow the Markdown parser down)`;
export const failure = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Reads on this thread (where no worker can start, or no reader was given): pauses every few milliseconds
 * so requests are served between slices, and gives up a file once it runs past its budget (checked
 * between slices: one remark pass cannot be interrupted).
 */
export function inThreadReader(budgetMs = INDEX_BUDGET_MS, budgetMsPerChar = INDEX_BUDGET_MS_PER_CHAR): ActionItemReader {
  return {
    async read(uri, text, now) {
      const budget = indexBudget(text.length, budgetMs, budgetMsPerChar);
      const started = performance.now();
      let slice = started;
      try {
        const steps = extractionSteps(uri, text, now);
        for (;;) {
          const step = steps.next();
          if (step.done) return { ok: true, items: step.value, handles: handlesIn(text) };
          const at = performance.now();
          if (at - started > budget) {
            steps.return([]);
            return { ok: false, reason: overBudget(budget) };
          }
          if (at - slice >= SLICE_MS) {
            await nextTurn();
            slice = performance.now();
          }
        }
      } catch (error) {
        return { ok: false, reason: failure(error) };
      }
    },
  };
}

