// Which entries mark the incident's milestones: explicit markers first, then the entry's meaning,
// read by the sentence reader (verb forms, synonyms, negation and the subject of the verb).
import { clauseStart, negatedAt, personPhrase, phraseAt, quoted, subjectOf } from '../language/clauses';
import { compile, findAll, mayMatch, type Pattern } from '../language/match';
import { readLine } from '../language/reader';
import type { Sentence, Token } from '../language/types';
import type { Milestone, TimelineEntry } from './types';
import { MILESTONES } from './types';

/** The explicit marker, invisible when rendered: `<!-- milestone: detected -->`. */
export const MILESTONE_MARKER = /<!--\s*milestone:\s*(impact-start|detected|acknowledged|mitigated|resolved)\s*-->/i;

/** What the incident is called: the subject (or object) a resolving verb needs. */
const INCIDENT = new Set(['incident', 'issue', 'outage', 'problem', 'sev', 'sev-1', 'sev-2', 'sev-3', 'sev1', 'sev2', 'sev3', 'p1', 'p2', 'event', 'degradation', 'impact', 'it', 'everything', 'service', 'services', 'bridge', 'ticket', 'status']);
/** What an alert is: the subject of "fires", "goes off", "triggers". */
const ALERTS = new Set(['alert', 'alerts', 'alarm', 'alarms', 'page', 'pager', 'pagerduty', 'opsgenie', 'alertmanager', 'monitor', 'monitors', 'monitoring', 'check', 'checks', 'probe', 'probes', 'canary', 'slo', 'burn', 'watchdog', 'healthcheck', 'notification', 'notifications', 'rule', 'synthetics']);
/** What harm is: the subject of "begins", "spikes" at the impact's start. */
const HARM = new Set(['impact', 'outage', 'incident', 'degradation', 'error', 'errors', 'failure', 'failures', 'latency', 'timeouts', 'timeout', 'disruption', 'downtime', '5xx', '500s', '502s', '503s', '504s', 'crashes', 'crash', 'rate', 'rates', 'problems', 'issues']);
const REPORTERS = new Set(['user', 'users', 'customer', 'customers', 'support', 'someone', 'client', 'clients', 'partner', 'partners', 'merchant', 'merchants', 'tenant', 'tenants', 'people', 'staff', 'clinicians']);

/** How a row is tied to the entry: any subject, or a subject (or with `orObject`, an object) from a set. */
interface MilestoneRow {
  milestone: Milestone;
  pattern: string;
  subject?: ReadonlySet<string>;
  /** A person or "we" as subject is enough when the object is in `subject` ("we close the incident"). */
  orObject?: boolean;
  /** The match must be a verb (so "status page" is not "page"). */
  verb?: boolean;
  /** Sentences that must mark this milestone and sentences that must not: tested. */
  example: string;
  counterExample: string;
}

export const MILESTONE_ROWS: MilestoneRow[] = [
  { milestone: 'impact-start', pattern: 'begin:v|start:v|spike:v|appear:v|surge:v|jump:v|climb:v|rise:v', subject: HARM, example: 'Errors on the checkout API begin.', counterExample: 'The deploy begins.' },
  { milestone: 'impact-start', pattern: 'begin:v|start:v ~ to? fail:v|error:v|see:v|get:v|receive:v|time_out:v|crash:v|drop:v|return:v', example: 'Users start seeing 502s.', counterExample: 'The team starts drafting the update.' },
  { milestone: 'impact-start', pattern: 'first error|errors|failures|failure|timeouts|crashes / start of the? impact|outage|incident|degradation / impact|outage begins|began|starts|started', example: 'First errors in the payment logs.', counterExample: 'Error budget review scheduled.' },
  { milestone: 'detected', pattern: 'fire:v|trigger:v|go_off:v|sound:v|trip:v|page:v|notify:v|alert:v', subject: ALERTS, example: 'The error-rate alert goes off.', counterExample: 'The deploy is triggered by the merge.' },
  { milestone: 'detected', pattern: 'page:v|alert:v|paged|alerted', verb: true, example: 'PagerDuty pages the secondary.', counterExample: 'The status page is updated.' },
  { milestone: 'detected', pattern: 'detect:v|notice:v|spot:v|observe:v|discover:v', example: 'Ops notices the backlog.', counterExample: 'Nobody noticed the backlog.' },
  { milestone: 'detected', pattern: 'report:v|complain:v|escalate:v|flag:v', subject: REPORTERS, example: 'Customers start reporting failures to support.', counterExample: 'The job reports its progress.' },
  { milestone: 'detected', pattern: 'report|reports|complaints|tickets from|of users|customers|support / receive:v * ~ report|reports|complaint|complaints|alert|alerts|page', example: 'Reports from users about failed logins.', counterExample: 'Weekly reports are generated.' },
  { milestone: 'acknowledged', pattern: "acknowledge:v|ack:v|acks|acked|ack'd|ack", example: 'Ops acknowledges.', counterExample: 'The checklist needs an acknowledgement field.' },
  { milestone: 'acknowledged', pattern: 'declare:v|open:v|raise:v ~ sev|sev-1|sev-2|sev-3|sev1|sev2|sev3|incident|p1|p2 / incident|sev|sev-1|sev-2 declared|opened|raised / declare:v ~ an|a|the? incident', example: 'Teodora declared a SEV-2.', counterExample: 'The postmortem for the incident is opened for review.' },
  { milestone: 'acknowledged', pattern: 'begin:v|start:v investigating|triaging|to investigate|to triage / join:v the|a? call|bridge|channel|incident|zoom|room / open:v|create:v|start:v the|an|a? incident? channel|bridge|call|room / take:v|assume:v incident? command|lead', example: 'Yuki joins the bridge.', counterExample: 'The call volume rises.' },
  { milestone: 'mitigated', pattern: 'roll_back:v|rollback|rolled-back|revert:v|fail_over:v|failover|mitigate:v|restore:v|recover:v|stabilize:v|stabilise:v|workaround|hotfix', example: 'Traffic is failed over.', counterExample: 'The failover test is scheduled for Friday.' },
  { milestone: 'mitigated', pattern: 'return:v|go:v|come:v|be:v|get:v ~ back to normal|baseline|healthy / return:v to normal|baseline|healthy|pre-incident / back to normal|baseline', example: 'Errors return to baseline.', counterExample: 'The engineer returns to the office.' },
  { milestone: 'mitigated', pattern: 'drop:v|subside:v|recover:v|normalise:v|normalize:v|stop:v|cease:v|disappear:v|fall:v|decrease:v', subject: HARM, example: 'Error rates drop to zero.', counterExample: 'The deploy stops at 10%.' },
  { milestone: 'resolved', pattern: 'resolve:v|close:v|end:v|conclude:v', subject: INCIDENT, orObject: true, example: 'We close the incident.', counterExample: 'The name resolves to the old address.' },
  { milestone: 'resolved', pattern: 'all-clear / all clear / fully recovered|restored|resolved / fix deployed|verified / incident|outage|issue over|resolved|closed', example: 'All clear given.', counterExample: 'The queue is almost clear.' },
];

const compiled = new Map<MilestoneRow, Pattern>();

function head(tokens: Token[], range: [number, number] | undefined): string | undefined {
  if (!range || range[1] <= range[0]) return undefined;
  return tokens[range[1] - 1].lower.replace(/['’]s$/, '');
}

function tied(row: MilestoneRow, tokens: Token[], from: number, to: number): boolean {
  if (row.verb && tokens[from].pos !== 'V') return false;
  // "the failover test", "rollback plan": a milestone noun naming another thing marks nothing.
  if (to - from === 1 && tokens[from].pos === 'N' && tokens[to]?.pos === 'N') return false;
  if (!row.subject) return true;
  // The words before the verb in its clause: the tagger may read a one-word subject ("Alert fired")
  // as a verb, so this does not depend on finding where the subject ends.
  const before = tokens.slice(clauseStart(tokens, from), from).map((t) => t.lower);
  if (before.some((w) => row.subject!.has(w))) return true;
  if (!row.orObject) return false;
  if (before.every((t) => /^[^\p{L}]*$/u.test(t) || /^\d/.test(t))) return true; // "Resolved." with no other subject
  const subject = subjectOf(tokens, from);
  if (!subject) return false;
  const words = tokens.slice(subject[0], subject[1]).map((t) => t.lower);
  // "We close the incident", "Priya resolves the issue": a person acts on the incident.
  const personal = words.includes('we') || personPhrase(tokens, subject[0], subject[1]) !== undefined;
  const object = phraseAt(tokens, to);
  const objectHead = head(tokens, object);
  return personal && (objectHead === undefined || row.subject.has(objectHead));
}

/**
 * Words that make what follows background to the entry's own event: "resolved after the rollback
 * finished" happens at the entry's time; the rollback happened before it.
 */
const BACKGROUND = new Set(['after', 'once', 'since', 'because', 'when', 'whenever', 'as', 'until', 'before', 'following', 'upon', 'while']);

/** Is the match at `from` inside a clause or phrase that gives background ("after …", "following …")? */
function inBackground(tokens: Token[], from: number): boolean {
  const start = clauseStart(tokens, from);
  if (start > 0 && BACKGROUND.has(tokens[start - 1].lower)) return true;
  for (let k = start; k < from; k++) if (BACKGROUND.has(tokens[k].lower)) return true;
  return false;
}

type Reading = 'main' | 'background';

/** Where a row's milestone is named in the sentence: in its main clause, only in background, or not at all. */
function marks(row: MilestoneRow, sentence: Sentence): Reading | undefined {
  let pattern = compiled.get(row);
  if (!pattern) compiled.set(row, (pattern = compile(row.pattern)));
  if (!mayMatch(pattern, sentence.words)) return undefined;
  const { tokens } = sentence;
  let found: Reading | undefined;
  for (const [from, to] of findAll(pattern, tokens)) {
    if (quoted(tokens, from, to) || negatedAt(tokens, from, 3)) continue;
    if (!tied(row, tokens, from, to)) continue;
    if (!inBackground(tokens, from)) return 'main';
    found = 'background';
  }
  return found;
}

/** Entries' readings by their words (pure on the text): a keystroke in a long timeline reads one entry again. */
const readings = new Map<string, readonly Milestone[]>();
const READINGS_LIMIT = 5000;

/** The milestones an entry's words name, in the order of MILESTONES. */
export function milestonesIn(text: string): readonly Milestone[] {
  let found = readings.get(text);
  if (!found) {
    found = readMilestones(text);
    if (readings.size >= READINGS_LIMIT) readings.delete(readings.keys().next().value as string);
    readings.set(text, found);
  }
  return found;
}

/**
 * The milestones each sentence names. A milestone named only in background ("after the rollback
 * finished") counts when the sentence's main clause names none: the entry's time is its main event's.
 */
function readMilestones(text: string): Milestone[] {
  const found = new Set<Milestone>();
  // `text` is an entry's visible text already (see timelineEntries.ts): no markup left to remove.
  for (const sentence of readLine(text)) {
    const main = new Set<Milestone>();
    const background = new Set<Milestone>();
    for (const row of MILESTONE_ROWS) {
      if (main.has(row.milestone)) continue;
      const reading = marks(row, sentence);
      if (reading) (reading === 'main' ? main : background).add(row.milestone);
    }
    for (const m of main.size > 0 ? main : background) found.add(m);
  }
  return MILESTONES.filter((m) => found.has(m));
}

export function explicitMilestone(source: string): Milestone | undefined {
  const m = MILESTONE_MARKER.exec(source);
  return m ? (m[1].toLowerCase() as Milestone) : undefined;
}

/**
 * Gives each milestone to one entry. An explicit marker wins; otherwise the first entry whose words
 * name the milestone and that does not already carry another one.
 */
export function assignMilestones(entries: TimelineEntry[]): void {
  const taken = new Set(entries.filter((e) => e.milestoneExplicit).map((e) => e.milestone));
  // Each entry's words are read at most once, and only when a search reaches it (a milestone found early stops it).
  const named: (readonly Milestone[] | undefined)[] = new Array(entries.length);
  for (const milestone of MILESTONES) {
    if (taken.has(milestone)) continue;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      if (entry.milestone) continue;
      if ((named[i] ??= milestonesIn(entry.text)).includes(milestone)) {
        entry.milestone = milestone;
        break;
      }
    }
  }
}
