// Every written form of an English verb, so a table row says "forget:v" once and matches
// forgets, forgot, forgotten and forgetting. Regular endings by rule; the irregular verbs by table.
// Spellings that do not exist ("skiped" next to "skipped") cost nothing: no text contains them.

const IRREGULAR: Record<string, string[]> = {
  be: ['am', 'is', 'are', 'was', 'were', 'been', 'being', "'s", "'re"], have: ['has', 'had', 'having', "'ve"], do: ['does', 'did', 'done', 'doing'],
  go: ['goes', 'went', 'gone', 'going'], forget: ['forgot', 'forgotten'], take: ['took', 'taken'], make: ['made'], lose: ['lost'],
  fall: ['fell', 'fallen'], lie: ['lay', 'lain', 'lying'], sit: ['sat'], catch: ['caught'], find: ['found'], read: ['read'],
  misread: ['misread'], misunderstand: ['misunderstood'], mistake: ['mistook', 'mistaken'], run: ['ran'], begin: ['began', 'begun'],
  write: ['wrote', 'written'], come: ['came'], see: ['saw', 'seen'], know: ['knew', 'known'], get: ['got', 'gotten'],
  give: ['gave', 'given'], put: ['put'], set: ['set'], send: ['sent'], spend: ['spent'], think: ['thought'], bring: ['brought'],
  break: ['broke', 'broken'], choose: ['chose', 'chosen'], hold: ['held'], keep: ['kept'], leave: ['left'], stand: ['stood'],
  understand: ['understood'], overlook: [], overtake: ['overtook', 'overtaken'], undo: ['undid', 'undone'], withdraw: ['withdrew', 'withdrawn'],
  shut: ['shut'], cut: ['cut'], hit: ['hit'], let: ['let'], quit: ['quit'], spot: ['spotted'], ring: ['rang', 'rung'], sound: [],
  fight: ['fought'], light: ['lit'], rise: ['rose', 'risen'], drive: ['drove', 'driven'], throw: ['threw', 'thrown'], blow: ['blew', 'blown'],
  say: ['said'], pay: ['paid'], tell: ['told'], hear: ['heard'], feel: ['felt'], meet: ['met'], build: ['built'], wake: ['woke', 'woken'],
  sleep: ['slept'],
};

const VOWEL = /[aeiou]/;

function regular(verb: string): string[] {
  const out = [verb];
  const last = verb.at(-1) ?? '';
  const beforeLast = verb.at(-2) ?? '';
  // Third person.
  if (/(?:s|sh|ch|x|z|o)$/.test(verb)) out.push(`${verb}es`);
  else if (last === 'y' && !VOWEL.test(beforeLast)) out.push(`${verb.slice(0, -1)}ies`);
  else out.push(`${verb}s`);
  // Past and gerund.
  if (verb.endsWith('ee') || verb.endsWith('ye') || verb.endsWith('oe')) out.push(`${verb}d`, `${verb}ing`);
  else if (verb.endsWith('ie')) out.push(`${verb}d`, `${verb.slice(0, -2)}ying`);
  else if (last === 'e') out.push(`${verb}d`, `${verb.slice(0, -1)}ing`);
  else if (last === 'y' && !VOWEL.test(beforeLast)) out.push(`${verb.slice(0, -1)}ied`, `${verb}ing`);
  // A final "c" after a vowel takes a "k" (panic → panicked, traffic → trafficking).
  else if (last === 'c' && VOWEL.test(beforeLast)) out.push(`${verb}ked`, `${verb}king`);
  else {
    out.push(`${verb}ed`, `${verb}ing`);
    // A final consonant after one vowel may double (stop → stopped, commit → committed).
    if (/[^aeiou][aeiou][bcdfgklmnprstvz]$/.test(verb)) out.push(`${verb}${last}ed`, `${verb}${last}ing`);
  }
  return out;
}

const cache = new Map<string, string[]>();

/** All forms of a verb; a phrasal verb ("go off") inflects its first word. */
export function verbForms(verb: string): string[] {
  let forms = cache.get(verb);
  if (forms) return forms;
  const [head, ...rest] = verb.toLowerCase().split(/[\s_]+/);
  const tail = rest.length ? ` ${rest.join(' ')}` : '';
  const prefix = /^(?:mis|re|un|over|under|fat-)/.exec(head)?.[0] ?? '';
  const irregular = IRREGULAR[head] ?? (prefix && IRREGULAR[head.slice(prefix.length)]?.map((f) => prefix + f));
  const heads = new Set([...regular(head), ...(irregular ?? [])]);
  forms = [...heads].map((h) => h + tail);
  cache.set(verb, forms);
  return forms;
}

/** "put", "reset", "misread": verbs whose past is written like their base form, so the form alone does not say present. */
export function pastLikeBase(verb: string): boolean {
  const prefix = /^(?:mis|re|un|pre)/.exec(verb)?.[0] ?? '';
  const head = IRREGULAR[verb] ? verb : verb.slice(prefix.length);
  return IRREGULAR[head]?.includes(head) ?? false;
}
