// The sentence reader and the language tables: every table row's example draws a finding and its
// counter-example does not; segmentation, quotation, negation and the per-sentence cache.
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine/analyze';
import { readSentences } from '../../server/src/language/reader';
import { tagRuns, taggedCount, CACHE_LIMIT } from '../../server/src/language/tagger';
import { verbForms } from '../../server/src/language/inflect';
import { parseMarkdown } from '../../server/src/parsing/markdown';
import { BLAME_ROWS } from '../../server/src/rules/phrases/blame';
import { COUNTERFACTUAL_ROWS } from '../../server/src/rules/phrases/counterfactual';
import { HINDSIGHT_ROWS } from '../../server/src/rules/phrases/minimizers';
import { MILESTONE_ROWS, milestonesIn } from '../../server/src/model/milestones';

const NOW = new Date('2026-11-29T00:00:00Z');
const ruleFindings = (text: string, ruleId: string) => analyze(`${text}\n`, { now: NOW }).findings.filter((f) => f.ruleId === ruleId);

const TABLES = [
  { ruleId: 'no-blame-language', rows: BLAME_ROWS },
  { ruleId: 'no-counterfactual', rows: COUNTERFACTUAL_ROWS },
  { ruleId: 'no-hindsight-minimizer', rows: HINDSIGHT_ROWS },
];

describe('language tables: each row with its example and counter-example', () => {
  for (const { ruleId, rows } of TABLES) {
    for (const row of rows) {
      it(`${ruleId} [${row.pattern.slice(0, 50)}]`, () => {
        assert.ok(ruleFindings(row.example, ruleId).length > 0, `no finding on its example: ${row.example}`);
        assert.deepEqual(ruleFindings(row.counterExample, ruleId).map((f) => f.message), [], `a finding on its counter-example: ${row.counterExample}`);
      });
    }
  }
});

describe('sentence reader', () => {
  const sentences = (text: string) => readSentences(parseMarkdown(text), text).map((s) => s.text);

  it('joins hard-wrapped lines and strips emphasis, links and list markers', () => {
    assert.deepEqual(sentences('- The **on-call\n  engineer** [forgot](http://x) to\n  check it. Then it failed.\n'), ['The on-call engineer forgot to check it.', 'Then it failed.']);
  });

  it('keeps abbreviations and decimals inside one sentence', () => {
    assert.deepEqual(sentences('At 3 a.m. the p99 rose to 4.5 s, e.g. on checkout. It recovered.\n'), ['At 3 a.m. the p99 rose to 4.5 s, e.g. on checkout.', 'It recovered.']);
  });

  it('never reads code, block quotes or HTML comments', () => {
    assert.deepEqual(sentences('> human error\n\n```\nforgot\n```\n\n<!-- careless -->\n\nPlain words.\n'), ['Plain words.']);
  });

  it('maps every token back to its source offsets across wraps and markup', () => {
    const text = 'Ana *mistakenly*\ndeleted it.\n';
    const [s] = readSentences(parseMarkdown(text), text);
    assert.deepEqual(s.tokens.slice(0, 3).map((t) => text.slice(t.start, t.end)), ['Ana', 'mistakenly', 'deleted']);
  });

  it('inflects verbs regularly and irregularly', () => {
    for (const [verb, form] of [['forget', 'forgot'], ['stop', 'stopped'], ['page', 'paged'], ['go off', 'went off'], ['fat-finger', 'fat-fingered'], ['misread', 'misread'], ['acknowledge', 'acknowledges']]) {
      assert.ok(verbForms(verb).includes(form), `${verb} → ${form}`);
    }
  });
});

describe('language context: handled once for every rule', () => {
  it('reads a blame phrase across a hard wrap and emphasis', () => {
    assert.equal(ruleFindings('The slowdown came down to human\nerror.', 'no-blame-language').length, 1);
    assert.equal(ruleFindings('The slowdown came down to *human* error.', 'no-blame-language').length, 1);
  });

  it('skips negated phrases', () => {
    assert.equal(ruleFindings('This was not human error.', 'no-blame-language').length, 0);
    assert.equal(ruleFindings('Nobody was at fault here.', 'no-blame-language').length, 0);
    assert.equal(ruleFindings('It was not obvious from the graphs.', 'no-hindsight-minimizer').length, 0);
  });

  it('skips quoted and cited words', () => {
    assert.equal(ruleFindings('The banner read "operator error" and misled readers.', 'no-blame-language').length, 0);
    assert.equal(ruleFindings('The dashboard shows `human error` as a code.', 'no-blame-language').length, 0);
    assert.equal(ruleFindings('Someone wrote “the engineer should have checked” in the channel.', 'no-counterfactual').length, 0);
  });

  it('tells an expectation about a system or the future from a counterfactual', () => {
    assert.equal(ruleFindings('The revised cipher list should have no impact.', 'no-counterfactual').length, 0);
    assert.equal(ruleFindings('The weekly compaction should have completed by 04:15.', 'no-counterfactual').length, 0);
    assert.equal(ruleFindings('The on-call engineer should have finished the drill.', 'no-counterfactual').length, 1);
  });

  it('ties fault to a person, not to a system doing the same', () => {
    assert.equal(ruleFindings('The DNS resolver mistakenly sent queries to the retired zone.', 'no-blame-language').length, 0);
    assert.equal(ruleFindings('Wojciech mistakenly sent queries to the retired zone.', 'no-blame-language').length, 1);
    assert.equal(ruleFindings('The old pool was mistakenly given traffic.', 'no-blame-language').length, 0);
    assert.equal(ruleFindings('The old pool was mistakenly given traffic by the release manager.', 'no-blame-language').length, 1);
  });

  it('reads names declared in front matter as people', () => {
    const text = '---\nauthors: [Zorblax]\n---\n\nZorblax skipped the canary.\n';
    assert.equal(analyze(text, { now: NOW }).findings.filter((f) => f.ruleId === 'no-blame-language').length, 1);
    assert.equal(ruleFindings('Zorblax skipped the canary.', 'no-blame-language').length, 0);
  });
});

describe('per-sentence tagging cache', () => {
  it('re-tags only the sentence an edit changed', () => {
    const body = Array.from({ length: 30 }, (_, i) => `Engineer ${i} forgot to rotate key number ${i}.`).join(' ');
    analyze(`${body}\n`, { now: NOW });
    const before = tagRuns();
    analyze(`${body.replace('key number 7.', 'key number seven.')}\n`, { now: NOW });
    assert.equal(tagRuns() - before, 1);
  });

  it('stays bounded', () => {
    const many = Array.from({ length: 300 }, (_, i) => `Unique ${i} engineer ${i} forgot item ${i}.`).join('\n\n');
    for (let round = 0; round < 15; round++) analyze(`${many.replace(/Unique/g, `Round${round}`)}\n`, { now: NOW });
    assert.ok(taggedCount() <= CACHE_LIMIT);
  });
});

describe('milestones from meaning', () => {
  for (const row of MILESTONE_ROWS) {
    it(`${row.milestone} [${row.pattern.slice(0, 50)}]`, () => {
      assert.ok(milestonesIn(row.example).includes(row.milestone), `not read from: ${row.example}`);
      assert.ok(!milestonesIn(row.counterExample).includes(row.milestone), `read from: ${row.counterExample}`);
    });
  }

  const table: Array<[string, string | undefined]> = [
    ['The error-rate alert goes off and PagerDuty pages the secondary.', 'detected'],
    ['The alert went off.', 'detected'],
    ['The secondary was paged.', 'detected'],
    ['Ops acknowledges.', 'acknowledged'],
    ['Ops acked the page.', 'acknowledged'],
    ['Customers start reporting failures to support.', 'detected'],
    ['Traffic is failed over and errors return to baseline.', 'mitigated'],
    ['We rolled back the release.', 'mitigated'],
    ['The release was rolled back.', 'mitigated'],
    ['We close the incident.', 'resolved'],
    ['The incident was closed.', 'resolved'],
    ['Resolved.', 'resolved'],
    ['Users begin seeing timeouts.', 'impact-start'],
    // Traps: negation, a different subject, a noun that looks like the verb.
    ['Nobody noticed the backlog.', undefined],
    ['The alert did not fire.', undefined],
    ['The name resolves to the old address.', undefined],
    ['The status page was updated.', undefined],
    ['The deploy was triggered by the merge.', undefined],
    ['The backup job closes its file handles.', undefined],
  ];
  // The entry's time is its main clause's event; what a time or cause clause names happened before.
  const background: Array<[string, string[]]> = [
    ['Incident closed after the rollback completed.', ['resolved']],
    ['The latency alert fires once errors begin to climb.', ['detected']],
    ['Ops acknowledges after the pager alerts.', ['acknowledged']],
    // With nothing in the main clause, the background is all the entry says.
    ['After the failover.', ['mitigated']],
    ['After the rollback, error rates drop to baseline.', ['mitigated']],
  ];
  for (const [sentence, expected] of background) {
    it(`${JSON.stringify(sentence)} → only ${expected.join(', ')}`, () => {
      assert.deepEqual([...milestonesIn(sentence)], expected);
    });
  }

  for (const [sentence, milestone] of table) {
    it(`${JSON.stringify(sentence)} → ${milestone ?? 'nothing'}`, () => {
      const found = milestonesIn(sentence);
      if (milestone) assert.ok(found.includes(milestone as never), `got ${found.join(', ') || 'nothing'}`);
      else assert.deepEqual(found, []);
    });
  }
});
