// Constructions the language rules read beyond their phrase tables: blame idioms, who owns a fault,
// roles the tagger misreads, mistaken acts told through a gerund or a passive, claims that are
// denied, inverted and subjectless counterfactuals, and hindsight about the start. Every sentence
// here was written for this test.
import assert from 'node:assert/strict';
import { negatedAt, personPhrase, personSubject } from '../../server/src/language/clauses';
import { verbForms } from '../../server/src/language/inflect';
import { compile, findAll } from '../../server/src/language/match';
import { readLine } from '../../server/src/language/reader';
import { blame, counterfactual, hindsight } from '../helpers/languageFindings';

const tokensOf = (text: string) => readLine(text)[0].tokens;

describe('blame told by idiom, by a fault someone owns, and by who caused it', () => {
  it('reads idioms of carelessness or haste as blame', () => {
    assert.equal(blame('The rollout crew cut corners on the soak test.'), 1);
    assert.equal(blame('Our vendor took their eye off the ball during the migration.'), 1);
    assert.equal(blame('The contractor jumped the gun and opened the valve.'), 1);
  });

  it('reads sleeping through a page as a person\'s slip, not a process\'s', () => {
    assert.equal(blame('The night operator slept through three pages.'), 1);
    assert.equal(blame('The daemon slept through the maintenance window.'), 0);
  });

  it('reads a typo or a misconfiguration by a person as owned fault', () => {
    assert.equal(blame('A typo by the release engineer broke the zone file.'), 1);
    assert.equal(blame('A typo in the manifest broke the zone file.'), 0);
    assert.equal(blame("The network admin's misconfiguration dropped the tunnel."), 1);
  });

  it('lets a name own a fault only people own: "X\'s fault" alone, "X\'s failure to" leave out a step', () => {
    assert.equal(blame("The outage was Oona's fault."), 1);
    assert.equal(blame("Kestrel's fault tolerance settings were too strict."), 0);
    assert.equal(blame("Fenna's failure to verify the checksum corrupted the image."), 1);
    assert.equal(blame("Bramble's failure to evict old keys filled the cache."), 0);
  });

  it('reads the antecedent of "who" as a person', () => {
    assert.equal(blame('It was Teodor who broke the build.'), 1);
    assert.equal(blame('It was Teodor who noticed the broken build.'), 0);
    assert.equal(blame('The commit that Teodor pushed broke the build.'), 0);
  });

  it('reports words that two rows match once', () => {
    assert.equal(blame('Ines was careless with the retention flag.'), 1);
  });

  it('reads a verb form right after a determiner as describing a thing', () => {
    assert.equal(blame('Yara restored the forgotten cron entry.'), 0);
    assert.equal(blame('Yara forgot the cron entry.'), 1);
  });

  it('lets a name be at fault when a copula names it so ("it was X\'s error")', () => {
    assert.equal(blame("The lockout was Anouk's error."), 1);
    assert.equal(blame("Anouk's error budget ran out on Tuesday."), 0);
  });

  it('gives an act after a passive to the person after "by"', () => {
    assert.equal(blame('The rollback was started by Quentin without telling the on-call.'), 1);
    assert.equal(blame('The rollback was started by the scheduler without telling the on-call.'), 0);
  });

  it('reads nouns inside a responsibility verdict ("responsible for the billing outage")', () => {
    assert.equal(blame('The contractor was responsible for the billing outage.'), 1);
    assert.equal(blame('The cleanup job is responsible for the billing exports.'), 0);
    assert.equal(blame('The shift lead was responsible for the incident review.'), 0, 'a fault noun naming another thing');
  });

  it('names a person who caused or broke it, not a change that did', () => {
    assert.equal(blame('The night operator triggered the incident.'), 1);
    assert.equal(blame('The config push triggered the incident.'), 0);
  });
});

describe('word patterns', () => {
  it('"~+" takes nouns among up to three modifiers, "~" does not', () => {
    const tokens = tokensOf('It was the billing team outage.');
    assert.equal([...findAll(compile('was ~+ outage'), tokens)].length, 1);
    assert.equal([...findAll(compile('was ~ outage'), tokens)].length, 0);
  });

  it('inflects a verb ending in a vowel and "c" with a "k" (panicked)', () => {
    assert.ok(verbForms('panic').includes('panicked'));
    assert.ok(verbForms('panic').includes('panicking'));
  });
});

describe('subjects the tagger misreads', () => {
  it('reads a role tagged as a verb before the verb as the subject\'s head', () => {
    const tokens = tokensOf('The release lead signed off on the change.');
    assert.equal(personSubject(tokens, tokens.findIndex((t) => t.lower === 'signed')), 'person');
    assert.equal(blame('The release lead skipped the canary stage.'), 1);
    assert.equal(blame('The release pipeline skipped the canary stage.'), 0);
  });

  it('reads a role tagged as a verb before an adverb and the verb as the subject\'s head', () => {
    const tokens = tokensOf('The support lead mistakenly closed the ticket.');
    assert.equal(personSubject(tokens, tokens.findIndex((t) => t.lower === 'closed')), 'person');
  });

  it('reads a participle between a determiner and a noun as a modifier of the subject', () => {
    assert.equal(blame('Our outsourced help desk mishandled the refund.'), 1);
    assert.equal(blame('Our outsourced billing system mishandled the refund.'), 0);
  });

  it('reads a desk as people only with a word that makes it a service desk', () => {
    const phrase = (words: string) => personPhrase(tokensOf(words), 0, tokensOf(words).length);
    assert.equal(phrase('the support desk'), 'person');
    assert.equal(phrase('the service desk'), 'person');
    assert.equal(phrase('the service agent'), undefined, 'a service is a desk\'s word only');
    assert.equal(phrase('the standing desk'), undefined);
  });
});

describe('mistaken acts told through a gerund or a passive', () => {
  it('finds a safeguard named through a light verb after "without"', () => {
    assert.equal(blame('Joaquim rebooted the router without taking a backup.'), 1);
    assert.equal(blame('The analyst closed the ticket without waiting for the review.'), 1);
    assert.equal(blame('The DBA rebuilt the index without taking the table offline.'), 0);
  });

  it('gives a wrong target or a skipped safeguard after "by" + gerund to the clause\'s subject', () => {
    assert.equal(blame('The mobile team met the deadline by shipping an unreviewed build.'), 1);
    assert.equal(blame('The release job met the deadline by shipping an unreviewed build.'), 0);
  });

  it('reads a wrong target as the subject of a passive done by a person', () => {
    assert.equal(blame('The wrong certificate was revoked by the security officer.'), 1);
    assert.equal(blame('The wrong certificate was revoked by the renewal job.'), 0);
    assert.equal(blame('The wrong certificate was revoked.'), 0);
    assert.equal(blame('The wrong certificate was corrected by the security officer.'), 0, 'a verb of correcting');
  });
});

describe('a claim that is denied', () => {
  it('reads the "that" clause after a negated claim as denied, for every rule', () => {
    assert.equal(blame('The audit found no sign that the operator was careless.'), 0);
    assert.equal(blame('The audit found that the operator was careless.'), 1);
    assert.equal(hindsight('Nothing suggests that the cause was obvious.'), 0);
    const tokens = tokensOf('There is no evidence that the DBA was careless.');
    assert.ok(negatedAt(tokens, tokens.findIndex((t) => t.lower === 'careless')));
  });

  it('does not deny a clause after a negation that is no claim', () => {
    assert.equal(blame('We did not rotate the key, so that the operator could be careless.'), 1);
  });
});

describe('counterfactuals inverted, compounded, passive or without a subject', () => {
  it('reads an inverted "had" with any would or could after it', () => {
    assert.equal(counterfactual('Had the team pinned the image, the cluster would still be healthy.'), 1);
    assert.equal(counterfactual('The team had pinned the image, so the cluster stayed healthy.'), 0);
  });

  it('reads an inverted "were" when the consequence is a would-have', () => {
    assert.equal(counterfactual('Were the alerts routed to the pager, the outage would have been shorter.'), 1);
    assert.equal(counterfactual('Were the alerts routed to the pager? The route says yes.'), 0);
  });

  it('reads a noun joined to a participle as one verb ("load tested")', () => {
    assert.equal(counterfactual('We ought to have smoke tested the build.'), 1);
    assert.equal(counterfactual('The team needed to have load balancers in both zones.'), 0);
  });

  it('reads "should have been done" as a judgement and "should have been done by 04:00" as a schedule', () => {
    assert.equal(counterfactual('The certificate should have been renewed in June.'), 1);
    assert.equal(counterfactual('The export should have been finished by 04:00.'), 0);
    assert.equal(counterfactual('The logs should have been purged after 90 days per the retention policy.'), 0);
  });

  it('reads "should have" with no subject as the writers judging their own past', () => {
    assert.equal(counterfactual('- Should have paged the vendor earlier.'), 1);
    assert.equal(counterfactual('- The proxy should have retried twice.'), 0);
  });

  it('reads "with better X" as a condition only before a would-have of a done act', () => {
    assert.equal(counterfactual('With better dashboards the stall would have ended sooner.'), 1);
    assert.equal(counterfactual('With more shards, the cluster would have more headroom.'), 0);
  });

  it('reads a failure called avoidable, unless that is denied', () => {
    assert.equal(counterfactual('The data loss was avoidable.'), 1);
    assert.equal(counterfactual('The data loss was not avoidable with the tools at hand.'), 0);
  });
});

describe('hindsight about the start', () => {
  it('reads "clear from the start" and "all along", not a requirement from day one', () => {
    assert.equal(hindsight('It was clear from the beginning that the pool was too small.'), 1);
    assert.equal(hindsight('The fault was known all along.'), 1);
    assert.equal(hindsight('Backups must be encrypted from day one.'), 0);
    assert.equal(hindsight('It was clear from the start of the call that the pool was full.'), 0, 'a moment, not all along');
  });

  it('reads an answer called plain or clear to see', () => {
    assert.equal(hindsight('It was plain to see that the queue was stuck.'), 1);
  });

  it('reads warning signs said to be everywhere', () => {
    assert.equal(hindsight('In the weeks before, the warning signs were everywhere.'), 1);
  });

  it('reads "naturally" that comments on a clause, not one that tells how', () => {
    assert.equal(hindsight('Naturally the restore script had never run.'), 1);
    assert.equal(hindsight('The backlog drained naturally once consumers caught up.'), 0);
  });
});
