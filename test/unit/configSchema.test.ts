// The shipped .postmortemrc schema, checked with a real JSON Schema validator (ajv, draft-07, strict):
// every form the docs promise is accepted, and the mistakes it exists to catch are rejected.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { RULES } from '../../server/src/rules/registry';
import { SEVERITIES } from '../../server/src/config/types';

const ROOT = join(__dirname, '..', '..', '..');
const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'postmortemrc.schema.json'), 'utf8'));
// strict: an unknown keyword (such as 2020-12's prefixItems in a draft-07 schema) is an error, not ignored.
// strictTuples is off because `[severity]` without options is a documented form (a tuple shorter than its items).
const validate = new Ajv({ strict: true, strictTuples: false, allErrors: true }).compile(schema);

function assertValid(config: unknown, what: string): void {
  assert.ok(validate(config), `${what}: ${JSON.stringify(validate.errors)}`);
}

function jsonBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]);
}

describe('config schema (.postmortemrc)', () => {
  it('declares draft-07 and compiles in strict mode', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  });

  it('accepts the README example and every example in the rule pages', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const blocks = jsonBlocks(readme.slice(readme.indexOf('## Configuration file')));
    assert.ok(blocks.length > 0, 'the README shows a configuration');
    assertValid(JSON.parse(blocks[0]), 'README');
    for (const page of readdirSync(join(ROOT, 'docs', 'rules'))) {
      for (const block of jsonBlocks(readFileSync(join(ROOT, 'docs', 'rules', page), 'utf8'))) assertValid(JSON.parse(block), page);
    }
  });

  it('accepts each documented form of a rule entry, for every rule and severity', () => {
    for (const rule of RULES) {
      const options = rule.defaultOptions as Record<string, unknown>;
      for (const severity of SEVERITIES) {
        const forms = [severity, [severity], [severity, options], { severity }, { options }, { severity, options }];
        for (const form of forms) assertValid({ rules: { [rule.id]: form } }, `${rule.id}: ${JSON.stringify(form)}`);
      }
    }
  });

  it('accepts the YAML form of the same configuration', () => {
    const yaml = [
      'rules:',
      '  no-blame-language: error',
      '  action-item-owner: [warning, { acceptTracker: true }]',
      '  impact-quantified:',
      '    severity: "off"',
      'requiredSections: [summary, impact, timeline]',
      'timezone: UTC',
    ].join('\n');
    assertValid(parseYaml(yaml), 'YAML');
  });

  it('rejects what the server would warn about', () => {
    const ruleWithOptions = RULES.find((r) => Object.keys(r.optionsSchema ?? {}).length)!;
    const bad: unknown[] = [
      { rules: { 'no-blame-language': 'warn' } },
      { rules: { 'no-blame-language': ['warning', {}, 'extra'] } },
      { rules: { 'no-blame-language': [] } },
      { rules: { 'not-a-rule': 'error' } },
      { rules: { [ruleWithOptions.id]: ['warning', { notAnOption: true }] } },
      { requiredSections: ['summary', 'not-a-section'] },
      { timezone: 3 },
      { unknownKey: true },
    ];
    for (const config of bad) assert.equal(validate(config), false, JSON.stringify(config));
  });

  it('is bound to every configuration file name the server reads', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const json = manifest.contributes.jsonValidation.flatMap((v: { fileMatch: string[] }) => v.fileMatch);
    const yaml = manifest.contributes.yamlValidation.flatMap((v: { fileMatch: string[] }) => v.fileMatch);
    assert.deepEqual([...json].sort(), ['.postmortemrc', '.postmortemrc.json']);
    assert.deepEqual([...yaml].sort(), ['.postmortemrc.yaml', '.postmortemrc.yml']);
    // Without a language, VS Code opens the extensionless file as plain text and never validates it.
    const jsonLanguage = manifest.contributes.languages.find((l: { id: string }) => l.id === 'json');
    assert.ok(jsonLanguage?.filenames.includes('.postmortemrc'));
  });
});
