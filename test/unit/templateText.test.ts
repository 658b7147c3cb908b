import assert from 'node:assert/strict';
import { confinedSegments, fillTemplate, slug } from '../../client/src/templateText';

describe('New Postmortem: template text and placement', () => {
  it('keeps the target folder inside the workspace folder', () => {
    assert.deepEqual(confinedSegments('postmortems'), ['postmortems']);
    assert.deepEqual(confinedSegments('docs/incidents/'), ['docs', 'incidents']);
    assert.deepEqual(confinedSegments('./a/../b'), ['b']);
    assert.deepEqual(confinedSegments('docs\\reviews'), ['docs', 'reviews']);
    for (const outside of ['../elsewhere', 'a/../../b', '/etc', 'C:\\Users', 'c:/x', '\\\\server\\share', 'file:///tmp']) assert.equal(confinedSegments(outside), undefined, outside);
  });

  it('fills placeholders, quoting the title inside front matter only', () => {
    const text = '---\ntitle: {{title}}\nseverity: {{ severity }}\n---\n\n# {{title}}\n\n{{date}} in {{timezone}} ({{kind}}) {{unknown}}\n';
    const filled = fillTemplate(text, { title: 'Queue "full": retries', date: '2026-02-03', severity: 'SEV-2', timezone: 'UTC', kind: 'near-miss' });
    assert.equal(filled, '---\ntitle: "Queue \\"full\\": retries"\nseverity: SEV-2\n---\n\n# Queue "full": retries\n\n2026-02-03 in UTC (near-miss) {{unknown}}\n');
  });

  it('names files by a readable slug of the title', () => {
    assert.equal(slug('Disk full on build agents!'), 'disk-full-on-build-agents');
    assert.equal(slug('Café — DNS'), 'cafe-dns');
    assert.equal(slug('???'), 'postmortem');
  });
});
