// Quick fixes never edit the wrong text: the writer types before a finding, then applies every fix
// the stale diagnostic offers; each edit must replace exactly the text the finding named.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lspClient';

const TEXT = '# DB outage postmortem\n\n## Summary\n\nThe outage happened because of human error by the on-call engineer.\n\n## Action items\n\n- [ ] Add an alert. Owner: @a\n';

for (const run of ['onType', 'onSave'] as const) {
  describe(`quick fixes after typing before the finding (run: ${run})`, function () {
    this.timeout(30_000);
    let client: TestClient;
    const uri = `file:///tmp/postmortems/stale-${run}.md`;

    before(async () => {
      client = new TestClient();
      client.settings = { run };
      await client.initialize({ textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { configuration: true } });
    });
    after(() => client.stop());

    it('every offered edit replaces the named text, in the current version', async () => {
      let doc = TextDocument.create(uri, 'markdown', 1, TEXT);
      await client.open(uri, TEXT);
      const report = await client.connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
      const stale = report.items.filter((d) => d.code === 'no-blame-language' || d.code === 'action-item-due-date');
      assert.ok(stale.length >= 2, JSON.stringify(report.items.map((d) => d.code)));
      const named = new Map(stale.map((d) => [d, doc.getText(d.range)]));

      // Type before the findings, on the Summary heading and the line above the blame, without saving.
      for (const [at, typed] of [[{ line: 2, character: 8 }, 'zz'], [{ line: 4, character: 0 }, 'Last week: ']] as const) {
        doc = TextDocument.update(doc, [{ range: { start: at, end: at }, text: typed }], doc.version + 1);
        await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [{ range: { start: at, end: at }, text: typed }] });
      }

      let offered = 0;
      for (const diagnostic of stale) {
        const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
        for (const action of actions.filter((a) => a.edit && a.diagnostics?.length)) {
          const edits: TextEdit[] = action.edit!.changes![uri];
          for (const edit of edits) {
            offered++;
            const replaced = doc.getText(edit.range);
            if (replaced !== '') assert.equal(replaced, named.get(diagnostic), `${action.title} replaces "${replaced}"`);
            // Inserted text lands on the finding's current line or where the rule said (never inside a heading).
            const line = doc.getText({ start: { line: edit.range.start.line, character: 0 }, end: { line: edit.range.start.line + 1, character: 0 } });
            assert.ok(!line.startsWith('## Summazz') || edit.range.start.line !== 2, `${action.title} edits the heading`);
          }
          const after = TextDocument.applyEdits(doc, edits);
          assert.ok(after.includes('## Summazz') && after.includes('Last week: '), `${action.title} keeps the typed text`);
        }
      }
      assert.ok(offered > 2, 'fixes were offered against the current version');
    });
  });
}
