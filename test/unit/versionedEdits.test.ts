// Edits name the version they were made for: code actions as versioned documentChanges (when the
// client takes them), insertions with their version and, when there is none, the reason; the client
// applies an insertion only to that version.
import assert from 'node:assert/strict';
import type { CodeAction, CodeActionParams, Diagnostic, InitializeParams, TextDocumentEdit } from 'vscode-languageserver';
import { clientAbilities } from '../../server/src/handlers/capabilities';
import { wireData } from '../../server/src/features/diagnostics';
import { sameDiagnostics } from '../../server/src/handlers/diagnostics';
import type { Insertion, InsertionAnswer } from '../../server/src/protocol';
import { PostmortemService } from '../../server/src/service/languageService';
import { insertionOutcome, settledInsertion } from '../../client/src/commands/insertionAnswer';
import { MemoryDocuments } from '../helpers/memoryDocuments';
import { memoryFileSystem } from '../helpers/memoryFileSystem';

const DOC = 'file:///ws/postmortems/outage.md';
const TEXT = '# Postmortem: outage\n\n## Summary\n\nBob forgot to run the migration.\n\n## Timeline\n\n- 10:00 UTC Deploy started\n\n## Action items\n\n- [ ] Add a migration check. Due: 2026-12-15\n- [ ] Page on errors. Due: 2026-12-16\n';

function setup(settings: Record<string, unknown> = {}) {
  const documents = new MemoryDocuments();
  const service = new PostmortemService(documents, { fs: memoryFileSystem({}), now: () => new Date('2026-11-29T12:00:00Z'), settings: async () => settings });
  return { documents, service };
}

const params = (diagnostics: Diagnostic[], only?: string[]): CodeActionParams => ({ textDocument: { uri: DOC }, range: diagnostics[0].range, context: { diagnostics, only } });
const withEdits = (actions: CodeAction[] | undefined) => (actions ?? []).filter((a) => a.edit);

describe('versioned edits', () => {
  it('reads workspace.workspaceEdit.documentChanges from the client capabilities', () => {
    assert.equal(clientAbilities({ capabilities: { workspace: { workspaceEdit: { documentChanges: true } } } } as InitializeParams).documentChanges, true);
    assert.equal(clientAbilities({ capabilities: {} } as InitializeParams).documentChanges, false);
  });

  it('code actions, fix-all included, name the version they were made for when the client takes documentChanges', async () => {
    const { documents, service } = setup();
    documents.set(DOC, TEXT);
    documents.set(DOC, `Typed above.\n${TEXT}`);
    const diagnostics = (await service.diagnostics(DOC))!.filter((d) => d.source === 'postmortem');
    const quick = withEdits(await service.codeActions(params(diagnostics), undefined, 'documentChanges'));
    const fixAll = withEdits(await service.codeActions(params(diagnostics, ['source.fixAll']), undefined, 'documentChanges'));
    assert.ok(quick.length > 2 && fixAll.length === 1, `${quick.length} quick fixes, ${fixAll.length} fix-all`);
    for (const action of [...quick, ...fixAll]) {
      assert.equal(action.edit!.changes, undefined, action.title);
      const [change] = action.edit!.documentChanges as TextDocumentEdit[];
      assert.deepEqual(change.textDocument, { uri: DOC, version: 2 }, action.title);
      assert.ok(change.edits.length > 0, action.title);
    }
  });

  it('a stale diagnostic gets its own finding\'s fix, not that of a neighbour that moved into its old place', async () => {
    const { documents, service } = setup();
    documents.set(DOC, TEXT);
    const owners = (await service.diagnostics(DOC))!.filter((d) => d.code === 'action-item-owner');
    assert.equal(owners.length, 2);
    // A line typed above the list: the first item now sits where the second one was.
    documents.set(DOC, TEXT.replace('## Action items\n', '## Action items\nAgreed in the review.\n'));
    const actions = (await service.codeActions(params([owners[1]])))!;
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix, actions.map((a) => a.title).join());
    const line = fix.edit!.changes![DOC][0].range.start.line;
    assert.equal(line, owners[1].range.start.line + 1, 'the second item, one line down');
  });

  it('a repeated phrase: a stale diagnostic keeps its own occurrence, and gets no fix once another occurrence is gone', async () => {
    const { documents, service } = setup();
    const twice = TEXT.replace('Bob forgot to run the migration.', 'Obviously the queue filled up.').replace('## Action items\n', '## Root cause\n\nObviously the queue filled up.\n\n## Action items\n');
    documents.set(DOC, twice);
    const minimizers = (await service.diagnostics(DOC))!.filter((d) => d.code === 'no-hindsight-minimizer');
    assert.equal(minimizers.length, 2);
    // Where the fix and the disable-line comment land (disabling for the whole file goes at the top, wherever the finding is).
    const fixLines = async (d: Diagnostic) => withEdits(await service.codeActions(params([d]))).flatMap((a) => a.edit!.changes![DOC].filter((e) => !e.newText.includes('disable-file')).map((e) => e.range.start.line));
    // A line typed at the top: both occurrences move down one line; the first's fixes stay on the first.
    documents.set(DOC, `Draft.\n${twice}`);
    const moved = await fixLines(minimizers[0]);
    assert.ok(moved.length > 0 && moved.every((l) => l === minimizers[0].range.start.line + 1), JSON.stringify(moved));
    // The first occurrence rewritten by hand: its lingering diagnostic must not lend its fix to the second.
    documents.set(DOC, `Draft.\n${twice.replace('Obviously the queue filled up.', 'The queue filled up.')}`);
    assert.deepEqual(await fixLines(minimizers[0]), []);
  });

  it('a report whose named text changed in place is published again (its diagnostics carry the new fingerprint)', () => {
    const range = { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } };
    const diagnostic = (named: string, twin = '0/1'): Diagnostic => ({ range, message: 'm', code: 'r', source: 'postmortem', data: wireData(1, named, twin) });
    assert.equal(sameDiagnostics([diagnostic('4:abc')], [diagnostic('4:abc')]), true);
    assert.equal(sameDiagnostics([diagnostic('4:abc')], [diagnostic('4:abd')]), false);
    assert.equal(sameDiagnostics([diagnostic('4:abc', '0/1')], [diagnostic('4:abc', '0/2')]), false, 'one more of the same phrase elsewhere');
  });

  it('clients without documentChanges get plain changes', async () => {
    const { documents, service } = setup();
    documents.set(DOC, TEXT);
    const diagnostics = (await service.diagnostics(DOC))!.filter((d) => d.source === 'postmortem');
    const actions = withEdits(await service.codeActions(params(diagnostics)));
    assert.ok(actions.length > 2);
    for (const action of actions) assert.ok(action.edit!.changes?.[DOC]?.length && !action.edit!.documentChanges, action.title);
  });

  it('an insertion names the version it was placed in', async () => {
    const { documents, service } = setup();
    documents.set(DOC, TEXT);
    documents.set(DOC, `${TEXT}\nMore.\n`);
    const entry = (await service.timelineInsertion({ uri: DOC, now: '2026-11-29T11:15:00Z' })) as Insertion;
    const item = (await service.actionItemInsertion({ uri: DOC, text: 'Load-test', owner: 'ana', due: '2026-12-20' })) as Insertion;
    assert.equal(entry.version, 2);
    assert.equal(item.version, 2);
  });

  it('no insertion: the reason is "not a postmortem" only for a document that is not one', async () => {
    const readme = 'file:///ws/README.md';
    const { documents, service } = setup({ maxFileSize: 200 });
    documents.set(readme, '# Readme\n\nHow to build.\n');
    assert.deepEqual(await service.timelineInsertion({ uri: readme, now: '2026-11-29T11:15:00Z' }), { reason: 'not-postmortem' });
    documents.set(DOC, TEXT);
    assert.deepEqual(await service.actionItemInsertion({ uri: DOC, text: 'x', owner: 'a', due: '2026-12-20' }), { reason: 'too-large' });
  });

  it('no insertion when the document changed while it was placed: the reason says so', async () => {
    const { documents, service } = setup();
    documents.set(DOC, TEXT);
    const pending = service.timelineInsertion({ uri: DOC, now: '2026-11-29T11:15:00Z' });
    documents.set(DOC, `${TEXT}\nTyped meanwhile.\n`);
    assert.deepEqual(await pending, { reason: 'superseded' });
    assert.equal(((await service.timelineInsertion({ uri: DOC, now: '2026-11-29T11:15:00Z' })) as Insertion).version, 2);
  });
});

describe('the client applies an insertion only to its version', () => {
  const insertion = (version: number): Insertion => ({ edit: { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: 'x' }, cursor: { line: 1, character: 1 }, version });

  it('applies the answer made for the version the editor holds', () => {
    assert.deepEqual(insertionOutcome(insertion(4), 4), { kind: 'apply', insertion: insertion(4) });
  });

  it('refuses an answer made for another version, or without one, and tells each reason apart', () => {
    assert.deepEqual(insertionOutcome(insertion(4), 5), { kind: 'refused', why: 'moved' });
    const { version: _, ...unversioned } = insertion(4);
    assert.deepEqual(insertionOutcome(unversioned as Insertion, 4), { kind: 'refused', why: 'moved' });
    assert.deepEqual(insertionOutcome({ reason: 'too-large' }, 4), { kind: 'refused', why: 'too-large' });
    assert.deepEqual(insertionOutcome({ reason: 'not-postmortem' }, 4), { kind: 'refused', why: 'not-postmortem' });
    assert.deepEqual(insertionOutcome(null, 4), { kind: 'refused', why: 'no-answer' });
    assert.deepEqual(insertionOutcome({ withheld: 'Checking this document took too long.' }, 4), { kind: 'refused', why: 'withheld', detail: 'Checking this document took too long.' });
  });

  it('asks again while the user types, then applies the answer that fits', async () => {
    let version = 1;
    // Typed during the first two requests: the first answer is for version 1 (the editor is at 2), the second was superseded.
    const answers: InsertionAnswer[] = [insertion(1), { reason: 'superseded' }, insertion(3)];
    const asked: number[] = [];
    const outcome = await settledInsertion(async () => {
      asked.push(version);
      if (asked.length <= 2) version++;
      return answers.shift()!;
    }, () => version, 5);
    assert.deepEqual(asked, [1, 2, 3]);
    assert.deepEqual(outcome, { kind: 'apply', insertion: insertion(3) });
  });

  it('gives up after a few tries, and never retries a refusal that asking again cannot fix', async () => {
    let asks = 0;
    const moving = await settledInsertion(async () => (asks++, insertion(0)), () => 1, 3);
    assert.deepEqual([moving, asks], [{ kind: 'refused', why: 'moved' }, 3]);
    asks = 0;
    const notOne = await settledInsertion(async () => (asks++, { reason: 'not-postmortem' as const }), () => 1, 3);
    assert.deepEqual([notOne, asks], [{ kind: 'refused', why: 'not-postmortem' }, 1]);
  });
});
