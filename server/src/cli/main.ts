// The `postmortem-lint` command: parse arguments, dispatch, set the exit code.
import { parseArgs } from 'node:util';
import { ConfigError } from '../config/load';
import { runCommand, UsageError } from './commands';

const HELP = `Usage: postmortem-lint [options] [paths or globs...]
       postmortem-lint timeline FILE [--format json|text|svg|html]
       postmortem-lint actions [paths...] [--format json|csv|markdown]

Lints blameless incident postmortems written in Markdown (.md, .markdown, .mdx, .qmd).

Options:
  --format NAME          stylish (default), json, sarif, github
  --config PATH          use this .postmortemrc file instead of searching upward
  --fix                  apply safe fixes in place
  --max-warnings N       exit 1 when there are more than N warnings
  --stdin                lint standard input  [--stdin-filename NAME]
  --now YYYY-MM-DD       the date for overdue checks (default: today)
  --quiet                report errors only
  -h, --help             show this help
  -v, --version          show the version

Exit codes: 0 no errors, 1 errors found (or too many warnings), 2 bad usage, unreadable file or bad config.
`;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv, allowPositionals: true, strict: true,
      options: {
        format: { type: 'string' }, config: { type: 'string' }, fix: { type: 'boolean' },
        'max-warnings': { type: 'string' }, stdin: { type: 'boolean' }, 'stdin-filename': { type: 'string' },
        now: { type: 'string' }, quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' },
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
    return await runCommand(parsed.positionals, parsed.values);
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
