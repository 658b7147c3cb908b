// Near-misses and the other kinds New Postmortem writes count as postmortems wherever they live,
// in the server's detection and in the CLI's file search alike.
import assert from 'node:assert/strict';
import { isPostmortem } from '../../server/src/documents';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { gitInit, runCli, tempFolder, writeTree } from './cliHarness';

const front = (type: string) => `---\ntitle: Queue nearly filled\ntype: ${type}\n---\n\n# Queue nearly filled\n\nThe on-call engineer forgot to check the queue.\n`;

describe('which write-ups are postmortems', () => {
  it('the server: near-miss, security incident and incident report front matter, outside postmortem folders', () => {
    for (const type of ['near-miss', 'Near Miss', '"near_miss"', 'incident', 'security-incident', 'incident-report', 'postmortem']) {
      assert.ok(isPostmortem('file:///work/notes/queue.md', front(type), DEFAULT_SETTINGS.files), type);
    }
    for (const type of ['guide', 'near-misses-howto', 'incident-playbook']) {
      assert.ok(!isPostmortem('file:///work/notes/queue.md', front(type), DEFAULT_SETTINGS.files), type);
    }
    // A `type:` line after the front matter is the document's text, not its kind.
    assert.ok(!isPostmortem('file:///work/notes/queue.md', '---\ntitle: Notes\n---\n\ntype: near-miss\n', DEFAULT_SETTINGS.files));
  });

  it('the CLI: a near-miss in docs/ is linted, a guide next to it is not', () => {
    const root = tempFolder('pm-kinds-');
    gitInit(root);
    writeTree(root, { 'docs/2026-06-01-queue.md': front('near-miss'), 'docs/guide.md': front('guide') });
    const result = runCli(['.', '--format', 'json'], root);
    const files = (JSON.parse(result.out) as Array<{ file: string }>).map((r) => r.file.replace(/\\/g, '/'));
    assert.deepEqual(files, ['docs/2026-06-01-queue.md']);
  });
});
