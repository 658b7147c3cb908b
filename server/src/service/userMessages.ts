// What the user is told: each message once per server lifetime, so a failure that repeats on every
// keystroke (a bad configuration, a rule that throws) is shown once, not at every analysis.
import type { CheckedVersion } from '../documents';

type Tell = (kind: 'error' | 'warning', message: string) => void;

export class UserMessages {
  private readonly told = new Set<string>();

  constructor(
    private readonly tell: Tell | undefined,
    private readonly error: ((message: string) => void) | undefined,
  ) {}

  /** Shows a message once per server lifetime. */
  tellOnce(kind: 'error' | 'warning', message: string): void {
    if (this.told.has(message)) return;
    this.told.add(message);
    this.tell?.(kind, message);
  }

  /** A rule that threw is logged once per document and rule, and shown once per rule. */
  reportRuleFailures(uri: string, checked: CheckedVersion): void {
    for (const failure of checked.headline.errors) {
      const key = `${uri}\u0000${failure.ruleId}`;
      if (this.told.has(key)) continue;
      this.told.add(key);
      this.error?.(`Rule ${failure.ruleId} failed on ${uri}: ${failure.stack ?? failure.message}`);
      this.tellOnce('error', `The rule ${failure.ruleId} failed (${failure.message}), so its findings are missing. Check its options in the settings or .postmortemrc.`);
    }
  }
}
