// Editor settings (workspace/configuration, per resource) merged over the nearest .postmortemrc.
import { ConfigError, configFromFile, configSearch, searchAsync } from './config/load';
import { childUri, displayName, parentUri, type FileSystem } from './service/fileSystem';
import { resolveConfig } from './config/resolve';
import type { PostmortemConfig, ResolvedConfig, RuleSetting } from './config/types';

export interface EditorSettings {
  files: string[];
  rules: Record<string, RuleSetting>;
  run: 'onType' | 'onSave';
  timeline: { timezone: string; format: 'auto' | 'heading' | 'list' | 'table' | 'bold' };
  actionItems: { defaultDueDays: number };
  maxFileSize: number;
}

export const DEFAULT_SETTINGS: EditorSettings = {
  files: ['**/postmortems/**', '**/post-mortems/**', '**/postmortem/**', '**/post-mortem/**', '**/incidents/**', '**/incident-reports/**', '**/*postmortem*.md', '**/*post-mortem*.md'],
  rules: {},
  run: 'onType',
  timeline: { timezone: '', format: 'auto' },
  actionItems: { defaultDueDays: 14 },
  maxFileSize: 1_000_000,
};

export function withDefaults(raw: unknown): EditorSettings {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Partial<EditorSettings>;
  return {
    files: Array.isArray(s.files) ? s.files.filter((f) => typeof f === 'string') : DEFAULT_SETTINGS.files,
    rules: s.rules && typeof s.rules === 'object' ? s.rules : {},
    run: s.run === 'onSave' ? 'onSave' : 'onType',
    timeline: { ...DEFAULT_SETTINGS.timeline, ...(s.timeline ?? {}) },
    actionItems: { defaultDueDays: Number(s.actionItems?.defaultDueDays) > 0 ? Number(s.actionItems?.defaultDueDays) : 14 },
    maxFileSize: Number(s.maxFileSize) > 0 ? Number(s.maxFileSize) : DEFAULT_SETTINGS.maxFileSize,
  };
}

export interface DocumentConfig {
  settings: EditorSettings;
  config: ResolvedConfig;
  /** The configuration file that applied, and the error it had (defaults were used). */
  configFile?: string;
  error?: string;
}

function editorLayer(settings: EditorSettings): PostmortemConfig {
  const rules: Record<string, RuleSetting> = { ...settings.rules };
  const due = rules['action-item-due-date'];
  if (!due || typeof due === 'string') rules['action-item-due-date'] = { ...(due ? { severity: due } : {}), options: { defaultDueDays: settings.actionItems.defaultDueDays } };
  return { rules, timezone: settings.timeline.timezone || undefined };
}

/** The configuration a document gets from a configuration file (or none) and the editor settings. */
export function configFor(settings: EditorSettings, found: { file?: string; config?: PostmortemConfig; error?: string } = {}): DocumentConfig {
  return { settings, config: resolveConfig([found.config, editorLayer(settings)]), configFile: found.file, error: found.error };
}

/**
 * Reads the nearest .postmortemrc above a document through `fs` (the same search as the CLI); a
 * broken file yields defaults and an error message. Documents with no folder (untitled:) get none.
 */
export async function loadConfig(uri: string, settings: EditorSettings, fs: FileSystem): Promise<DocumentConfig> {
  const folder = /^untitled:/i.test(uri) ? undefined : parentUri(uri);
  if (!folder) return configFor(settings);
  let file: string | undefined;
  try {
    file = await searchAsync(configSearch(folder, { join: childUri, parent: parentUri }), async (candidate) => (await fs.stat(candidate).catch(() => undefined)) !== undefined);
    if (!file) return configFor(settings);
    const name = displayName(file);
    return configFor(settings, { file: name, config: await configFromFile(name, () => fs.readFile(file!)) });
  } catch (e) {
    return configFor(settings, { file: file && displayName(file), error: e instanceof ConfigError ? e.message : String(e) });
  }
}
