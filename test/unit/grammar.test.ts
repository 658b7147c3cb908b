import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const grammar = JSON.parse(readFileSync(join(ROOT, 'syntaxes', 'postmortem.injection.tmLanguage.json'), 'utf8'));
const rule = (name: string) => new RegExp(grammar.repository[name].match);

describe('the injection grammar', () => {
  it('is injected into Markdown and every pattern it includes exists', () => {
    assert.match(grammar.injectionSelector, /text\.html\.markdown/);
    for (const p of grammar.patterns) assert.ok(grammar.repository[p.include.slice(1)], p.include);
  });

  const samples: Array<[string, string, string]> = [
    ['timestamp', '- 2026-11-03 14:09 alert', '2026-11-03 14:09'],
    ['timestamp', '### 4:19 PM', '4:19 PM'],
    ['timestamp', '14:02 UTC —', '14:02 UTC'],
    ['owner', 'Owner: @ana.lima.', '@ana.lima'],
    ['due-date', 'Due: 2026-12-15', 'Due: 2026-12-15'],
    ['severity', 'severity: SEV-1', 'SEV-1'],
    ['status', '- DONE add alert', 'DONE'],
    ['disable-comment', '<!-- postmortem-disable-next-line no-blame-language -->', '<!-- postmortem-disable-next-line no-blame-language -->'],
    ['milestone-comment', '<!-- milestone: detected -->', '<!-- milestone: detected -->'],
  ];
  for (const [name, text, expected] of samples) {
    it(`colours ${name} in "${text}"`, () => assert.equal(rule(name).exec(text)?.[0], expected));
  }

  it('does not colour version numbers or e-mail addresses as times or owners', () => {
    assert.equal(rule('timestamp').exec('v1.14:00x'), null);
    assert.equal(rule('owner').exec('ana@example.com'), null);
  });
});
