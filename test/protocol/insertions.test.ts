import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ActionItemInsertionRequest, TimelineInsertionRequest, type Insertion, type InsertionAnswer } from '../../server/src/protocol';
import { TestClient } from '../helpers/lspClient';

const HEAD = '---\ntype: postmortem\ntimezone: UTC\n---\n\n# Incident\n\n';

describe('insertion requests (Add Action Item, Insert Timeline Entry)', () => {
  let client: TestClient;
  let n = 0;
  before(async () => {
    client = new TestClient();
    await client.initialize({});
  });
  after(() => client.stop());

  async function insert(method: string, text: string, params: Record<string, unknown>): Promise<{ text: string; cursorLine: string }> {
    const uri = `file:///tmp/postmortems/insert-${n++}.md`;
    await client.open(uri, text);
    const result = await client.connection.sendRequest<Insertion>(method, { uri, ...params });
    const doc = TextDocument.update(TextDocument.create(uri, 'markdown', 1, text), [{ range: result.edit.range, text: result.edit.newText }], 2);
    const line = doc.getText().split('\n')[result.cursor.line];
    return { text: doc.getText(), cursorLine: line.slice(0, result.cursor.character) };
  }

  it('adds an action item as a table row, columns in the table\'s order', async () => {
    const r = await insert(ActionItemInsertionRequest, `${HEAD}## Action items\n\n| Action | Due | Owner | Status |\n| --- | --- | --- | --- |\n| Old | 2026-01-01 | @a | open |\n`, { text: 'Alert on rejected batches', owner: 'ana', due: '2026-12-15' });
    assert.match(r.text, /\| Old \| 2026-01-01 \| @a \| open \|\n\| Alert on rejected batches \| 2026-12-15 \| @ana \| open \|/);
  });

  it('adds an action item as a task in a list, or creates the section', async () => {
    const list = await insert(ActionItemInsertionRequest, `${HEAD}## Action items\n\n- [ ] Old. Owner: @a. Due: 2026-01-01\n\n## Notes\n`, { text: 'Add a canary.', owner: '@ben', due: '2026-12-20' });
    assert.match(list.text, /- \[ \] Old\. Owner: @a\. Due: 2026-01-01\n- \[ \] Add a canary\. Owner: @ben\. Due: 2026-12-20\.\n\n## Notes/);
    const none = await insert(ActionItemInsertionRequest, `${HEAD}## Summary\n\nText.\n`, { text: 'Add a canary', owner: 'ben', due: '2026-12-20' });
    assert.match(none.text, /## Action items\n\n- \[ \] Add a canary\. Owner: @ben\. Due: 2026-12-20\.\n$/);
  });

  it('creates the timeline section when there is none, in canonical order', async () => {
    const r = await insert(TimelineInsertionRequest, `${HEAD}## Summary\n\nText.\n\n## Root cause\n\nText.\n`, { now: '2026-11-29T14:02:00Z' });
    assert.match(r.text, /## Summary\n\nText\.\n\n## Timeline\n\nAll times in UTC\.\n\n- 2026-11-29 14:02 \n\n## Root cause/);
    assert.equal(r.cursorLine, '- 2026-11-29 14:02 ');
  });

  it('names the version it was placed in, and says why when there is no insertion', async () => {
    const uri = `file:///tmp/postmortems/insert-${n++}.md`;
    await client.open(uri, `${HEAD}## Timeline\n\n- 2020-01-01 10:00 A.\n`, 7);
    const placed = await client.connection.sendRequest<InsertionAnswer>(TimelineInsertionRequest, { uri, now: '2026-07-01T12:00:00Z' });
    assert.equal((placed as Insertion).version, 7);
    const readme = 'file:///tmp/docs/README.md';
    await client.open(readme, '# Readme\n\nHow to build.\n');
    assert.deepEqual(await client.connection.sendRequest<InsertionAnswer>(ActionItemInsertionRequest, { uri: readme, text: 'x', owner: 'a', due: '2026-12-20' }), { reason: 'not-postmortem' });
  });

  it('writes the time in the document\'s zone', async () => {
    const r = await insert(TimelineInsertionRequest, '---\ntype: postmortem\ntimezone: Europe/Berlin\n---\n\n# I\n\n## Timeline\n\n- 2020-01-01 10:00 A.\n', { now: '2026-07-01T12:00:00Z' });
    assert.match(r.text, /- 2020-01-01 10:00 A\.\n- 2026-07-01 14:00 \n$/);
  });
});
