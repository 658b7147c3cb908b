// The features VS Code asks for after every change are answered from one document per analysis:
// its lines are indexed once, not once per query.
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analyze';
import { answerQuery, queryDocument } from '../../server/src/features/queries';

const TEXT = '# Postmortem: queue outage\n\n## Summary\n\nThe queue filled up.\n\n## Action items\n\n- [ ] Add a queue depth alert. Owner: @ana. Due: 2026-03-01.\n';

describe('feature queries of one analysis', () => {
  it('share one document, and answer as a fresh one would', () => {
    const analysis = analyze(TEXT);
    const details = { model: analysis.model, findings: analysis.findings };
    const symbols = answerQuery(TEXT, details, { kind: 'symbols' });
    const document = queryDocument(TEXT, details);
    const lenses = answerQuery(TEXT, details, { kind: 'codeLenses', now: Date.parse('2026-03-02T00:00:00Z') });
    assert.equal(queryDocument(TEXT, details), document, 'the second query made no document of its own');
    const again = { model: analysis.model, findings: analysis.findings };
    assert.notEqual(queryDocument(TEXT, again), document, 'another analysis gets its own');
    assert.deepEqual(answerQuery(TEXT, again, { kind: 'symbols' }), symbols);
    assert.deepEqual(answerQuery(TEXT, again, { kind: 'codeLenses', now: Date.parse('2026-03-02T00:00:00Z') }), lenses);
    assert.ok(lenses.length > 0);
  });
});
