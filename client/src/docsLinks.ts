// Rule docs links made in the client: the server leaves `codeDescription` out of every diagnostic
// (about a quarter of each report's bytes, resent with every report) and gives, once, each rule's
// docs URL by rule id (server/src/protocol.ts RULE_DOCS_FROM_CODE). A finding gets back the link it
// would have carried: VS Code shows a diagnostic's `code` with a target as a link to that target.
// No `vscode` import here, so the unit tests run it; the caller supplies how a URL becomes a target.
import { RULE_DOCS, type RuleDocs } from '../../server/src/protocol';

/** A diagnostic as the client library gives it: `code` a string (or a number, or already a link). */
export interface LinkableDiagnostic<Target> {
  code?: string | number | { value: string | number; target: Target };
}

/** The rule-docs table of an initialize result, or undefined when the server sent none. */
export function ruleDocsOf(result: { capabilities?: { experimental?: unknown } } | undefined): RuleDocs | undefined {
  const table = (result?.capabilities?.experimental as Record<string, unknown> | undefined)?.[RULE_DOCS];
  return table && typeof table === 'object' ? (table as RuleDocs) : undefined;
}

/**
 * Adds each rule finding's docs link, in place: a diagnostic whose `code` is a rule id of the table
 * gets `{ value: code, target }`. Other diagnostics (a configuration error, an input limit, another
 * extension's) and those that already carry a link stay as they are. One target per rule, made once.
 */
export class DocsLinker<Target> {
  private readonly targets = new Map<string, { value: string; target: Target }>();

  constructor(
    private readonly table: () => RuleDocs | undefined,
    private readonly toTarget: (url: string) => Target,
  ) {}

  add<D extends LinkableDiagnostic<Target>>(diagnostics: D[]): D[] {
    for (const diagnostic of diagnostics) {
      const code = diagnostic.code;
      if (typeof code !== 'string') continue;
      const link = this.linkFor(code);
      if (link) diagnostic.code = link;
    }
    return diagnostics;
  }

  private linkFor(ruleId: string): { value: string; target: Target } | undefined {
    let link = this.targets.get(ruleId);
    if (link) return link;
    const table = this.table();
    const url = table && Object.hasOwn(table, ruleId) ? table[ruleId] : undefined;
    if (typeof url !== 'string') return undefined;
    this.targets.set(ruleId, (link = { value: ruleId, target: this.toTarget(url) }));
    return link;
  }
}
