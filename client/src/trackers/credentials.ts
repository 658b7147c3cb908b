// Tracker credentials in the editor: GitHub through VS Code's own sign-in (or a token kept in
// SecretStorage, for GitHub Enterprise and tests), GitLab and Jira tokens in SecretStorage. Never in
// settings or files. The server gets them with the settings in one notification, sent again whenever
// a setting, a secret or a GitHub session changes.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { TrackerSettingsNotification, type TrackerSettings } from '../../../server/src/trackerProtocol';

export type TokenKind = 'github' | 'gitlab' | 'jiraEmail' | 'jiraToken';
const SECRET = (kind: TokenKind) => `postmortem.trackers.${kind}`;
const KINDS: TokenKind[] = ['github', 'gitlab', 'jiraEmail', 'jiraToken'];

export function trackerSetting<T>(key: string, fallback: T): T {
  return vscode.workspace.getConfiguration('postmortem.trackers').get<T>(key, fallback);
}

/**
 * An address a credential is sent to: from the user's own settings only. The manifest scopes these
 * settings to the machine; a value in a workspace's settings is ignored here as well, since whoever
 * writes the repository would otherwise choose where the token goes.
 */
export function userTrackerUrl(key: 'githubApiUrl' | 'gitlabUrl' | 'jiraUrl'): string | undefined {
  const value = vscode.workspace.getConfiguration('postmortem.trackers').inspect<string>(key)?.globalValue;
  return typeof value === 'string' && value.trim() ? value.trim().replace(/\/+$/, '') : undefined;
}

export const GITHUB_API = 'https://api.github.com';

/** The GitHub API address: the setting (GitHub Enterprise Server, or a local server in tests), else github.com's. */
export function githubApiUrl(): string {
  return userTrackerUrl('githubApiUrl') ?? GITHUB_API;
}

export class TrackerCredentials implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly secrets: vscode.SecretStorage) {}

  /**
   * A stored token first (set on purpose), else the GitHub session VS Code already has, which belongs
   * to github.com and so is used only with api.github.com; never prompts unless asked to. Nothing in
   * an untrusted workspace.
   */
  async githubToken(signIn = false): Promise<string | undefined> {
    if (!vscode.workspace.isTrusted) return undefined;
    const stored = await this.secrets.get(SECRET('github'));
    if (stored) return stored;
    if (githubApiUrl() !== GITHUB_API) return undefined;
    try {
      const session = await vscode.authentication.getSession('github', ['repo'], signIn ? { createIfNone: true } : { createIfNone: false, silent: true });
      return session?.accessToken;
    } catch {
      return undefined; // no GitHub authentication provider (a web host without it), or the user declined
    }
  }

  async settings(): Promise<TrackerSettings> {
    const enabled = trackerSetting('enabled', false);
    if (!enabled) return { enabled };
    const urls = { githubApiUrl: userTrackerUrl('githubApiUrl'), gitlabUrl: userTrackerUrl('gitlabUrl'), jiraUrl: userTrackerUrl('jiraUrl'), refreshMinutes: trackerSetting('refreshMinutes', 10) };
    // An untrusted workspace is read anonymously: its documents choose which hosts are asked.
    if (!vscode.workspace.isTrusted) return { enabled, ...urls };
    return {
      enabled, ...urls, githubToken: await this.githubToken(),
      gitlabToken: await this.secrets.get(SECRET('gitlab')), jiraEmail: await this.secrets.get(SECRET('jiraEmail')), jiraToken: await this.secrets.get(SECRET('jiraToken')),
    };
  }

  /** Keeps the server's copy current: now, and on every change to the settings, the secrets or the GitHub sessions. */
  syncWith(client: BaseLanguageClient): void {
    const send = async () => {
      if (client.isRunning()) await client.sendNotification(TrackerSettingsNotification, await this.settings());
    };
    const soon = () => void send().catch(() => undefined);
    this.disposables.push(
      client.onDidChangeState(soon),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('postmortem.trackers') && soon()),
      this.secrets.onDidChange((e) => e.key.startsWith('postmortem.trackers.') && soon()),
      vscode.authentication.onDidChangeSessions((e) => e.provider.id === 'github' && soon()),
      vscode.workspace.onDidGrantWorkspaceTrust(soon),
    );
    soon();
  }

  /** Stores a token; with no arguments, asks which one and for its value (a password box). */
  async setToken(kind?: TokenKind, value?: string): Promise<void> {
    const chosen = kind ?? (await vscode.window.showQuickPick(KINDS.map((k) => ({ label: tokenLabel(k), token: k })), { placeHolder: vscode.l10n.t('Which tracker credential to store?') }))?.token;
    if (!chosen) return;
    const secret = value ?? await vscode.window.showInputBox({ prompt: tokenLabel(chosen), password: chosen !== 'jiraEmail', ignoreFocusOut: true });
    if (!secret) return;
    await this.secrets.store(SECRET(chosen), secret.trim());
  }

  async clearTokens(): Promise<void> {
    for (const kind of KINDS) await this.secrets.delete(SECRET(kind));
    void vscode.window.showInformationMessage(vscode.l10n.t('Postmortem: tracker credentials cleared. GitHub still uses the account VS Code is signed in with, if any.'));
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

function tokenLabel(kind: TokenKind): string {
  switch (kind) {
    case 'github': return vscode.l10n.t('GitHub token (overrides the VS Code GitHub account; for GitHub Enterprise)');
    case 'gitlab': return vscode.l10n.t('GitLab personal access token (read_api)');
    case 'jiraEmail': return vscode.l10n.t('Jira account email');
    case 'jiraToken': return vscode.l10n.t('Jira API token');
  }
}
