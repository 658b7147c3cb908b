// The engine's one entry point: text in, model and findings out. Every face (server, CLI) calls this.
import { resolveConfig } from '../config/resolve';
import type { ResolvedConfig } from '../config/types';
import { buildModel } from '../model/buildModel';
import { proseMask } from '../model/prose';
import type { SectionWithNodes } from '../model/sections';
import type { ActionItem, Postmortem, Section } from '../model/types';
import { IncrementalParser, parseWhole, runToEnd } from '../parsing/incremental';
import type { Root } from '../parsing/markdown';
import { boundNesting, MAX_NESTING } from '../parsing/nesting';
import { RULES } from '../rules/registry';
import type { TrackerState } from '../trackers/types';
import type { Finding, Report, RuleContext, Severity } from '../rules/types';
import { LineIndex } from './lineIndex';
import { Suppressions } from './suppressions';
import { blockRun, runBlockRule, toFinding, type BlockRun, type FindingSink } from './blockRules';
import { unitsOf } from '../parsing/units';
import { runItemRule } from './itemRules';
import { runSectionRule, sectionRun, type SectionRun } from './sectionRules';
import { todayFor } from '../model/calendar';

export interface AnalyzeOptions {
  config?: ResolvedConfig;
  now?: Date;
  /** Reuses the trees of unchanged sections between versions of one document (the server keeps one per document). */
  parser?: IncrementalParser;
  /** When given, receives each rule's run time in milliseconds (benchmarks and the linear-time tests). */
  timings?: Map<string, number>;
  /** When given, receives the time of each step before the rules (parse, model, lines, suppressions): for bench/edit.ts. */
  phases?: Map<string, number>;
  /** Tracker states the caller already read (in the background); absent means tracker checks are off. */
  trackerState?: (item: ActionItem) => TrackerState | undefined;
}

export interface Analysis {
  text: string;
  root: Root;
  model: Postmortem;
  sections: SectionWithNodes[];
  findings: Finding[];
  lines: LineIndex;
  /** Rules that threw: reported, never fatal. */
  errors: RuleFailure[];
  /** Parts of the input the engine read in a limited way (too deeply nested), to tell the user. */
  notices: Notice[];
}

/** What the editor features read from an analysis: no syntax tree, so it can cross a thread. */
export type AnalysisSummary = Pick<Analysis, 'text' | 'model' | 'findings' | 'lines' | 'errors' | 'notices'>;

export interface RuleFailure {
  ruleId: string;
  message: string;
  stack?: string;
}

export interface Notice {
  start: number;
  end: number;
  message: string;
}

const DEFAULT_CONFIG = resolveConfig([]);
/** How long the cooperative analysis runs before it lets the server read its messages. */
const SLICE_MS = 8;
/** Below this many characters one remark pass beats section-by-section parsing (measured: bench/). */
const WHOLE_PARSE_LIMIT = 20_000;

/** The innermost (shortest) section containing an offset: rules' sectionAt and the outline share it. */
export function innermostSection(sections: Section[], offset: number): Section | undefined {
  let best: Section | undefined;
  for (const s of sections) {
    if (s.start <= offset && offset < s.end && (!best || s.end - s.start <= best.end - best.start)) best = s;
  }
  return best;
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  return runToEnd(analysisSteps(text, options));
}

/**
 * The same analysis without pausing, asking `stale()` after each step (a parse window, a phase, a
 * rule) and stopping (undefined) at the first step after which nobody needs the result any more:
 * what an analysis worker runs, its stale() reading the host's word (analysis/worker.ts).
 * Stopping midway is safe: the parser keeps the previous version as its reference.
 */
export function analyzeUnlessStale(text: string, options: AnalyzeOptions, stale: () => boolean): Analysis | undefined {
  const steps = analysisSteps(text, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (stale()) {
      steps.return(undefined as never);
      return undefined;
    }
  }
}

/**
 * The same analysis, pausing every few milliseconds so the server can read new messages, and
 * stopping (undefined) as soon as `stale()` says nobody needs the result any more.
 */
export async function analyzeCooperatively(text: string, options: AnalyzeOptions, stale: () => boolean): Promise<Analysis | undefined> {
  const steps = analysisSteps(text, options);
  let slice = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - slice < SLICE_MS) continue;
    await new Promise((resolve) => setImmediate(resolve));
    if (stale()) {
      steps.return(undefined as never);
      return undefined;
    }
    slice = performance.now();
  }
}

/** Records the time since the previous mark under each name it is called with. */
function phaseClock(phases: Map<string, number>): (name: string) => void {
  let last = performance.now();
  return (name) => {
    const now = performance.now();
    phases.set(name, now - last);
    last = now;
  };
}

function* analysisSteps(text: string, options: AnalyzeOptions): Generator<void, Analysis> {
  const config = options.config ?? DEFAULT_CONFIG;
  const now = options.now ?? new Date();
  // Parsing section by section gives the same tree as one pass (see parsing/blocks.ts). remark slows
  // down more than linearly on long documents, so there it is faster even without reuse; on short
  // ones its fixed cost per call makes one pass faster.
  // The parser reads a copy whose over-deep containers became spaces (same length, same offsets);
  // rules read the real text, so fixes never copy those spaces back.
  const clock = options.phases ? phaseClock(options.phases) : () => undefined;
  const bounded = boundNesting(text);
  const parseText = bounded.text;
  const root = options.parser ? yield* options.parser.steps(parseText) : parseText.length > WHOLE_PARSE_LIMIT ? yield* new IncrementalParser().steps(parseText) : parseWhole(parseText);
  clock('parse');
  yield;
  const { model, sections, itemSources } = buildModel(root, text, { timezone: config.timezone });
  clock('model');
  yield;
  // The prose mask only when a rule reads it; both it and the block rules' runs come per unit from caches.
  let prose: string | undefined;
  let blocks: BlockRun | undefined;
  let today: string | undefined;
  let sectionsRun: SectionRun | undefined;
  const lines = new LineIndex(text);
  clock('lines');
  const suppressions = new Suppressions(root, lines, text);
  clock('suppressions');
  const findings: Finding[] = [];
  const errors: RuleFailure[] = [];
  const notices: Notice[] = bounded.capped.length === 0 ? [] : [{
    start: bounded.capped[0], end: bounded.capped[0],
    message: `${bounded.capped.length} line(s) nest block quotes or lists more than ${MAX_NESTING} levels deep; the deeper levels were read as plain text. Flatten the nesting to have them checked.`,
  }];
  const kinded = model.sections.filter((s) => s.kinds.length > 0);
  const kindsAt = (offset: number) => new Set(kinded.filter((s) => s.start <= offset && offset < s.end).flatMap((s) => s.kinds));
  for (const rule of RULES) {
    const setting = config.rules.get(rule.id);
    if (!setting || setting.severity === 'off') continue;
    const severity = setting.severity as Severity;
    const context: RuleContext<object> = {
      text, root, model, sections, now,
      get prose() {
        return (prose ??= proseMask(root, text));
      },
      options: setting.options,
      shared: config.shared,
      sectionAt: (offset) => innermostSection(model.sections, offset),
      kindsAt,
      trackers: { config: config.trackers ?? {}, state: options.trackerState },
      report: (report: Report) => {
        if (suppressions.isSuppressed(rule.id, report.start)) return;
        findings.push(toFinding(report, rule.id, severity));
      },
    };
    // Cached findings (block and item rules) come whole: the same check of disable comments, no copy.
    const sink: FindingSink = {
      severity,
      add: (finding) => {
        if (!suppressions.isSuppressed(rule.id, finding.start)) findings.push(finding);
      },
    };
    const started = options.timings ? performance.now() : 0;
    try {
      if (rule.scope === 'block' && rule.checkBlock) runBlockRule(rule, context, (blocks ??= blockRun(unitsOf(root), text, kinded, model.meta.people)), sink);
      else if (rule.scope === 'item' && rule.checkItem) runItemRule(rule, context, (today ??= todayFor(model, now)), itemSources, sink);
      else if (rule.scope === 'section' && rule.checkSection && rule.sectionsToCheck) runSectionRule(rule, context, (sectionsRun ??= sectionRun(text, model.meta.people)), sink);
      else rule.check(context);
    } catch (error) {
      errors.push({ ruleId: rule.id, message: error instanceof Error ? error.message : String(error), stack: (error as Error)?.stack });
    }
    options.timings?.set(rule.id, performance.now() - started);
    yield;
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return { text, root, model, sections, findings, lines, errors, notices };
}
