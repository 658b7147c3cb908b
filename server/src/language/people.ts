// Who counts as a person or group of people when the sentence names no one: data, one word a row.

/** Nouns for people and groups of people (singular; plurals and possessives are read too). */
export const PERSON_NOUNS = new Set([
  'engineer', 'developer', 'dev', 'programmer', 'operator', 'admin', 'administrator', 'sysadmin', 'sre', 'dba',
  'on-call', 'oncall', 'on-caller', 'oncaller', 'responder', 'intern', 'contractor', 'consultant', 'reviewer', 'approver',
  'deployer', 'releaser', 'maintainer', 'manager', 'management', 'lead', 'captain', 'officer', 'pilot', 'copilot',
  'commander', 'analyst', 'technician', 'tech', 'dispatcher', 'nurse', 'pharmacist', 'doctor', 'physician', 'surgeon',
  'clerk', 'staff', 'staffer', 'employee', 'person', 'individual', 'human', 'team', 'crew', 'squad',
  'department', 'noc', 'ops', 'helpdesk', 'owner', 'author', 'colleague', 'coworker', 'teammate', 'member',
  'hire', 'vendor', 'supplier', 'architect', 'tester', 'qa', 'ic', 'guy', 'folks', 'people', 'someone', 'somebody',
  'whoever', 'he', 'she', 'they', 'i', 'him', 'her', 'them',
  'supervisor', 'coordinator', 'director', 'executive', 'representative', 'receptionist', 'cashier', 'accountant',
  'auditor', 'designer', 'student', 'teacher', 'volunteer', 'moderator', 'trainee', 'newcomer', 'mechanic', 'foreman',
  'specialist', 'attendant', 'contributor', 'committer', 'researcher', 'scientist', 'inspector', 'ceo', 'cto', 'vp',
  'leadership', 'personnel',
]);

/**
 * Heads that name a person only in a human job ("the helpdesk agent", "the support worker", "the
 * support desk") and software or furniture otherwise ("the build agent", "the queue worker", "a
 * standing desk"): a person when a modifier says so.
 */
export const AMBIGUOUS_ROLES = new Set(['agent', 'agents', 'worker', 'workers', 'assistant', 'assistants', 'associate', 'associates', 'rep', 'reps', 'desk', 'desks']);

/** A desk is people with these too ("the service desk", "the front desk"), where an agent would be software. */
const DESK_WORDS = new Set(['service', 'front', 'trading', 'reception', 'dispatch']);

/** Does the modifier `word` make the ambiguous head `head` a person's job? */
export function humanJobModifier(word: string, head: string): boolean {
  return HUMAN_SERVICE_WORDS.has(word) || (/^desks?$/.test(head) && DESK_WORDS.has(word));
}

/** Modifiers that make an ambiguous head a person's job ("the ops agent" may be a monitoring daemon: not listed). */
export const HUMAN_SERVICE_WORDS = new Set(['helpdesk', 'help-desk', 'servicedesk', 'service-desk', 'support', 'customer', 'care', 'help', 'desk', 'call', 'contact', 'sales', 'field', 'travel', 'frontline', 'front-line', 'human', 'booking', 'shift', 'junior', 'senior']);

/**
 * Job titles by their form, for the ones no list holds: "-ist" (receptionist, journalist, not
 * checklist or persist), "-ician" (electrician), "-man"/"-woman"/"-person"/"-smith" (lineman, spokesperson, locksmith;
 * not "-men", which specimen and abdomen end in too; not tools such as Postman or pacman).
 */
export function roleByForm(word: string): boolean {
  if (/^[a-z]{3,}ists?$/.test(word)) return /alists?$/.test(word) || !/(?:list|sist|xist)s?$/.test(word);
  if (/^[a-z]{2,}icians?$/.test(word)) return true;
  return /^[a-z]{3,}(?:man|woman|person|smith)$/.test(word) && !/^(?:ger|ro|otto|talis|cai|sha|post|pac|bat|super|walk|snow)man$/.test(word);
}

/** Pronouns for people. Not "we" (the authors owning a decision) nor "you" (instructions to the reader). */
export const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'someone', 'somebody', 'whoever', 'him', 'her', 'them']);

/** Capitalised words that are products and places, not people, when they start a sentence. */
export const NOT_NAMES = new Set([
  'the', 'this', 'that', 'these', 'those', 'it', 'its', 'we', 'our', 'their', 'there', 'then', 'when', 'if', 'after',
  'before', 'during', 'while', 'at', 'on', 'in', 'by', 'for', 'with', 'a', 'an', 'all', 'some', 'no', 'one', 'each',
  'kubernetes', 'postgres', 'mysql', 'redis', 'kafka', 'terraform', 'ansible', 'jenkins', 'github', 'gitlab', 'slack',
  'nginx', 'envoy', 'consul', 'vault', 'docker', 'linux', 'windows', 'chrome', 'android', 'ios', 'aws', 'gcp', 'azure',
  'travis', 'prometheus', 'grafana', 'helm', 'binder', 'sentry', 'traefik', 'pagerduty', 'opsgenie', 'datadog', 'cloudflare',
  'cron', 'systemd', 'argo', 'spinnaker', 'nomad', 'puppet', 'chef', 'airflow', 'rundeck', 'flux', 'buildkite', 'heroku',
  'fastly', 'akamai', 'okta', 'celery', 'sidekiq', 'nagios', 'zabbix', 'kibana', 'logstash', 'fluentd', 'istio', 'linkerd',
  'etcd', 'zookeeper', 'cassandra', 'mongo', 'rabbitmq', 'memcached', 'varnish', 'haproxy', 'certbot', 'vagrant', 'packer', 'pulumi',
]);

/** Forms of "be" and "get" that make the next participle passive ("was deleted", "got skipped"). */
export const PASSIVE_AUX = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'get', 'gets', 'got', 'gotten', "'s", "'re", "isn't", "wasn't", "weren't", "aren't"]);

/** Words before a person that end a noun phrase's determiners. */
export const DETERMINERS = new Set(['the', 'a', 'an', 'our', 'their', 'his', 'her', 'its', 'this', 'that', 'these', 'those', 'one', 'of', 'another', 'some', 'every', 'each', 'any', 'whichever']);
