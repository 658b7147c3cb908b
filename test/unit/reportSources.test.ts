// The follow-through report in the editor reads open documents as the editor has them, and like
// files on disk only within postmortem.maxFileSize: one over the limit is never read whole.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { resolveConfig } from '../../server/src/config/resolve';
import type { ResolvedConfig } from '../../server/src/config/types';
import { analyze } from '../../server/src/engine/analyze';
import { followThroughReport } from '../../server/src/followThroughRequest';
import { LineDocument } from '../../server/src/handlers/openDocuments';
import { reportSources } from '../../server/src/handlers/trackerStates';
import { DEFAULT_SETTINGS, type DocumentConfig } from '../../server/src/settings';
import type { FileSystem } from '../../server/src/service/fileSystem';

const DOC = '# Queue backlog postmortem\n\n## Action items\n\n- [ ] Add a queue depth alert. Owner: @ana. Due: 2026-03-01.\n';
const SMALL = 'file:///w/small.md';
const LARGE = 'file:///w/large.md';

/** An open document kept as lines that records every time its whole text is built. */
class WatchedDocument extends LineDocument {
  wholeReads = 0;
  override getText(range?: Parameters<LineDocument['getText']>[0]): string {
    if (!range) this.wholeReads++;
    return super.getText(range);
  }
}

describe('follow-through report sources in the editor', () => {
  it('skips an open document over postmortem.maxFileSize without building its text, and does not read its file instead', async () => {
    const large = new WatchedDocument(LARGE, 'markdown', 1, `${DOC}${'More notes.\n'.repeat(200)}`);
    const small = TextDocument.create(SMALL, 'markdown', 1, DOC);
    const open = new Map<string, TextDocument>([[LARGE, large], [SMALL, small]]);
    const read: string[] = [];
    const fs = {
      readFile: async (uri: string) => {
        read.push(uri);
        return DOC;
      },
      stat: async () => ({ size: DOC.length }),
    } as unknown as FileSystem;
    const settings = { ...DEFAULT_SETTINGS, maxFileSize: 1000 };
    const service = {
      settings, now: () => new Date('2026-03-02T00:00:00Z'),
      documentConfig: async () => ({ config: resolveConfig([]), settings }) as unknown as DocumentConfig,
      reportModel: async (text: string, config: ResolvedConfig, now: Date) => analyze(text, { config, now }).model,
    };
    const sources = reportSources({ get: (uri) => open.get(uri) }, service, fs, () => undefined);
    const result = await followThroughReport({ files: [{ uri: SMALL, label: 'small.md' }, { uri: LARGE, label: 'large.md' }] }, sources);
    assert.equal(result?.postmortems, 1);
    assert.deepEqual(Object.keys(result?.links ?? {}), ['small.md']);
    assert.equal(large.wholeReads, 0, 'the large document was not read whole');
    assert.deepEqual(read, [], 'its file on disk was not read in its place');
  });
});

describe('follow-through report analyses', () => {
  it('are made through the sources\' analysis when there is one (the editor\'s analysis host), and a file it skips is left out', async () => {
    const files: Record<string, string> = { 'file:///w/a.md': DOC, 'file:///w/slow.md': DOC.replace('Queue backlog', 'Slow') };
    const analysed: string[] = [];
    const result = await followThroughReport({ files: Object.keys(files).map((uri) => ({ uri, label: uri.slice(10) })) }, {
      openText: () => undefined,
      readFile: async (uri) => files[uri],
      stat: async (uri) => ({ size: files[uri].length }),
      isPostmortem: () => true,
      configFor: async () => resolveConfig([]),
      maxFileSize: () => 10_000,
      trackerStates: () => undefined,
      now: () => new Date('2026-03-02T00:00:00Z'),
      analyze: async (text, config, now) => {
        analysed.push(text);
        return text.includes('Slow') ? undefined : analyze(text, { config, now }).model;
      },
    });
    assert.equal(analysed.length, 2);
    assert.equal(result?.postmortems, 1);
    assert.deepEqual(Object.keys(result?.links ?? {}), ['a.md']);
  });
});
