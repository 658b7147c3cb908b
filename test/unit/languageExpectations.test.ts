// Sentences that state what a system or a schedule was expected to do, or argue a design, read
// beside the judgements they look like. Every sentence here was written for this test.
import assert from 'node:assert/strict';
import { personSubject } from '../../server/src/language/clauses';
import { readLine } from '../../server/src/language/reader';
import { blame, counterfactual, hindsight } from '../helpers/languageFindings';


describe('"should have been done" about a thing: judgement or expectation', () => {
  it('still judges when nothing marks the act as the system\'s or a schedule\'s', () => {
    assert.equal(counterfactual('The failover should have been drilled on a staging copy.'), 1);
    assert.equal(counterfactual('The page should have been sent to the network team.'), 1);
    assert.equal(counterfactual('The runbook should have been updated, but nobody owned it.'), 1);
  });

  it('reads a deadline or a slot as a schedule', () => {
    assert.equal(counterfactual('The backfill should have been done by Tuesday.'), 0);
    assert.equal(counterfactual('The invoices should have been sent within two days of closing.'), 0);
    assert.equal(counterfactual('The shards should have been rebalanced during the nightly window.'), 0);
    assert.equal(counterfactual('The cache should have been warmed before the end of the sprint.'), 0);
  });

  it('reads a count, "automatically", "according to" or a machine after "by" as expected behaviour', () => {
    assert.equal(counterfactual('Failed uploads should have been retried five times.'), 0);
    assert.equal(counterfactual('The lease should have been released automatically.'), 0);
    assert.equal(counterfactual('The key should have been rotated according to the vault policy.'), 0);
    assert.equal(counterfactual('The duplicate rows should have been dropped by the merge job.'), 0);
    assert.equal(counterfactual('The spam should have been blocked by the mail filter.'), 0);
  });

  it('reads a following clause about a part of the system as what did not do it', () => {
    assert.equal(counterfactual('The token should have been refreshed; the refresher thread had crashed.'), 0);
    assert.equal(counterfactual('The build should have been cancelled, but its runner had lost the signal.'), 0);
  });

  it('does not take a capitalised plural common noun for a name', () => {
    const tokens = readLine('Deployments should have paused at the gate.')[0].tokens;
    assert.equal(personSubject(tokens, 1), undefined);
  });
});

describe('idioms that software can be said to do', () => {
  it('reads "cut corners" and "jump the gun" as blame only with a person as subject', () => {
    assert.equal(blame('The installer cut corners on checksum verification.'), 0);
    assert.equal(blame('The cron job jumped the gun and read a half-written file.'), 0);
    assert.equal(blame('The night crew cut corners on the checklist.'), 1);
    assert.equal(blame('Our contractor jumped the gun and merged early.'), 1);
  });
});

describe('plain from the start: about an answer, or about a fact', () => {
  it('judges only when the plain thing is a cause, a problem or a claim', () => {
    assert.equal(hindsight('The bug was known all along to the storage team.'), 1);
    assert.equal(hindsight('It was evident from the outset that the disk would fill.'), 1);
    assert.equal(hindsight('The metrics were visible from the start on the old board.'), 0);
    assert.equal(hindsight('The service has been known all along as the noisiest one.'), 0);
  });

  it('reads a clause-final "clearly" as how something was shown', () => {
    assert.equal(hindsight('The graph drew the latency step clearly.'), 0);
    assert.equal(hindsight('Clearly, the quota was too small.'), 1);
  });
});

describe('design arguments beside counterfactuals', () => {
  it('reads "With better X, Y would have" as hindsight only when it imagines the failure away', () => {
    assert.equal(counterfactual('With a larger buffer, the consumer would have kept up with the burst.'), 0);
    assert.equal(counterfactual('With better review, the typo would never have reached production.'), 1);
    assert.ok(counterfactual('With closer monitoring, the drift would have been caught early.') > 0);
  });

  it('reads "preventable only with X" as what it would have taken', () => {
    assert.equal(counterfactual('The data loss was preventable only with synchronous replication.'), 0);
    assert.equal(counterfactual('The data loss was entirely preventable.'), 1);
  });
});
