// The `postmortem-lint` command: parse arguments, dispatch, set the exit code.
import { parseArgs } from 'node:util';
import { ConfigError } from '../config/load';
import { runCommand, UsageError } from './commands';

const HELP = `Usage: postmortem-lint [options] [paths, globs or !globs...] [--trackers|--no-trackers]
       postmortem-lint timeline FILE [--format json|text|svg|html]
       postmortem-lint actions [paths...] [--format json|csv|markdown] [--trackers]
       postmortem-lint report [paths...] [--format html|json|markdown] [--trackers]

Lints blameless incident postmortems written in Markdown (.md, .markdown, .mdx, .qmd). Of the
files given or found in folders, only postmortems are checked, as in the editor: a path matching
**/postmortems/**, **/incidents/** or *postmortem*.md (and similar), front matter
\`type: postmortem\`, or a title naming a postmortem or incident report. Files ignored by .gitignore,
--ignore, a !glob argument or the config's "ignores" are skipped; symbolic links are not followed.

Options:
  --format NAME          stylish (default), json, sarif, github, gitlab
  --output-file PATH     write the report to PATH instead of standard output
  --config PATH          use this .postmortemrc file instead of searching upward (the search
                         stops at the repository root, or the working directory outside one)
  --fix                  apply safe fixes in place (UTF-8 postmortems only; never through a link)
  --max-warnings N       allow up to N warnings (default 0; --max-warnings=-1: no limit)
  --ignore GLOB          skip matching paths (.gitignore syntax; repeatable)
  --all-markdown         lint every Markdown file given, postmortem or not
  --stdin                lint standard input  [--stdin-filename NAME]
  --now YYYY-MM-DD       the date for overdue checks (default: today)
  --quiet                report errors only
  --trackers             read each linked issue's state: lint reports action-item-drift; actions/report
                         add states and drift (GITHUB_TOKEN, GITLAB_TOKEN, JIRA_EMAIL/JIRA_API_TOKEN,
                         each sent only to GITHUB_API_URL, GITLAB_URL, JIRA_URL or github.com/gitlab.com)
  --no-trackers          never read trackers, even when the configuration sets trackers.enabled
  -h, --help             show this help
  -v, --version          show the version

Exit codes: 0 no errors and no warnings beyond --max-warnings (info and hints never fail);
1 errors, or warnings beyond --max-warnings (warnings fail by default); 2 bad usage, a bad
config, or a file that could not be read or fixed. FORCE_COLOR and NO_COLOR are honoured.
`;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv, allowPositionals: true, strict: true,
      options: {
        format: { type: 'string' }, config: { type: 'string' }, fix: { type: 'boolean' },
        'max-warnings': { type: 'string' }, stdin: { type: 'boolean' }, 'stdin-filename': { type: 'string' },
        now: { type: 'string' }, trackers: { type: 'boolean' }, 'no-trackers': { type: 'boolean' }, quiet: { type: 'boolean' }, ignore: { type: 'string', multiple: true },
        'all-markdown': { type: 'boolean' }, 'output-file': { type: 'string' }, help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    process.stderr.write(`postmortem-lint: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (parsed.values.version) {
    process.stdout.write(`${PM_VERSION}\n`);
    return 0;
  }
  try {
    // --no-trackers wins over --trackers and over `trackers.enabled` in a repository's configuration.
    const { 'no-trackers': noTrackers, ...values } = parsed.values;
    return await runCommand(parsed.positionals, noTrackers ? { ...values, trackers: false } : values);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(`postmortem-lint: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    process.stderr.write(`postmortem-lint: internal error: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
