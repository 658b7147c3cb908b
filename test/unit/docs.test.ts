import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../server/src/rules/registry';
import { configSchema, rulePage, ruleTable } from '../../scripts/docsContent';

const ROOT = join(__dirname, '..', '..', '..');

describe('documentation matches the rule registry', () => {
  it('the README rule table lists every rule (run `npm run docs` after changing a rule)', () => {
    assert.ok(readFileSync(join(ROOT, 'README.md'), 'utf8').includes(ruleTable()));
  });

  it('each rule has its page, and no page is left for a rule that is gone', () => {
    for (const rule of RULES) assert.equal(readFileSync(join(ROOT, 'docs', 'rules', `${rule.id}.md`), 'utf8'), rulePage(rule), rule.id);
    assert.deepEqual(readdirSync(join(ROOT, 'docs', 'rules')).sort(), RULES.map((r) => `${r.id}.md`).sort());
  });

  it('the shipped config schema is current', () => {
    assert.deepEqual(JSON.parse(readFileSync(join(ROOT, 'schemas', 'postmortemrc.schema.json'), 'utf8')), configSchema());
  });

  it('every rule id is kebab-case and has a description that ends a sentence', () => {
    for (const rule of RULES) {
      assert.match(rule.id, /^[a-z]+(?:-[a-z]+)*$/);
      assert.match(rule.description, /\.$/);
    }
  });
});
