// Merges configuration layers (defaults < .postmortemrc < editor settings) and checks them.
import { CANONICAL_ORDER } from '../model/sectionNames';
import { RULES, RULES_BY_ID } from '../rules/registry';
import { readTrackersConfig } from '../trackers/config';
import { DEFAULT_REQUIRED_SECTIONS, DEFAULT_SEVERITY_SCALE, SEVERITIES, type PostmortemConfig, type ResolvedConfig, type RuleSetting, type SeveritySetting, type TrackersConfig } from './types';

function readRuleSetting(setting: RuleSetting, id: string, warnings: string[]): { severity?: SeveritySetting; options?: Record<string, unknown> } {
  const check = (s: unknown): SeveritySetting | undefined => {
    if (s === undefined) return undefined;
    if (typeof s === 'string' && (SEVERITIES as readonly string[]).includes(s)) return s as SeveritySetting;
    warnings.push(`Rule "${id}": severity ${JSON.stringify(s)} is not one of ${SEVERITIES.join(', ')}; using its default.`);
    return undefined;
  };
  if (typeof setting === 'string') return { severity: check(setting) };
  if (Array.isArray(setting)) return { severity: check(setting[0]), options: setting[1] ?? undefined };
  if (setting && typeof setting === 'object') {
    const { severity, options, ...rest } = setting as Record<string, unknown>;
    const opts = (options && typeof options === 'object' ? options : rest) as Record<string, unknown>;
    return { severity: check(severity), options: Object.keys(opts).length ? opts : undefined };
  }
  warnings.push(`Rule "${id}": expected a severity, [severity, options] or { severity, options }.`);
  return {};
}

function stringList(value: unknown, name: string, warnings: string[]): string[] | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  warnings.push(`"${name}" should be a list of strings; ignoring it.`);
  return undefined;
}

/** Later layers override earlier ones, rule by rule and option by option. */
export function resolveConfig(layers: Array<PostmortemConfig | undefined>): ResolvedConfig {
  const warnings: string[] = [];
  const rules = new Map(RULES.map((r) => [r.id, { severity: r.defaultSeverity as SeveritySetting, options: { ...r.defaultOptions } as Record<string, unknown> }]));
  const shared = { requiredSections: [...DEFAULT_REQUIRED_SECTIONS], allowedPhrases: [] as string[], blamePhrases: [] as string[], severityScale: [...DEFAULT_SEVERITY_SCALE] };
  let timezone: string | undefined;
  let ignores: string[] = [];
  let trackers: TrackersConfig | undefined;
  for (const layer of layers) {
    if (!layer || typeof layer !== 'object') continue;
    for (const [id, setting] of Object.entries(layer.rules ?? {})) {
      const target = rules.get(id);
      if (!target) {
        warnings.push(`Unknown rule "${id}" in the configuration. Known rules: ${[...RULES_BY_ID.keys()].join(', ')}.`);
        continue;
      }
      const read = readRuleSetting(setting, id, warnings);
      if (read.severity) target.severity = read.severity;
      if (read.options) Object.assign(target.options, read.options);
    }
    const required = stringList(layer.requiredSections, 'requiredSections', warnings);
    if (required) {
      const unknown = required.filter((k) => !(CANONICAL_ORDER as readonly string[]).includes(k));
      if (unknown.length) warnings.push(`Unknown section names in "requiredSections": ${unknown.join(', ')}. Known: ${CANONICAL_ORDER.join(', ')}.`);
      shared.requiredSections = required;
    }
    shared.allowedPhrases = [...shared.allowedPhrases, ...(stringList(layer.allowedPhrases, 'allowedPhrases', warnings) ?? [])];
    shared.blamePhrases = [...shared.blamePhrases, ...(stringList(layer.blamePhrases, 'blamePhrases', warnings) ?? [])];
    shared.severityScale = stringList(layer.severityScale, 'severityScale', warnings) ?? shared.severityScale;
    if (typeof layer.timezone === 'string') timezone = layer.timezone;
    ignores = [...ignores, ...(stringList(layer.ignores, 'ignores', warnings) ?? [])];
    if (layer.trackers !== undefined) trackers = readTrackersConfig(layer.trackers, trackers, warnings);
  }
  return { rules, shared, timezone, ignores, trackers, warnings };
}
