// The CLI's parsed options and the error that means "bad usage" (exit 2).

export class UsageError extends Error {}

export interface CliValues {
  format?: string;
  config?: string;
  fix?: boolean;
  'max-warnings'?: string;
  stdin?: boolean;
  'stdin-filename'?: string;
  now?: string;
  quiet?: boolean;
  ignore?: string[];
  'all-markdown'?: boolean;
  'output-file'?: string;
  trackers?: boolean;
}

export function parseNow(value: string | undefined): Date {
  if (value === undefined) return new Date();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new UsageError(`--now expects a date as YYYY-MM-DD, got "${value}".`);
  // Noon on that day where the CLI runs: "today" is a local calendar day (model/calendar.ts), and
  // midnight UTC is still the day before anywhere west of Greenwich.
  const [year, month, day] = value.split('-').map(Number);
  return new Date(year, month - 1, day, 12);
}
