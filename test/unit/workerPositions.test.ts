// Diagnostics are placed by the analysis worker, from the line index its analysis built: the server's
// main thread then never indexes a version's lines to answer a keystroke. The worker must place every
// offset exactly where the editor's document would.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { MessagePort } from 'node:worker_threads';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lspPosition } from '../../server/src/analysis/positions';
import { answerQuery } from '../../server/src/features/queries';
import { serveAnalyses, type FindingHeadline, type WorkerAnswer } from '../../server/src/analysis/worker';
import { resolveConfig } from '../../server/src/config/resolve';
import { LineIndex } from '../../server/src/engine/lineIndex';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { toDiagnostics } from '../../server/src/features/diagnostics';

/** Line breaks of every kind, a surrogate pair, an empty line and no break at the end. */
const MIXED = 'a\r\nbc\n\r\n\rde 😀 f\r\r\n\ng';

describe('positions placed by the analysis worker', () => {
  it('are the editor document\'s for every offset, around every kind of line break and outside the text', () => {
    for (const text of [MIXED, '', '\n', '\r', '\r\n', 'x\r', `${MIXED}\n`]) {
      const document = TextDocument.create('file:///t.md', 'markdown', 1, text);
      const lines = new LineIndex(text);
      for (let offset = -2; offset <= text.length + 2; offset++) {
        assert.deepEqual(lspPosition(text, lines, offset), document.positionAt(offset), `${JSON.stringify(text)} at ${offset}`);
      }
    }
  });

  it('cross with each finding, so diagnostics never index the document\'s lines on the main thread', () => {
    const sent: WorkerAnswer[] = [];
    const port = Object.assign(new EventEmitter(), { postMessage: (answer: WorkerAnswer) => sent.push(answer) });
    serveAnalyses(port as unknown as MessagePort, answerQuery);
    const text = '# Outage postmortem\r\n\r\n## Summary\r\n\r\nThe 😀 queue filled up. Obviously the queue filled up.\r\n';
    port.emit('message', { id: 1, text, config: resolveConfig([]), now: Date.parse('2026-11-30T12:00:00Z') });
    const answer = sent.find((a) => 'ok' in a && a.ok) as { findings: FindingHeadline[] };
    assert.ok(answer.findings.length > 0);
    const document = TextDocument.create('file:///t.md', 'markdown', 1, text);
    for (const f of answer.findings) assert.deepEqual(f.range, { start: document.positionAt(f.start), end: document.positionAt(f.end) });
    // A document that cannot place anything: diagnostics made from the worker's headline never ask it to.
    const blind = { ...document, getText: () => text, positionAt: () => assert.fail('the main thread placed a finding'), offsetAt: () => assert.fail('the main thread placed a finding') } as TextDocument;
    const config = { settings: DEFAULT_SETTINGS, config: resolveConfig([]) } as unknown as Parameters<typeof toDiagnostics>[1]['config'];
    const diagnostics = toDiagnostics(blind, { version: 1, config, headline: { findings: answer.findings, notices: [] } });
    assert.deepEqual(diagnostics.map((d) => d.range), answer.findings.map((f) => f.range));
  });
});
