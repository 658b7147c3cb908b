// Editor settings (workspace/configuration, per resource) merged over the nearest .postmortemrc.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, findConfigFile, readConfigFile } from './config/load';
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

/** Reads the .postmortemrc for a document; a broken file yields defaults and an error message. */
export function configFor(uri: string, settings: EditorSettings): DocumentConfig {
  let file: string | undefined;
  let fileConfig: PostmortemConfig | undefined;
  let error: string | undefined;
  if (uri.startsWith('file:')) {
    try {
      file = findConfigFile(dirname(fileURLToPath(uri)));
      fileConfig = file ? readConfigFile(file) : undefined;
    } catch (e) {
      error = e instanceof ConfigError ? e.message : String(e);
    }
  }
  return { settings, config: resolveConfig([fileConfig, editorLayer(settings)]), configFile: file, error };
}
