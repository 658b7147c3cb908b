// Code actions take a finding's fixes by its place among the version's findings. When the worker
// moved on, the version is analysed again for them: that analysis must find the same findings (the
// same date, the same rules), and when it does not, nothing is offered rather than another finding's fix.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeActionParams, Diagnostic } from 'vscode-languageserver';
import type { AnalysisHost, Outcome } from '../../server/src/analysis/host';
import type { ResolvedConfig } from '../../server/src/config/types';
import { AnalysisCache } from '../../server/src/documents';
import { analyze } from '../../server/src/engine/analyze';
import { configFor, withDefaults } from '../../server/src/settings';
import { PostmortemService, type DocumentStore } from '../../server/src/service/languageService';
import { memoryFileSystem } from '../helpers/memoryFileSystem';

const DOC = 'file:///ws/postmortems/outage.md';
const DAY = 24 * 60 * 60 * 1000;
// The first item falls due on the first day; the others lack an owner (each has a fix that adds one).
const TEXT = [
  '# Postmortem: cache outage', '', '## Summary', '', 'The cache returned stale pages for an hour.', '', '## Action items', '',
  '- [ ] Expire cache keys on deploy. Owner: @lee. Due: 2026-12-01',
  '- [ ] Alert on the hit ratio. Due: 2026-12-20',
  '- [ ] Write the cache runbook. Due: 2026-12-20',
  '',
].join('\n');

/**
 * A worker that keeps nothing once it answered (as when another version took it): every fix is had
 * by analysing again, in full. `drift` days are added to the date that full analysis is given; the
 * first `refused` full analyses are retired before they answer.
 */
function forgetfulHost(drift: () => number, refused: { count: number }): AnalysisHost {
  const host = {
    setLog: () => undefined, forget: () => undefined, dispose: () => undefined,
    async run(_uri: string, text: string, config: ResolvedConfig, now: Date, stale: () => boolean, _states: unknown, full = false): Promise<Outcome> {
      if (stale()) return { kind: 'stale' };
      if (full && refused.count > 0) {
        refused.count--;
        return { kind: 'stale' };
      }
      const analysis = analyze(text, { config, now: full ? new Date(now.getTime() + drift() * DAY) : now });
      const details = { model: analysis.model, findings: analysis.findings };
      const findings = analysis.findings.map(({ fix: _fix, suggestions: _suggestions, ...rest }) => rest);
      return { kind: 'done', analysis: { text, findings, errors: analysis.errors, notices: analysis.notices, details: async () => (full ? details : undefined), pick: async () => undefined, query: async () => undefined } };
    },
  };
  return host as unknown as AnalysisHost;
}

function setup(clock: { now: Date }, drift = () => 0, refused = { count: 0 }) {
  const doc = TextDocument.create(DOC, 'markdown', 1, TEXT);
  const documents: DocumentStore = { get: (uri) => (uri === DOC ? doc : undefined), all: () => [doc] };
  return new PostmortemService(documents, { fs: memoryFileSystem({}), now: () => clock.now, analysisHost: forgetfulHost(drift, refused), settings: async () => ({ rules: { 'action-item-tracked': { severity: 'off' } } }) });
}

const forDiagnostic = (diagnostic: Diagnostic): CodeActionParams => ({ textDocument: { uri: DOC }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
/** Every line an offered action edits, other than disable comments (which go on the finding's own line or the file's top). */
const editedLines = (actions: Awaited<ReturnType<PostmortemService['codeActions']>>) =>
  (actions ?? []).filter((a) => !a.title.startsWith('Disable')).flatMap((a) => a.edit?.changes?.[DOC]?.map((e) => e.range.start.line) ?? []);

describe('code actions and symbols from an analysis had again', () => {
  it('take the same date as the version\'s findings, so a day passing does not move a fix to another finding', async () => {
    const clock = { now: new Date('2026-11-30T12:00:00Z') };
    const service = setup(clock);
    const owners = (await service.diagnostics(DOC))!.filter((d) => d.code === 'action-item-owner');
    const last = owners.at(-1)!;
    // Midnight passed: the first item is now overdue, one finding more before the owners'.
    clock.now = new Date('2026-12-02T12:00:00Z');
    const actions = await service.codeActions(forDiagnostic(last));
    const preferred = actions?.find((a) => a.isPreferred);
    assert.ok(preferred, 'the owner fix is offered');
    assert.deepEqual(editedLines([preferred]), [last.range.start.line]);
  });

  it('offer no fix, and do not fail, when the analysis had again found other findings', async () => {
    const clock = { now: new Date('2026-11-30T12:00:00Z') };
    const service = setup(clock, () => 2);
    const diagnostics = (await service.diagnostics(DOC))!;
    for (const diagnostic of diagnostics.filter((d) => d.code === 'action-item-owner')) {
      const actions = await service.codeActions(forDiagnostic(diagnostic));
      assert.deepEqual(editedLines(actions).filter((line) => line !== diagnostic.range.start.line), [], 'no fix for another finding');
    }
    const all = await service.codeActions({ textDocument: { uri: DOC }, range: diagnostics[0].range, context: { diagnostics, only: ['source.fixAll.postmortem'] } });
    assert.ok(all === undefined || all.length === 0);
  });

  it('are had again on the next ask after one attempt got nothing', async () => {
    const clock = { now: new Date('2026-11-30T12:00:00Z') };
    const refused = { count: 1 };
    const service = setup(clock, () => 0, refused);
    const owners = (await service.diagnostics(DOC))!.filter((d) => d.code === 'action-item-owner');
    assert.equal(await service.documentSymbols(DOC), undefined, 'the first attempt lost the worker');
    assert.ok((await service.documentSymbols(DOC))?.length, 'the next ask has the symbols');
    const actions = await service.codeActions(forDiagnostic(owners[0]));
    assert.ok(actions?.some((a) => a.isPreferred), 'and the fixes');
  });

  it('are not had again for a version already superseded, so the newer version keeps the worker', async () => {
    const runs: boolean[] = [];
    const host = forgetfulHost(() => 0, { count: 0 });
    const recording = { ...host, run: (...args: Parameters<AnalysisHost['run']>) => (runs.push(args[6] ?? false), host.run(...args)) } as unknown as AnalysisHost;
    let current = 1;
    const cache = new AnalysisCache(() => new Date('2026-11-30T12:00:00Z'), () => current, undefined, recording);
    const checked = await cache.get(TextDocument.create(DOC, 'markdown', 1, TEXT), configFor(withDefaults({})));
    assert.ok(checked);
    current = 2;
    assert.equal(await checked.full(), undefined);
    assert.deepEqual(runs, [false], 'no analysis in full was started for version 1');
  });
});
