// The page's side of the web build's language server in headless Chromium, shared by the browser
// tests: the server worker started as the extension's browser client starts it, spoken to in LSP
// messages (vscode-jsonrpc's shapes) over postMessage.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

export const WORKSPACE = 'file:///ws';

/**
 * Code run in the server worker before its script (option `probe`): it watches the nested workers
 * the server starts and tells the page what they do (spawned, terminated, and the answers that say a
 * job began or was given up), in messages with a `probe` field that the server never sends.
 */
const PROBE = `(() => {
  const Native = self.Worker;
  if (typeof Native !== 'function') return;
  self.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      self.postMessage({ probe: 'spawned' });
      this.addEventListener('message', ({ data }) => {
        if (data && data.started) self.postMessage({ probe: 'started', id: data.id });
        if (data && data.abandoned) self.postMessage({ probe: 'abandoned', id: data.id });
      });
    }
    terminate() {
      self.postMessage({ probe: 'terminated' });
      super.terminate();
    }
  };
})();`;

/** What the probe saw a nested worker do. */
export interface Probe {
  probe: 'spawned' | 'terminated' | 'started' | 'abandoned';
  id?: number;
}

export interface ServerOptions {
  budgetMs?: number;
  noNestedWorkers?: boolean;
  direct?: boolean;
  files?: Record<string, string>;
  probe?: boolean;
}

/**
 * The page's side: starts the server worker (from a blob: URL that sets test globals first and
 * imports the script, as the client starts it from a VS Code server; or from its http URL, as on
 * vscode.dev), sends requests and notifications, answers the server's own requests (no files), and
 * keeps its log messages. Each answer carries when it arrived (performance.now()).
 */
export const HARNESS = `
const PROBE = ${JSON.stringify(PROBE)};
window.startServer = (options) => {
  const prelude = [];
  if (options.budgetMs) prelude.push('self.POSTMORTEM_ANALYSIS_BUDGET_MS = ' + options.budgetMs + ';');
  if (options.noNestedWorkers) prelude.push('self.Worker = undefined;');
  if (options.probe) prelude.push(PROBE);
  prelude.push('importScripts(' + JSON.stringify(location.origin + '/server.js') + ');');
  const url = options.direct ? '/server.js' : URL.createObjectURL(new Blob([prelude.join('\\n')], { type: 'text/javascript' }));
  const worker = new Worker(url);
  const waiting = new Map();
  let nextId = 1;
  // The workspace on "disk", by URI, answered as the extension's client answers with vscode.workspace.fs.
  const files = options.files || {};
  const under = (uri) => Object.keys(files).filter((f) => f.startsWith(uri.replace(/\\/+$/, '') + '/'));
  const fileAnswer = (method, uri) => {
    if (method === 'postmortem/fs/stat') return { result: uri in files ? { kind: 'file', size: new TextEncoder().encode(files[uri]).length } : under(uri).length ? { kind: 'directory', size: 0 } : null };
    if (method === 'postmortem/fs/readFile' && uri in files) return { result: { text: files[uri] } };
    if (method === 'postmortem/fs/readDirectory' && under(uri).length) {
      const names = new Map();
      for (const f of under(uri)) {
        const [name, ...rest] = f.slice(uri.replace(/\\/+$/, '').length + 1).split('/');
        names.set(name, { name, kind: rest.length ? 'directory' : 'file', symbolicLink: false });
      }
      return { result: [...names.values()] };
    }
    return method === 'postmortem/fs/stat' || !method.startsWith('postmortem/fs/') ? { result: null } : { error: { code: -32601, message: 'no such file' } };
  };
  const lsp = window.lsp = {
    logs: [], errors: [], fileReads: [], probes: [],
    request(method, params) {
      const id = nextId++;
      return new Promise((resolve) => {
        waiting.set(id, (message) => resolve({ ...message, at: performance.now() }));
        worker.postMessage({ jsonrpc: '2.0', id, method, params });
      });
    },
    notify(method, params) {
      worker.postMessage({ jsonrpc: '2.0', method, params });
    },
  };
  worker.onmessage = ({ data }) => {
    if (data.probe) lsp.probes.push(data);
    else if (data.method === undefined) {
      waiting.get(data.id)?.(data);
      waiting.delete(data.id);
    } else if (data.id !== undefined) {
      if (data.method === 'postmortem/fs/readFile') lsp.fileReads.push({ uri: data.params.uri, at: performance.now() });
      worker.postMessage({ jsonrpc: '2.0', id: data.id, ...fileAnswer(data.method, data.params && data.params.uri) });
    } else if (data.method === 'window/logMessage') lsp.logs.push(data.params.message);
  };
  worker.onerror = (event) => lsp.errors.push(event.message);
};
`;

export interface Answer {
  at: number;
  result?: { items: Array<{ code?: string; message: string }> };
  error?: { code: number; message: string };
}

export type Lsp = { request(method: string, params: unknown): Promise<Answer>; notify(method: string, params: unknown): void; logs: string[]; errors: string[]; fileReads: Array<{ uri: string; at: number }>; probes: Probe[] };

/** With `files`, the workspace is WORKSPACE holding them (URI to text), read through the client's file requests. */
export async function startServer(page: Page, base: string, options: ServerOptions): Promise<void> {
  await page.goto(`${base}/index.html`);
  await page.evaluate((o) => (window as unknown as { startServer: (o: unknown) => void }).startServer(o), options);
  const rootUri = options.files ? WORKSPACE : null;
  const init = await page.evaluate((root) => (window as unknown as { lsp: Lsp }).lsp.request('initialize', { processId: null, rootUri: root, capabilities: { textDocument: { diagnostic: {} } }, initializationOptions: {} }), rootUri);
  assert.equal(init.error, undefined, JSON.stringify(init.error));
  await page.evaluate(() => (window as unknown as { lsp: Lsp }).lsp.notify('initialized', {}));
}

export const open = (page: Page, uri: string, text: string) => page.evaluate(([u, t]) => (window as unknown as { lsp: Lsp }).lsp.notify('textDocument/didOpen', { textDocument: { uri: u, languageId: 'markdown', version: 1, text: t } }), [uri, text]);
