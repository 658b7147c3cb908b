// Pushed diagnostics (clients that do not pull): a version that got no answer (run: onSave's
// re-check of the saved text lost the worker to another analysis) is asked about again, as a pulling
// client is told to, instead of leaving the old findings up until the next edit.
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import { registerDiagnostics } from '../../server/src/handlers/diagnostics';
import type { HandlerContext } from '../../server/src/handlers/context';

const URI = 'file:///ws/postmortems/outage.md';

function pushingServer(answers: Array<Diagnostic[] | undefined>) {
  const sent: Array<{ uri: string; version?: number; diagnostics: Diagnostic[] }> = [];
  let asked = 0;
  const ctx = {
    connection: {
      sendDiagnostics: async (p: { uri: string; version?: number; diagnostics: Diagnostic[] }) => void sent.push(p),
      languages: { diagnostics: { on: () => undefined, refresh: async () => undefined } },
    },
    documents: { get: (uri: string) => (uri === URI ? { uri, version: 3 } : undefined), all: () => [{ uri: URI, version: 3 }] },
    service: { diagnostics: async () => answers[Math.min(asked++, answers.length - 1)] },
    guard: { notification: <T extends unknown[]>(_where: string, fn: (...args: T) => unknown) => fn, request: <T extends unknown[]>(_where: string, _fallback: unknown, fn: (...args: T) => unknown) => fn },
    client: { pull: false },
    folders: [],
  } as unknown as HandlerContext;
  return { channel: registerDiagnostics(ctx), sent, asked: () => asked };
}

const until = async (done: () => boolean) => {
  for (let i = 0; i < 100 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
};

describe('pushed diagnostics', function () {
  this.timeout(10_000);

  it('asks again when the open version got no answer, and publishes the answer it then gets', async () => {
    const found: Diagnostic[] = [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } }, message: 'found', source: 'postmortem' }];
    const { channel, sent, asked } = pushingServer([undefined, found]);
    channel.schedule(URI);
    await until(() => sent.length > 0);
    assert.equal(asked(), 2);
    assert.deepEqual(sent, [{ uri: URI, version: 3, diagnostics: found }]);
  });
});
