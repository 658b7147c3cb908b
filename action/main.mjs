// The GitHub Action's entry (action.yml). GitHub passes each input as an INPUT_<NAME> variable
// (upper-cased, spaces as underscores) and runs this file with the workspace as working directory.
// It runs the bundled CLI shipped next to it, or, in a checkout without the bundle, the published
// package of the same version.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function input(name, env = process.env) {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

const lines = (value) => value.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);

/** The CLI arguments for the action's inputs; throws on an input it cannot use. */
export function cliArguments(env = process.env) {
  const paths = lines(input('paths', env));
  const args = [...(paths.length ? paths : ['.']), '--format', input('format', env) || 'github'];
  if (input('config', env)) args.push('--config', input('config', env));
  if (input('output-file', env)) args.push('--output-file', input('output-file', env));
  for (const pattern of lines(input('ignore', env))) args.push('--ignore', pattern);
  if (input('all-markdown', env) === 'true') args.push('--all-markdown');
  const failOn = input('fail-on', env) || 'warning';
  if (!['warning', 'error', 'never'].includes(failOn)) throw new Error(`fail-on must be warning, error or never, got "${failOn}".`);
  const maxWarnings = input('max-warnings', env);
  if (maxWarnings && !/^\d+$/.test(maxWarnings)) throw new Error(`max-warnings must be a whole number, got "${maxWarnings}".`);
  if (failOn !== 'warning') args.push('--max-warnings=-1');
  else if (maxWarnings) args.push(`--max-warnings=${maxWarnings}`);
  return { args, failOn };
}

function main(env = process.env) {
  let plan;
  try {
    plan = cliArguments(env);
  } catch (error) {
    process.stdout.write(`::error title=postmortem-lint::${error.message}\n`);
    return 2;
  }
  const bundled = join(root, 'dist', 'cli.js');
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  const [command, ...prefix] = existsSync(bundled) ? [process.execPath, bundled] : ['npx', '--yes', `postmortem-lint@${version}`];
  const run = spawnSync(command, [...prefix, ...plan.args], { stdio: 'inherit', cwd: env.GITHUB_WORKSPACE || process.cwd() });
  const code = run.status ?? 2;
  if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, `exit-code=${code}\nreport-file=${input('output-file', env)}\n`);
  if (code === 2) return 2;
  return plan.failOn === 'never' ? 0 : code;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main();
