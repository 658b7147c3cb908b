// What the main thread does with each version on the way to its diagnostics: it never indexes the
// open document's lines (the analysis places every finding), whatever the document's length.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineDocument } from '../../server/src/handlers/openDocuments';
import { documentLength, PostmortemService } from '../../server/src/service/languageService';
import { memoryFileSystem } from '../helpers/memoryFileSystem';

const DOC = 'file:///ws/postmortems/outage.md';
const TEXT = `# Postmortem: queue outage\n\n## Summary\n\nObviously the queue filled up.\n\n${'Notes from the review.\n'.repeat(400)}`;

/** The editor's document, except that finding a line or a position fails the test. */
function unplaceable(text: string, version: number): TextDocument {
  const real = TextDocument.create(DOC, 'markdown', version, text);
  const refuse = () => assert.fail('the main thread indexed the open document\'s lines');
  return {
    uri: DOC, languageId: 'markdown', version,
    getText: (range) => (range ? refuse() : real.getText()),
    get lineCount() {
      return refuse();
    },
    positionAt: refuse, offsetAt: refuse, getLineRange: refuse, getEOLCharacters: refuse,
  };
}

describe('a keystroke on the main thread', () => {
  it('makes diagnostics without indexing the open document\'s lines', async () => {
    let open = unplaceable(TEXT, 1);
    const service = new PostmortemService({ get: (uri) => (uri === DOC ? open : undefined), all: () => [open] }, { fs: memoryFileSystem({}), now: () => new Date('2026-11-30T12:00:00Z') });
    assert.ok(TEXT.length > 5000, 'longer than the head read to tell a postmortem');
    const first = await service.diagnostics(DOC);
    assert.ok(first?.some((d) => d.code === 'no-hindsight-minimizer'), JSON.stringify(first?.map((d) => d.code)));
    open = unplaceable(TEXT.replace('Obviously the', 'Obviously, the'), 2);
    const second = await service.diagnostics(DOC);
    assert.ok(second?.some((d) => d.code === 'no-hindsight-minimizer'));
  });

  it('reads the length of a document kept as lines without joining them', () => {
    const lines = new LineDocument(DOC, 'markdown', 1, TEXT);
    lines.getText = () => assert.fail('joined the lines');
    assert.equal(documentLength(lines), TEXT.length);
    assert.equal(documentLength(TextDocument.create(DOC, 'markdown', 1, TEXT)), TEXT.length);
  });
});
