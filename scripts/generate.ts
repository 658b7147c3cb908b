// `npm run docs`: writes docs/rules/*.md, the README rule table, schemas/postmortemrc.schema.json and
// l10n/bundle.l10n.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../server/src/rules/registry';
import { configSchema, rulePage, withRuleTable } from './docsContent';
import { l10nBundle } from './l10nBundle';

const root = join(__dirname, '..', '..');
for (const rule of RULES) writeFileSync(join(root, 'docs', 'rules', `${rule.id}.md`), rulePage(rule));
writeFileSync(join(root, 'schemas', 'postmortemrc.schema.json'), JSON.stringify(configSchema(), null, 2) + '\n');
writeFileSync(join(root, 'l10n', 'bundle.l10n.json'), JSON.stringify(l10nBundle(root), null, 2) + '\n');
const readme = join(root, 'README.md');
writeFileSync(readme, withRuleTable(readFileSync(readme, 'utf8')));
console.log(`Wrote ${RULES.length} rule pages, the schema, the l10n bundle and the README rule table.`);
