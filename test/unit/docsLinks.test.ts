// The VS Code client makes each finding's docs link from its rule id (client/src/docsLinks.ts): the
// server leaves `codeDescription` out for it and gives the table once, in the initialize result.
import assert from 'node:assert/strict';
import { DocsLinker, ruleDocsOf } from '../../client/src/docsLinks';
import { RULE_DOCS } from '../../server/src/protocol';

const TABLE = { 'no-blame-language': 'https://docs.example/no-blame-language.md', 'timeline-order': 'https://docs.example/timeline-order.md' };
const initialized = { capabilities: { experimental: { [RULE_DOCS]: TABLE } } };

describe('docs links made in the client', () => {
  it('reads the table from the initialize result, and nothing from one without it', () => {
    assert.deepEqual(ruleDocsOf(initialized), TABLE);
    assert.equal(ruleDocsOf({ capabilities: {} }), undefined);
    assert.equal(ruleDocsOf({ capabilities: { experimental: { [RULE_DOCS]: 'not a table' } } }), undefined);
    assert.equal(ruleDocsOf(undefined), undefined);
  });

  it('gives each rule finding its docs link as code and target, and leaves every other diagnostic alone', () => {
    const linker = new DocsLinker(() => ruleDocsOf(initialized), (url) => `target:${url}`);
    const linked = { value: 'existing', target: 'target:elsewhere' };
    const diagnostics: Array<{ code?: string | number | { value: string | number; target: string }; message: string }> = [
      { code: 'no-blame-language', message: 'a' },
      { code: 'timeline-order', message: 'b' },
      { code: 'config', message: 'a configuration error: not a rule' },
      { code: 'constructor', message: 'not a rule either, though every object has it' },
      { code: 7, message: 'another extension' },
      { message: 'no code' },
      { code: linked, message: 'already linked' },
      { code: 'no-blame-language', message: 'c' },
    ];
    const out = linker.add(diagnostics);
    assert.equal(out, diagnostics, 'in place');
    assert.deepEqual(out.map((d) => d.code), [
      { value: 'no-blame-language', target: 'target:https://docs.example/no-blame-language.md' },
      { value: 'timeline-order', target: 'target:https://docs.example/timeline-order.md' },
      'config', 'constructor', 7, undefined, linked,
      { value: 'no-blame-language', target: 'target:https://docs.example/no-blame-language.md' },
    ]);
    assert.equal(out[0].code, out[7].code, 'one link object per rule, made once');
  });

  it('links nothing before the server answered, and links once it has', () => {
    const server: { answer?: typeof initialized } = {};
    const linker = new DocsLinker(() => ruleDocsOf(server.answer), (url) => url);
    assert.deepEqual(linker.add([{ code: 'timeline-order' }]), [{ code: 'timeline-order' }]);
    server.answer = initialized;
    assert.deepEqual(linker.add([{ code: 'timeline-order' }]), [{ code: { value: 'timeline-order', target: TABLE['timeline-order'] } }]);
  });
});
