// Quick fixes never edit the wrong text: the writer types before the findings (diagnostics lag, or
// `run: onSave` shows the saved version's), then asks for every code action, fix-all included, and
// applies every offered edit to the text as it is now: each must change only the text its finding
// named (or, for a disable comment, that finding's line), whether the client takes plain `changes`
// or versioned `documentChanges`.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lspClient';

// Two findings of one fixable rule (two action items without an owner), and a blame finding with a suggestion.
const TEXT = [
  '# DB outage postmortem', '', '## Summary', '', 'The outage happened because of human error by the on-call engineer.', '',
  '## Impact', '', 'Checkout failed for 20 minutes.', '', '## Timeline', '', '- 2026-11-02 10:00 Deploy started.', '- 2026-11-02 10:20 Rolled back.', '',
  '## Root cause', '', 'The deploy raised the pool size past the database limit, and no check compared the two.', '',
  '## Detection', '', 'An alert on checkout errors fired after two minutes.', '', '## What went well', '', 'The rollback took three minutes.', '',
  '## Action items', '', '- [ ] Add an alert on pool size. Due: 2026-12-15', '- [ ] Check pool limits in CI. Due: 2026-12-16', '',
].join('\n');

/**
 * Typed before the findings, in order, without saving: in the title, before the blame on its line, and
 * a line above the action items (none of it adds or removes a finding, so fix-all has only the named ones to fix).
 */
const TYPED: Array<[line: number, character: number, text: string]> = [[0, 5, 'zz'], [4, 0, 'Last week: '], [27, 15, '\nThe team agreed on these.']];

interface Named { diagnostic: Diagnostic; text: string; start: number; end: number }

for (const run of ['onType', 'onSave'] as const) {
  for (const shape of ['changes', 'documentChanges'] as const) {
    describe(`quick fixes after typing before the findings (run: ${run}, ${shape})`, function () {
      this.timeout(30_000);
      let client: TestClient;
      const uri = `file:///tmp/postmortems/stale-${run}-${shape}.md`;

      before(async () => {
        client = new TestClient();
        client.settings = { run };
        await client.initialize({ textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { configuration: true, workspaceEdit: { documentChanges: shape === 'documentChanges' } } });
      });
      after(() => client.stop());

      /** The edits of an action, in the shape this client takes; versioned ones must name the current version. */
      function editsOf(action: CodeAction, doc: TextDocument): TextEdit[] {
        if (shape === 'changes') return action.edit!.changes![uri];
        assert.equal(action.edit!.changes, undefined, action.title);
        const [change, ...rest] = action.edit!.documentChanges as TextDocumentEdit[];
        assert.equal(rest.length, 0, action.title);
        assert.deepEqual(change.textDocument, { uri, version: doc.version }, `${action.title} names the current version`);
        return change.edits as TextEdit[];
      }

      it('every offered edit, fix-all included, changes only the text its finding named, in the current version', async () => {
        const original = TextDocument.create(uri, 'markdown', 1, TEXT);
        await client.open(uri, TEXT);
        const report = await client.connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
        const stale = report.items.filter((d) => d.source === 'postmortem');
        const owners = stale.filter((d) => d.code === 'action-item-owner');
        assert.equal(owners.length, 2, JSON.stringify(stale.map((d) => d.code)));
        assert.ok(stale.some((d) => d.code === 'no-blame-language'));

        // Type, keeping where every named text is now.
        let doc = original;
        let named: Named[] = stale.map((diagnostic) => ({ diagnostic, text: original.getText(diagnostic.range), start: original.offsetAt(diagnostic.range.start), end: original.offsetAt(diagnostic.range.end) }));
        for (const [line, character, text] of TYPED) {
          const at = doc.offsetAt({ line, character });
          const position = doc.positionAt(at);
          named = named.map((n) => ({ ...n, start: n.start >= at ? n.start + text.length : n.start, end: n.end > at ? n.end + text.length : n.end }));
          doc = TextDocument.update(doc, [{ range: { start: position, end: position }, text }], doc.version + 1);
          await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [{ range: { start: position, end: position }, text }] });
        }
        for (const n of named) assert.equal(doc.getText().slice(n.start, n.end), n.text, 'typed only before the findings');

        const inside = (edit: TextEdit, n: Named) => doc.offsetAt(edit.range.start) >= n.start && doc.offsetAt(edit.range.end) <= n.end;
        const titles: string[] = [];
        for (const finding of named) {
          const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
            textDocument: { uri }, range: finding.diagnostic.range, context: { diagnostics: [finding.diagnostic], only: ['quickfix', 'source.fixAll'] },
          });
          for (const action of actions.filter((a) => a.edit)) {
            titles.push(action.title);
            const edits = editsOf(action, doc);
            assert.ok(edits.length > 0, action.title);
            for (const edit of edits) {
              const empty = doc.offsetAt(edit.range.start) === doc.offsetAt(edit.range.end);
              if (/^Disable .* for this line$/.test(action.title)) {
                assert.ok(empty && edit.range.start.line === doc.positionAt(finding.start).line, `${action.title} goes on the finding's current line`);
              } else if (/^Disable .* for this file$/.test(action.title)) {
                assert.ok(empty && doc.offsetAt(edit.range.start) === 0 && /^<!-- postmortem-disable-file [\w-]+ -->\n+$/.test(edit.newText), action.title);
              } else if (action.diagnostics?.length) {
                assert.ok(inside(edit, finding), `${action.title} changes "${doc.getText(edit.range)}" at line ${edit.range.start.line}, not the named "${finding.text}"`);
              } else {
                // Fix all of a rule, or of the document: each edit within one finding of that rule (or any rule) named.
                const rule = /^Fix all (\S+) problems/.exec(action.title)?.[1];
                assert.ok(named.some((n) => (!rule || n.diagnostic.code === rule) && inside(edit, n)), `${action.title} changes "${doc.getText(edit.range)}" at line ${edit.range.start.line}, outside every named finding`);
              }
            }
            const after = TextDocument.applyEdits(doc, edits);
            for (const [, , typed] of TYPED) assert.ok(after.includes(typed), `${action.title} keeps the typed "${typed}"`);
          }
        }
        // Every kind of fix was offered and applied: both owner fixes, fix all of the rule, fix all of the document, a suggestion.
        assert.equal(titles.filter((t) => t === 'Add an owner placeholder').length, 2, titles.join(' | '));
        assert.ok(titles.includes('Fix all action-item-owner problems in this document'), titles.join(' | '));
        assert.ok(titles.includes('Fix all safe postmortem problems'), titles.join(' | '));
        assert.ok(titles.some((t) => t.startsWith('Replace with')), titles.join(' | '));
      });

      it('fix-all fixes each named finding of the rule once, and nothing else', async () => {
        const doc = TextDocument.create(uri, 'markdown', 1 + TYPED.length, TYPED.reduce((text, [line, character, typed]) => {
          const d = TextDocument.create(uri, 'markdown', 1, text);
          const at = d.offsetAt({ line, character });
          return text.slice(0, at) + typed + text.slice(at);
        }, TEXT));
        const owners = (await client.connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } })).items.filter((d) => d.code === 'action-item-owner');
        const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: owners[0].range, context: { diagnostics: owners, only: ['source.fixAll'] } });
        assert.equal(actions.length, 1, actions.map((a) => a.title).join());
        const after = TextDocument.applyEdits(doc, editsOf(actions[0], doc));
        assert.deepEqual(after.split('\n').filter((l) => l.startsWith('- [ ]')), ['- [ ] Add an alert on pool size. Due: 2026-12-15 Owner: @owner.', '- [ ] Check pool limits in CI. Due: 2026-12-16 Owner: @owner.']);
        assert.equal(after.replace(/ Owner: @owner\./g, ''), doc.getText());
      });
    });
  }
}
