// Every handler the server registers with the connection or the document manager goes through the
// guard (server/src/guard.ts), so one failure is logged once, told to the user once, and never takes
// the process down. Read from the sources: a registration added without the guard fails here.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SRC = join(__dirname, '..', '..', '..', 'server', 'src');
const FILES = [...readdirSync(SRC).filter((f) => f.endsWith('.ts')), ...readdirSync(join(SRC, 'handlers')).map((f) => join('handlers', f))];
/** A registration: `connection.onX(`, `connection.languages.diagnostics.on(`, `documents.onDidSave(` … */
const REGISTRATION = /\b(?:connection|documents)(?:\.\w+)*\.on[A-Z]?\w*\(/g;

function registrations(): Array<{ where: string; call: string }> {
  const found: Array<{ where: string; call: string }> = [];
  for (const file of FILES) {
    const text = readFileSync(join(SRC, file), 'utf8');
    for (const match of text.matchAll(REGISTRATION)) {
      const line = text.slice(0, match.index).split('\n').length;
      found.push({ where: `${file}:${line}`, call: text.slice(match.index, text.indexOf('\n', match.index)) });
    }
  }
  return found;
}

describe('every server handler is guarded', () => {
  it('finds the registrations it checks (initialize, shutdown, diagnostics, saves, features)', () => {
    const calls = registrations().map((r) => r.call).join('\n');
    for (const name of ['onInitialize(', 'onShutdown(', 'diagnostics.on(', 'onDidSave(', 'onHover(', 'onDidChangeContent(']) assert.ok(calls.includes(name), `no ${name} found`);
  });

  it('wraps each registered handler in guard.request or guard.notification', () => {
    const unguarded = registrations().filter((r) => !/^[\w.]+\((?:[\w.]+, )?guard\.(?:request|notification)\(/.test(r.call));
    assert.deepEqual(unguarded.map((r) => `${r.where} ${r.call.trim()}`), []);
  });
});
