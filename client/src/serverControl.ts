// Owns the language client's life: `postmortem.enable` starts and stops it, Restart Server restarts
// it, Show Output opens its log. The same client object lives on, so views keep their reference.
import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';

export function isEnabled(): boolean {
  return vscode.workspace.getConfiguration('postmortem').get<boolean>('enable', true);
}

export class ServerControl implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  /** Serialises start/stop/restart: a toggle during a start waits for it instead of racing it. */
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly client: BaseLanguageClient, private readonly output: vscode.LogOutputChannel) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('postmortem.enable')) void this.sync();
      }),
    );
  }

  get running(): boolean {
    return this.client.state === State.Running;
  }

  /** Starts the server when enabled and stops it when not. */
  sync(): Promise<void> {
    return this.enqueue(async () => {
      if (isEnabled() && this.client.state === State.Stopped) await this.client.start();
      else if (!isEnabled() && this.client.state !== State.Stopped) await this.client.stop();
    });
  }

  restart(): Promise<void> {
    return this.enqueue(async () => {
      if (!isEnabled()) {
        const enable = vscode.l10n.t('Enable');
        const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Postmortem checks are turned off (postmortem.enable).'), enable);
        if (choice === enable) await vscode.workspace.getConfiguration('postmortem').update('enable', true, vscode.ConfigurationTarget.Global);
        return;
      }
      this.output.info('Restarting the language server on request.');
      if (this.client.state !== State.Stopped) await this.client.stop();
      await this.client.start();
    });
  }

  showOutput(): void {
    this.output.show(true);
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    const next = this.queue.then(step, step);
    this.queue = next.catch((error) => this.output.error(`Language server: ${error instanceof Error ? error.message : String(error)}`));
    return next;
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
