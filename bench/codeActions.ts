// Keystroke to code actions through the real server, as VS Code asks for them: after each edit it
// pulls diagnostics, then asks for the code actions at the cursor (the lightbulb) with the
// diagnostics on the cursor's line. Used by `npm run bench` ("Other measures"); alone:
//   node esbuild.mjs --tests && node out/bench/run.js codeActions
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestClient } from '../test/helpers/lspClient';
import { editor } from './generate';

export interface CodeActionTimes {
  /** didChange to the code-action answer (diagnostics pulled in between, as VS Code does). */
  keystroke: number;
  /** The code-action request alone, once diagnostics are in. */
  request: number;
  /** How many actions the last answer offered, and for how many diagnostics. */
  actions: number;
  diagnostics: number;
}

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function keystrokeToCodeActions(text: string, inside: string | undefined, runs: number): Promise<CodeActionTimes> {
  const client = new TestClient();
  await client.initialize({ textDocument: { diagnostic: { dynamicRegistration: false }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } } } });
  const uri = 'file:///bench/postmortems/actions.md';
  await client.open(uri, text);
  const next = editor(text, inside);
  let version = 1;
  let resultId: string | undefined;
  let known: Diagnostic[] = [];
  let last = { actions: 0, diagnostics: 0 };
  const keystrokes: number[] = [];
  const requests: number[] = [];
  const keystroke = async () => {
    version++;
    const current = next();
    const start = performance.now();
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: current }] });
    const report = await client.connection.sendRequest<{ kind: string; resultId?: string; items?: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: resultId });
    resultId = report.resultId;
    if (report.kind === 'full') known = report.items ?? [];
    // The cursor sits where the character was typed; the lightbulb asks with the diagnostics of its line.
    const doc = TextDocument.create(uri, 'markdown', version, current);
    const cursor = doc.positionAt(firstDifference(text, current) + current.length - text.length);
    const onLine = known.filter((d) => d.range.start.line <= cursor.line && d.range.end.line >= cursor.line);
    const asked = performance.now();
    const actions = await client.connection.sendRequest<unknown[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: cursor, end: cursor }, context: { diagnostics: onLine, triggerKind: 2 } });
    const done = performance.now();
    keystrokes.push(done - start);
    requests.push(done - asked);
    last = { actions: actions.length, diagnostics: onLine.length };
  };
  await keystroke();
  await keystroke();
  keystrokes.length = 0;
  requests.length = 0;
  for (let i = 0; i < runs; i++) await keystroke();
  await client.stop();
  return { keystroke: median(keystrokes), request: median(requests), ...last };
}

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}
