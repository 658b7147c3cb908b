// A minimal LSP client over stdio built on vscode-jsonrpc, for protocol tests of the bundled server.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { serverProcessOptions } from '../../server/src/serverLaunch';
import type { ClientCapabilities, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

/** dist/server.js of this repository, found upward from wherever this helper was bundled to. */
function findServer(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'dist', 'server.js'))) return join(dir, 'dist', 'server.js');
  }
  throw new Error('dist/server.js not found: run npm run build');
}

export const SERVER = findServer();

export class TestClient {
  readonly connection: ProtocolConnection;
  private readonly child: ChildProcess;
  readonly published: PublishDiagnosticsParams[] = [];
  readonly shownDocuments: string[] = [];
  readonly messages: string[] = [];
  /** window/logMessage lines from the server. */
  readonly logs: string[] = [];
  refreshes = 0;
  /** What the client answers to workspace/configuration for section "postmortem". */
  settings: Record<string, unknown> = {};
  private listeners: Array<() => void> = [];

  /**
   * By default started as the VS Code client starts it (flags and environment), so the bench
   * measures that; `launch` replaces those, as another editor would start it.
   */
  constructor(env: Record<string, string> = {}, launch = serverProcessOptions()) {
    this.child = spawn(process.execPath, [...launch.execArgv, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...launch.env, ...env } });
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      this.listeners.forEach((l) => l());
    });
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      this.listeners.forEach((l) => l());
      return null;
    });
    this.connection.onRequest('window/showDocument', (p: { uri: string }) => {
      this.shownDocuments.push(p.uri);
      return { success: true };
    });
    this.connection.onRequest('window/showMessageRequest', (p: { message: string }) => {
      this.messages.push(p.message);
      this.listeners.forEach((l) => l());
      return null;
    });
    this.connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
      this.listeners.forEach((l) => l());
    });
    this.connection.onNotification('window/showMessage', (p: { message: string }) => {
      this.messages.push(p.message);
    });
    this.connection.listen();
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  async initialize(capabilities: ClientCapabilities, rootUri: string | null = null): Promise<InitializeResult> {
    const result = await this.connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri, capabilities, workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  /** Resolves when `predicate` holds, re-checking on every notification; rejects after `ms`. */
  waitFor(predicate: () => boolean, what: string, ms = 10000): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
      const check = () => {
        if (!predicate()) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== check);
        resolve();
      };
      this.listeners.push(check);
    });
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone.
    }
    this.connection.dispose();
    this.child.kill();
  }
}
