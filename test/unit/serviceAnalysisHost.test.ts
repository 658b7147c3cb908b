// The language service with a stand-in analysis host that records what crosses between threads:
// code actions fetch only the fixes their request needs (VS Code asks for them after every
// diagnostics update), and the run: onSave re-check after new tracker states is analysed by the
// host like every other analysis, never on the server's main thread.
import assert from 'node:assert/strict';
import type { CodeActionParams, Diagnostic, TextEdit } from 'vscode-languageserver';
import { withheld, type AnalysisHost, type Outcome } from '../../server/src/analysis/host';
import { answerQuery, type FeatureQuery } from '../../server/src/features/queries';
import { pickDetails, type DetailsPick } from '../../server/src/analysis/worker';
import type { ResolvedConfig } from '../../server/src/config/types';
import { resolveConfig } from '../../server/src/config/resolve';
import { analyze } from '../../server/src/engine/analyze';
import { FIX_ALL_KIND } from '../../server/src/features/codeActions';
import { PostmortemService } from '../../server/src/service/languageService';
import { MemoryDocuments } from '../helpers/memoryDocuments';
import { stateLookup } from '../../server/src/trackers/lookup';
import type { TrackerState } from '../../server/src/trackers/types';
import { memoryFileSystem } from '../helpers/memoryFileSystem';

const NOW = new Date('2026-11-29T12:00:00Z');
const DOC = 'file:///ws/postmortems/outage.md';

/** A postmortem with `rows` action items that lack an owner (each has a safe fix) and one blame sentence (suggestions only). */
function postmortem(rows: number): string {
  const items = Array.from({ length: rows }, (_, i) => `- [ ] Add check number ${i + 1} to the deploy. Due: 2026-12-15`);
  return ['---', 'title: Search outage', '---', '', '# Postmortem: search outage', '', '## Summary', '', 'Search returned errors for 40 minutes.', '', '## Root cause', '', 'Bob forgot to run the migration.', '', '## Action items', '', ...items, ''].join('\n');
}

interface Crossing {
  kind: 'run' | 'details' | 'pick' | 'query';
  /** Characters of JSON that crossed: a stand-in for the structured clone's work. */
  size: number;
  text?: string;
  uri?: string;
  pick?: DetailsPick;
  query?: FeatureQuery['kind'];
}

/** Analyses in this thread as the worker would, and records every answer that would cross threads. */
interface Hooks {
  onPick?: () => void;
  /** Answers 'stale' for this text once, as when a newer version's analysis takes the worker. */
  supersede?: string;
  /** Answers this text as the host does when its analysis runs past the budget. */
  overBudget?: string;
  /**
   * As the real host: a run takes a moment, and a newer run on the same worker (uri) makes the one
   * in flight answer 'stale'. Records the runs that were superseded.
   */
  sameWorkerSupersedes?: { superseded: number };
}

function recordingHost(crossed: Crossing[], hooks: Hooks): AnalysisHost {
  const inFlight = new Map<string, { superseded: boolean }>();
  const host = {
    setLog: () => undefined,
    forget: () => undefined,
    dispose: () => undefined,
    async run(uri: string, text: string, config: ResolvedConfig, now: Date, stale: () => boolean, states?: Record<string, TrackerState>): Promise<Outcome> {
      if (hooks.overBudget === text) {
        crossed.push({ kind: 'run', size: 0, text, uri });
        return withheld('Checking this document took longer than 5 s, so it was stopped.');
      }
      if (hooks.supersede === text) {
        hooks.supersede = undefined;
        return { kind: 'stale' };
      }
      if (hooks.sameWorkerSupersedes) {
        const before = inFlight.get(uri);
        if (before) before.superseded = true;
        const mine = { superseded: false };
        inFlight.set(uri, mine);
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (inFlight.get(uri) === mine) inFlight.delete(uri);
        if (mine.superseded) {
          hooks.sameWorkerSupersedes.superseded++;
          return { kind: 'stale' };
        }
      }
      if (stale()) return { kind: 'stale' };
      const analysis = analyze(text, { config, now, trackerState: states && stateLookup(states, config.trackers ?? {}) });
      const details = { model: analysis.model, findings: analysis.findings };
      const findings = analysis.findings.map(({ fix: _fix, suggestions: _suggestions, ...rest }) => rest);
      crossed.push({ kind: 'run', size: JSON.stringify(findings).length, text, uri });
      return {
        kind: 'done',
        analysis: {
          text, findings, errors: analysis.errors, notices: analysis.notices,
          details: async () => {
            crossed.push({ kind: 'details', size: JSON.stringify(details).length });
            return details;
          },
          pick: async (pick) => {
            const picked = pickDetails(details, pick);
            crossed.push({ kind: 'pick', size: JSON.stringify(picked).length, pick });
            hooks.onPick?.();
            return picked;
          },
          query: async <Q extends FeatureQuery>(query: Q) => {
            const answer = answerQuery(text, details, query);
            crossed.push({ kind: 'query', size: JSON.stringify(answer).length, query: query.kind });
            return answer;
          },
        },
      };
    },
  };
  return host as unknown as AnalysisHost;
}


function setup(settings: Record<string, unknown> = {}) {
  const crossed: Crossing[] = [];
  const hooks: Hooks = {};
  const documents = new MemoryDocuments();
  const service = new PostmortemService(documents, { fs: memoryFileSystem({}), now: () => NOW, analysisHost: recordingHost(crossed, hooks), settings: async () => settings });
  return { crossed, hooks, documents, service };
}

const at = (diagnostics: Diagnostic[], code: string) => diagnostics.filter((d) => d.code === code).slice(0, 1);
const params = (diagnostics: Diagnostic[], only?: string[]): CodeActionParams => ({ textDocument: { uri: DOC }, range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics, only } });

/** What one code-action request for the blame finding carries across, in a document of `rows` action items. */
async function crossedForBlame(rows: number): Promise<{ crossings: Crossing[]; titles: string[] }> {
  const { crossed, documents, service } = setup();
  documents.set(DOC, postmortem(rows));
  const diagnostics = (await service.diagnostics(DOC))!;
  crossed.length = 0;
  const actions = (await service.codeActions(params(at(diagnostics, 'no-blame-language'))))!;
  return { crossings: [...crossed], titles: actions.map((a) => a.title) };
}

describe('code actions fetch only what their request needs', function () {
  this.timeout(20_000);

  it('ask for the fixes of the findings in the request, never the model and every fix', async () => {
    const { crossings, titles } = await crossedForBlame(40);
    assert.deepEqual(crossings.map((c) => c.kind), ['pick'], JSON.stringify(crossings.map((c) => c.kind)));
    assert.equal(crossings[0].pick?.findings.length, 1);
    assert.deepEqual(crossings[0].pick?.rules, ['no-blame-language']);
    assert.equal(crossings[0].pick?.allFixes, false);
    assert.ok(titles.some((t) => /Disable no-blame-language for this line/.test(t)), titles.join());
    assert.ok(titles.some((t) => /Show documentation for no-blame-language/.test(t)), titles.join());
  });

  it('what crosses does not grow with the document', async () => {
    const small = await crossedForBlame(20);
    const large = await crossedForBlame(400);
    const size = (c: Crossing[]) => c.reduce((n, x) => n + x.size, 0);
    assert.ok(size(large.crossings) < 1.2 * size(small.crossings), `${size(small.crossings)} → ${size(large.crossings)}`);
  });

  it('an empty request fetches nothing', async () => {
    const { crossed, documents, service } = setup();
    documents.set(DOC, postmortem(5));
    await service.diagnostics(DOC);
    crossed.length = 0;
    assert.deepEqual(await service.codeActions(params([])), []);
    assert.deepEqual(crossed, []);
  });

  it('fix all of a rule and source.fixAll still merge every fix of the current version', async () => {
    const { documents, service } = setup();
    documents.set(DOC, postmortem(3));
    const diagnostics = (await service.diagnostics(DOC))!;
    const owner = at(diagnostics, 'action-item-owner');
    const quick = (await service.codeActions(params(owner)))!;
    const ruleAll = quick.find((a) => a.title === 'Fix all action-item-owner problems in this document');
    assert.equal(ruleAll?.edit?.changes?.[DOC].length, 3);
    assert.ok(quick.some((a) => a.isPreferred), quick.map((a) => a.title).join());
    const fixAll = (await service.codeActions(params([], [FIX_ALL_KIND])))!;
    assert.deepEqual(fixAll.map((a) => a.kind), [FIX_ALL_KIND]);
    assert.ok(fixAll[0].edit!.changes![DOC].length >= 3);
  });

  it('a disable comment for a finding in the front matter is never offered for its line', async () => {
    const { documents, service } = setup();
    documents.set(DOC, postmortem(1).replace('title: Search outage', 'title: Search outage\nseverity: apocalyptic'));
    const diagnostics = (await service.diagnostics(DOC))!;
    const inFrontMatter = diagnostics.filter((d) => d.range.start.line < 4).slice(0, 1);
    if (inFrontMatter.length === 0) return assert.fail(`no finding in the front matter: ${diagnostics.map((d) => d.code).join()}`);
    const titles = (await service.codeActions(params(inFrontMatter)))!.map((a) => a.title);
    assert.ok(titles.some((t) => t.endsWith('for this file')), titles.join());
    assert.ok(!titles.some((t) => t.endsWith('for this line')), titles.join());
  });

  it('withholds the actions when the document moves on while the fixes are fetched', async () => {
    const { documents, hooks, service } = setup();
    documents.set(DOC, postmortem(3));
    const diagnostics = (await service.diagnostics(DOC))!;
    const owner = at(diagnostics, 'action-item-owner');
    assert.ok((await service.codeActions(params(owner)))?.some((a) => a.isPreferred), 'offered while the version holds');
    // A keystroke arrives while the request waits for the worker's answer.
    hooks.onPick = () => documents.set(DOC, `typed\n${postmortem(3)}`);
    const actions = await service.codeActions(params(owner));
    const edits = (actions ?? []).flatMap((a) => (a.edit?.changes?.[DOC] ?? []) as TextEdit[]);
    assert.equal(edits.length, 0, 'no edit placed against the superseded version');
  });
});

/** A postmortem with a timeline, two action items, and `paragraphs` paragraphs of prose in its summary. */
function withProse(paragraphs: number): string {
  const prose = Array.from({ length: paragraphs }, (_, i) => `The queue depth grew again during hour ${i + 1}, and the consumers kept up with it slowly.`);
  return [
    '# Postmortem: queue outage', '', '## Summary', '', ...prose.flatMap((p) => [p, '']),
    '## Timeline', '', '- 2026-11-20 09:00 UTC Deploy started.', '- 2026-11-20 09:05 UTC Alert fired (detected).', '- 2026-11-20 09:30 UTC Rolled back (mitigated).', '',
    '## Action items', '', '- [ ] Add an alert on queue depth. Due: 2026-12-15. Owner: @ana', '- [ ] Add a dashboard. Due: 2026-11-01', '',
  ].join('\n');
}

/** What each feature asked after a change carries across, for a document with `paragraphs` paragraphs of prose. */
async function crossedForFeatures(paragraphs: number) {
  const { crossed, documents, service } = setup();
  documents.set(DOC, withProse(paragraphs));
  await service.diagnostics(DOC);
  const features = {
    symbols: () => service.documentSymbols(DOC),
    codeLenses: () => service.codeLenses(DOC),
    outline: () => service.outline(DOC),
  };
  const result: Record<string, { crossings: Crossing[]; answer: unknown }> = {};
  for (const [name, ask] of Object.entries(features)) {
    crossed.length = 0;
    const answer = await ask();
    result[name] = { crossings: [...crossed], answer };
  }
  return result;
}

describe('the features VS Code asks for after every change are made where the model is', function () {
  this.timeout(20_000);

  it('symbols, code lenses and the outline ask the host for their answer, never for the model', async () => {
    const features = await crossedForFeatures(5);
    for (const [name, { crossings, answer }] of Object.entries(features)) {
      assert.deepEqual(crossings.map((c) => `${c.kind} ${c.query ?? ''}`.trim()), [`query ${name}`], name);
      assert.ok(answer, `${name} answered`);
    }
    const symbols = features.symbols.answer as Array<{ name: string; children?: Array<{ name: string }> }>;
    assert.deepEqual(symbols[0].children?.map((s) => s.name), ['Summary', 'Timeline', 'Action items']);
    const lenses = features.codeLenses.answer as Array<{ command?: { title: string } }>;
    assert.ok(lenses.some((l) => /2 items · 1 without owner · 1 overdue/.test(l.command?.title ?? '')), JSON.stringify(lenses));
    const outline = features.outline.answer as { isPostmortem: boolean; actionItems: Array<{ line: number }> };
    assert.ok(outline.isPostmortem);
    assert.deepEqual(outline.actionItems.map((a) => a.line), [withProse(5).split('\n').findIndex((l) => l.includes('queue depth.')), withProse(5).split('\n').findIndex((l) => l.includes('dashboard'))]);
  });

  it('what crosses for them does not grow with the document\'s prose', async () => {
    const small = await crossedForFeatures(10);
    const large = await crossedForFeatures(400);
    for (const name of Object.keys(small)) {
      const size = (c: Crossing[]) => c.reduce((n, x) => n + x.size, 0);
      assert.ok(size(large[name].crossings) < 1.2 * size(small[name].crossings), `${name}: ${size(small[name].crossings)} → ${size(large[name].crossings)}`);
    }
  });

  it('the workspace index reads an open document\'s items through a query, with their lines', async () => {
    const { crossed, documents, service } = setup();
    const text = withProse(3);
    documents.set(DOC, text);
    await service.diagnostics(DOC);
    crossed.length = 0;
    await service.indexOpenDocument(DOC);
    assert.deepEqual(crossed.map((c) => `${c.kind} ${c.query}`), ['query index']);
    const items = service.actionItems().items.filter((i) => i.uri === DOC);
    const lines = text.split('\n');
    assert.deepEqual(items.map((i) => [i.line, i.owner, i.overdue]), [
      [lines.findIndex((l) => l.includes('queue depth.')), '@ana', false],
      [lines.findIndex((l) => l.includes('dashboard')), null, true],
    ]);
    assert.ok(service.actionItems().items.length === 2);
    assert.ok((await service.owners()).includes('@ana'));
  });
});

describe('run: onSave re-check after new tracker states', function () {
  this.timeout(20_000);
  const TRACKED = `${postmortem(1)}- [x] Add a canary. Owner: @dana. Due: 2026-12-01. octo/app#1\n`;
  const drift = (diagnostics: Diagnostic[] | undefined) => (diagnostics ?? []).filter((d) => d.code === 'action-item-drift').map((d) => d.range.start.line);

  it('analyses the saved text through the analysis host, not on the main thread', async () => {
    const { crossed, documents, service } = setup({ run: 'onSave' });
    let states: Record<string, TrackerState> = {};
    service.useTrackerStates(() => states);
    documents.set(DOC, TRACKED);
    assert.deepEqual(drift(await service.diagnostics(DOC)), []);
    documents.set(DOC, `Two lines typed\nabove everything.\n${TRACKED}`);
    states = { 'github:octo/app#1': { state: 'open' } };
    service.trackerStatesChanged();
    crossed.length = 0;
    assert.deepEqual(drift(await service.diagnostics(DOC)), [TRACKED.split('\n').length - 2]);
    assert.ok(crossed.some((c) => c.kind === 'run' && c.text === TRACKED), 'the saved text went to the host');
  });

  it('keeps the re-check pending when it could not be made, and makes it on the next answer', async () => {
    const { documents, hooks, service } = setup({ run: 'onSave' });
    let states: Record<string, TrackerState> = {};
    service.useTrackerStates(() => states);
    documents.set(DOC, TRACKED);
    await service.diagnostics(DOC);
    documents.set(DOC, `typed\n${TRACKED}`);
    states = { 'github:octo/app#1': { state: 'open' } };
    service.trackerStatesChanged();
    // A newer version's analysis took the worker while the saved text was being re-checked.
    hooks.supersede = TRACKED;
    assert.equal(await service.diagnostics(DOC), undefined, 'no answer from the old findings: the client asks again');
    assert.deepEqual(drift(await service.diagnostics(DOC)), [TRACKED.split('\n').length - 2]);
  });
});

describe('follow-through report models', () => {
  it('are analysed by the analysis host, apart from the open documents\' workers, and one stopped over budget is skipped', async () => {
    const { crossed, documents, hooks, service } = setup();
    const text = postmortem(2);
    // The same text open in the editor: the report still analyses it on a worker of its own.
    documents.set(DOC, text);
    await service.diagnostics(DOC);
    assert.deepEqual(crossed.filter((c) => c.kind === 'run').map((c) => c.uri), [DOC]);
    crossed.length = 0;
    const model = await service.reportModel(text, resolveConfig([]), NOW);
    assert.equal(model?.actionItems.length, 2);
    const runs = crossed.filter((c) => c.kind === 'run');
    assert.equal(runs.length, 1);
    assert.ok(runs[0].uri && !documents.all().some((d) => d.uri === runs[0].uri), `the report ran on ${runs[0].uri}, an open document's worker`);
    hooks.overBudget = text;
    assert.equal(await service.reportModel(text, resolveConfig([]), NOW), undefined);
  });

  it('of two reports drawn at once take turns on the report worker: neither drops the other\'s files', async () => {
    const { hooks, service } = setup();
    hooks.sameWorkerSupersedes = { superseded: 0 };
    const files = [postmortem(1), postmortem(2), postmortem(3)];
    const report = () => Promise.all(files.map((text) => service.reportModel(text, resolveConfig([]), NOW)));
    const [first, second] = await Promise.all([report(), report()]);
    assert.equal(hooks.sameWorkerSupersedes.superseded, 0);
    assert.deepEqual(first.map((m) => m?.actionItems.length), [1, 2, 3]);
    assert.deepEqual(second.map((m) => m?.actionItems.length), [1, 2, 3]);
  });
});

describe('a document closed while its configuration is read', () => {
  it('is not analysed: no worker is started for a closed document', async () => {
    const crossed: Crossing[] = [];
    const documents = new MemoryDocuments();
    let release: () => void = () => undefined;
    const settingsRead = new Promise<void>((resolve) => (release = resolve));
    const service = new PostmortemService(documents, { fs: memoryFileSystem({}), now: () => NOW, analysisHost: recordingHost(crossed, {}), settings: async () => (await settingsRead, {}) });
    documents.set(DOC, postmortem(1));
    const answer = service.diagnostics(DOC);
    documents.close(DOC);
    release();
    await answer;
    assert.deepEqual(crossed.filter((c) => c.kind === 'run'), []);
  });
});
