import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analyze';
import { applyFixes } from '../../server/src/engine/applyEdits';
import { RULES } from '../../server/src/rules/registry';
import type { Fix } from '../../server/src/rules/types';
import { fixtureTrackerStates, loadFixtures } from '../helpers/fixtures';

const NOW = new Date('2026-11-29T00:00:00Z');
const fixtures = loadFixtures();

function found(text: string, rule: string): string[] {
  const analysis = analyze(text, { now: NOW, trackerState: fixtureTrackerStates(text) });
  assert.deepEqual(analysis.errors, []);
  return analysis.findings.filter((f) => f.ruleId === rule).map((f) => `${analysis.lines.line(f.start) + 1}:${f.ruleId}`).sort();
}

describe('rule fixtures', () => {
  for (const rule of RULES) {
    it(`${rule.id} has valid and invalid fixtures`, () => {
      const own = fixtures.filter((f) => f.rule === rule.id);
      assert.ok(own.some((f) => f.valid), 'no valid-*.md fixture');
      assert.ok(own.some((f) => !f.valid), 'no invalid-*.md fixture');
    });
  }

  for (const fixture of fixtures) {
    describe(`${fixture.rule}/${fixture.name}`, () => {
      it('reports exactly the expected findings', () => {
        const expected = fixture.expected.filter((e) => e.endsWith(`:${fixture.rule}`));
        if (fixture.valid) assert.deepEqual(expected, [], 'a valid fixture expects nothing');
        else assert.ok(expected.length > 0, 'an invalid fixture must expect a finding');
        assert.deepEqual(found(fixture.text, fixture.rule), expected);
      });

      if (fixture.fixed !== undefined) {
        it('fixes to the .fixed.md text, which then has nothing left to fix', () => {
          const fixes = analyze(fixture.text, { now: NOW }).findings.filter((f) => f.ruleId === fixture.rule && f.fix).map((f) => f.fix as Fix);
          assert.ok(fixes.length > 0, 'the invalid fixture offers no fix');
          const result = applyFixes(fixture.text, fixes);
          assert.equal(result.text, fixture.fixed);
          const again = analyze(result.text, { now: NOW }).findings.filter((f) => f.ruleId === fixture.rule && f.fix);
          assert.deepEqual(again.map((f) => f.message), []);
        });
      }
    });
  }
});

describe('rule examples in the registry', () => {
  for (const rule of RULES) {
    it(`${rule.id}: valid examples pass, invalid ones are reported`, () => {
      for (const example of rule.examples.valid) assert.deepEqual(found(example, rule.id), [], example);
      for (const example of rule.examples.invalid) assert.ok(found(example, rule.id).length > 0, example);
    });
  }
});
