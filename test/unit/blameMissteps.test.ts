// Blame by role and by mistaken act: a person named by a job title, and a mistaken act (the wrong
// target, one target instead of another, a safeguard left out) told with a person as its agent.
// Every sentence here was written for this test.
import assert from 'node:assert/strict';
import { clauseStart, personPhrase, personToken } from '../../server/src/language/clauses';
import { roleByForm } from '../../server/src/language/people';
import { readLine } from '../../server/src/language/reader';
import { findingsOf } from '../helpers/languageFindings';

const blame = (text: string) => findingsOf(text, 'no-blame-language');
const quotedBy = (text: string) => blame(text).map((f) => text.slice(f.start, f.end));

function phrasePerson(words: string) {
  const [sentence] = readLine(words);
  return personPhrase(sentence.tokens, 0, sentence.tokens.length);
}

/** Sentences and how many blame findings each gives (0: none), a test per row's name. */
type Counted = [name: string, ...sentences: Array<[sentence: string, findings: number]>];

/** One test per row: each sentence gives the number of blame findings written after it. */
function countCases(rows: readonly Counted[]): void {
  for (const [name, ...sentences] of rows) {
    it(name, () => {
      for (const [sentence, findings] of sentences) assert.equal(blame(sentence).length, findings, sentence);
    });
  }
}

const MISSTEP_COUNTS: Counted[] = [
  [
    'reads "they" after things as those things, and "instead of a ..." as a choice between remedies',
    ['The workers rebooted and they consumed the wrong partition.', 0],
    ['They consumed the wrong partition.', 1],
    ['The shift lead restarted the pool instead of a hotfix because it was quicker.', 0],
  ],
  [
    'leaves an act told as meant alone: the runbook said so, or it was deliberate',
    ['Ines paged the storage rota instead of the platform rota.', 1],
    ['Ines paged the storage rota instead of the platform rota, as the runbook says.', 0],
    ['Ines deliberately paged the storage rota instead of the platform rota.', 0],
    ['Per the playbook, Ines paged the storage rota instead of the platform rota.', 0],
  ],
  [
    'reads "the wrong X" after a verb of correcting or finding as the error being fixed',
    ['The DBA repaired the incorrect grant on the billing schema.', 0],
    ['The DBA revoked the wrong grant on the billing schema.', 1],
  ],
  [
    'counts a change made without a pull request as a safeguard left out',
    ['Haruki merged the migration without a merge request.', 1],
  ],
  [
    'gives a marker after "by" + gerund to the gerund: it tells how, not which target',
    ['Oskar recovered the queue by replaying from the mirror instead of the primary.', 0],
  ],
  [
    'finds the agent before an auxiliary: in "X noticed the job was writing ...", the job writes',
    ['Wen noticed the exporter was uploading to the wrong bucket.', 0],
    ['Wen was uploading to the wrong bucket.', 1],
  ],
  [
    'reads an act done without telling anyone as a person\'s omission',
    ['The DBA resized the volume without notifying the owners.', 1],
    ['The autoscaler resized the volume without notifying the owners.', 0],
  ],
  [
    'reports one mistaken act once, however many markers tell it',
    ['The contractor accidentally wiped the wrong drive instead of the spare.', 1],
  ],
];

describe('people named by their role', () => {
  it('reads job titles by their form, not words that only end like them', () => {
    for (const role of ['specialist', 'receptionists', 'electrician', 'lineman', 'chairperson', 'locksmith']) assert.ok(roleByForm(role), role);
    for (const thing of ['checklist', 'allowlist', 'persist', 'exist', 'twist', 'specimen', 'german', 'postman', 'pacman']) assert.ok(!roleByForm(thing), thing);
  });

  it('does not read "is" as the plural of "I"', () => {
    const [sentence] = readLine('The rota is short.');
    assert.equal(personToken(sentence.tokens[2]), undefined);
    assert.equal(personToken(readLine('The engineers left.')[0].tokens[1]), 'person');
  });

  it('reads an ambiguous head as a person only with a word that makes it a human job', () => {
    assert.equal(phrasePerson('the helpdesk agent'), 'person');
    assert.equal(phrasePerson('the customer care worker'), 'person');
    assert.equal(phrasePerson('the build agent'), undefined);
    assert.equal(phrasePerson('the service agent'), undefined, 'a cloud service agent is an account');
    assert.equal(phrasePerson('the ops agent'), undefined, 'a monitoring daemon');
    assert.equal(phrasePerson('the queue worker'), undefined);
  });

  it('a role blames the way a name does; the same act by software does not', () => {
    assert.equal(blame('The night scheduler mistakenly silenced the fire panel.').length, 0, 'an -er noun is not a role by its form');
    assert.equal(blame('The field technician accidentally unplugged the core switch.').length, 1);
    assert.equal(blame('The monitoring agent accidentally dropped the metrics batch.').length, 0);
    assert.equal(blame('The billing specialist refunded the wrong invoice.').length, 1);
  });
});

describe('mistaken acts with a person as the agent', () => {
  countCases(MISSTEP_COUNTS);

  it('reads the wrong target, a swapped target and a missing safeguard, in past and present tense', () => {
    const fire = [
      'Svetlana restored the snapshot onto the wrong volume.',
      'The release engineer has tagged an incorrect commit.',
      'At 14:02 the storage admin detaches the primary disk instead of the spare.',
      'Kofi was reindexing the live catalogue rather than the copy.',
      'The team lead merged the hotfix without a second review.',
      'He dropped the temp schema without a snapshot.',
    ];
    for (const sentence of fire) assert.equal(blame(sentence).length, 1, sentence);
  });

  it('quotes the act in the message and says what to write instead, without blaming', () => {
    const [finding] = blame('Nadia pointed the exporter at the ledger instead of the mirror.');
    assert.match(finding.message, /^"pointed the exporter at the ledger instead of the mirror" /);
    assert.match(finding.message, /Instead, describe what the system allowed/);
  });

  it('leaves a system as the agent alone: what the system allowed is the finding a postmortem wants', () => {
    for (const sentence of [
      'The sync job wrote the rows to the wrong shard.',
      'The proxy forwarded health checks to the standby instead of the leader.',
      'The schema tool dropped the index without a backup.',
      'The purge ran without a confirmation because the flag defaulted to yes.',
    ]) assert.deepEqual(quotedBy(sentence), [], sentence);
  });

  it('leaves neutral "instead of" and "without" alone', () => {
    for (const sentence of [
      'From now on we page the storage rota instead of the platform rota.',
      'The engineer picked gRPC instead of REST for the new API.',
      'The on-call engineer failed over instead of waiting for the disk to recover.',
      'The on-call engineer rebuilt the index without downtime.',
      'The resync finished without any test failures.',
    ]) assert.deepEqual(quotedBy(sentence), [], sentence);
  });

  it('leaves a role doing the right thing alone', () => {
    assert.deepEqual(quotedBy('09:14 The on-call engineer restarted the broker and lag fell.'), []);
  });

  it('does not judge plans, advice, habits, passives, negations or what a person received', () => {
    for (const sentence of [
      'The operator should restore onto the scratch volume instead of the live one.',
      'The console lets an operator truncate a table without a snapshot.',
      'Operators rotate keys on the replica instead of the primary.',
      'The primary was restarted instead of the replica.',
      'The on-call engineer never deploys without a canary.',
      'The analyst received the wrong export from the scheduler.',
    ]) assert.deepEqual(quotedBy(sentence), [], sentence);
  });

  it('finds the act when the tagger reads its verb as a noun or adjective', () => {
    assert.deepEqual(quotedBy('The support agent reset an incorrect mailbox quota.'), ['reset an incorrect mailbox quota']);
    assert.deepEqual(quotedBy('She purged the wrong topic.').length, 1);
    assert.deepEqual(quotedBy('The DBA ran the bulk DELETE without a WHERE clause.'), ['ran the bulk DELETE without a WHERE clause']);
  });

  it('reads a hyphen joined to a word as part of it, not a dash between clauses', () => {
    const [sentence] = readLine('Lin ran purge -f in the wrong folder.');
    const wrong = sentence.tokens.findIndex((t) => t.lower === 'wrong');
    assert.equal(clauseStart(sentence.tokens, wrong), 0);
    assert.equal(blame('Lin ran purge -f in the wrong folder.').length, 1);
  });

  it('finds the agent before a post-modifier or an aside, and after "by" in a passive', () => {
    assert.equal(blame('The engineer on shift flushed the live cache instead of the canary cache.').length, 1);
    assert.equal(blame('The archivist, in a hurry, shredded the wrong box.').length, 2, 'the hurry and the wrong box');
    assert.equal(blame('The table was vacuumed on the primary instead of the replica by the night operator.').length, 1);
    assert.equal(blame('The patch from the kernel team landed on the wrong fleet.').length, 0, 'the patch is the agent');
    assert.equal(blame('The table was vacuumed on the primary instead of the replica.').length, 0);
  });

  it('reads a hyphenated past verb the tagger took for a noun', () => {
    assert.deepEqual(quotedBy('A junior developer force-merged into the wrong branch.'), ['force-merged into the wrong branch']);
  });

  it('reads a common noun capitalised at the start of a sentence as a thing, and a name in any alphabet as a name', () => {
    for (const sentence of [
      'Provisioning attached the volume to the wrong host.',
      'Rollout pushed the build to the wrong region.',
      'Compaction rewrote the wrong segment.',
      'Stalebot closed the wrong issue.',
    ]) assert.deepEqual(quotedBy(sentence), [], sentence);
    assert.equal(blame('Zoë attached the volume to the wrong host.').length, 1);
    assert.equal(blame('Józef attached the volume to the wrong host.').length, 1);
  });

});
