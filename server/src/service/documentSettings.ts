// Settings and configuration per document: the editor's settings for a resource (asked of the
// client once, until they change), and the configuration they resolve to with the folder's
// .postmortemrc (read once; its problems shown once).
import { DEFAULT_SETTINGS, loadConfig, withDefaults, type DocumentConfig, type EditorSettings } from '../settings';
import type { FileSystem } from './fileSystem';
import type { UserMessages } from './userMessages';

export class DocumentSettings {
  private readonly settingsCache = new Map<string, Promise<EditorSettings>>();
  private readonly configCache = new Map<string, Promise<DocumentConfig>>();
  private globalSettings = DEFAULT_SETTINGS;

  constructor(
    private readonly fs: FileSystem,
    private readonly messages: UserMessages,
    /** The editor settings for a resource (workspace/configuration); undefined: use the global ones. */
    private readonly ask?: (uri: string) => Promise<unknown> | undefined,
  ) {}

  /** Settings that apply where the client cannot be asked per resource. */
  get global(): EditorSettings {
    return this.globalSettings;
  }

  setGlobal(raw: unknown): void {
    this.globalSettings = withDefaults(raw);
  }

  settingsFor(uri: string): Promise<EditorSettings> {
    let pending = this.settingsCache.get(uri);
    if (!pending) {
      const asked = this.ask?.(uri);
      pending = asked ? asked.then(withDefaults, () => this.globalSettings) : Promise.resolve(this.globalSettings);
      // Without a per-resource answer there is nothing to cache: the global settings may change.
      if (asked) this.settingsCache.set(uri, pending);
    }
    return pending;
  }

  documentConfig(uri: string): Promise<DocumentConfig> {
    let pending = this.configCache.get(uri);
    if (!pending) {
      pending = this.settingsFor(uri).then(async (settings) => {
        const config = await loadConfig(uri, settings, this.fs);
        if (config.error) this.messages.tellOnce('error', `${config.error} Using the default configuration.`);
        config.config.warnings.forEach((w) => this.messages.tellOnce('warning', config.configFile ? `${config.configFile}: ${w}` : w));
        return config;
      });
      this.configCache.set(uri, pending);
    }
    return pending;
  }

  /** Settings changed: both are asked and read again. */
  settingsChanged(): void {
    this.settingsCache.clear();
    this.configCache.clear();
  }

  /** A configuration file changed: configurations are read again. */
  configFilesChanged(): void {
    this.configCache.clear();
  }

  /** The document closed. */
  forget(uri: string): void {
    this.settingsCache.delete(uri);
    this.configCache.delete(uri);
  }
}
