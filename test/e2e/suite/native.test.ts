// What makes the extension feel native: a keybinding clear of VS Code's own, the language status
// item, Restart Server and the enable toggle, templates (built-in and the workspace's own), near-miss
// rules, and the walkthrough's commands.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { api, codeOf, diagnosticsWhere, EXTENSION_ID, openWith, workspaceFile } from './helpers';

const manifest = () => vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
const RUNNING = 2; // State.Running in vscode-languageclient
const STOPPED = 1;

/** Resolves when `done()` holds, re-checking on each event; never on a timer. */
function when(event: vscode.Event<unknown>, done: () => boolean, what: string, ms = 30_000): Promise<void> {
  if (done()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`timed out: ${what}`));
    }, ms);
    const listener = event(() => {
      if (!done()) return;
      clearTimeout(timer);
      listener.dispose();
      resolve();
    });
  });
}

describe('feels native', () => {
  it('binds no key that VS Code already binds on this platform', async () => {
    await vscode.commands.executeCommand('workbench.action.openDefaultKeybindingsFile');
    const text = vscode.window.activeTextEditor!.document.getText();
    const defaults = new Map([...text.matchAll(/"key":\s*"([^"]+)",\s*"command":\s*"([^"]+)"/g)].filter((m) => !m[2].startsWith('postmortem.')).map((m) => [m[1], m[2]]));
    assert.ok(defaults.size > 200, `read the default keybindings (${defaults.size})`);
    const mac = process.platform === 'darwin';
    for (const binding of manifest().contributes.keybindings) {
      const key = (mac ? binding.mac : process.platform === 'win32' ? binding.win : binding.linux) ?? binding.key;
      assert.ok(!defaults.has(key), `${key} is VS Code's own: ${defaults.get(key)}`);
    }
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('shows findings and times in the language status item, and why another file is not checked', async () => {
    const { status, view } = await api();
    const editor = await openWith('postmortems/2026-02-01-status.md', '---\ntype: postmortem\ntimezone: UTC\n---\n\n# Status\n\n## Timeline\n\n- 2026-02-01 10:00 Errors began. <!-- milestone: impact-start -->\n- 2026-02-01 10:09 Alert fired. <!-- milestone: detected -->\n- 2026-02-01 11:30 Resolved. <!-- milestone: resolved -->\n\nIt was human error.\n');
    await diagnosticsWhere(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'no-blame-language'), 'findings');
    await view.refresh();
    await when(vscode.languages.onDidChangeDiagnostics, () => /\d+ findings?/.test(status.item.text), `status shows findings: ${status.item.text}`);
    assert.match(status.item.detail ?? '', /detected after 9m · resolved after 1h30m/);
    assert.equal(status.item.command?.command, 'postmortem.openTimelinePreview');
    await openWith('notes.md', '# Meeting notes\n\nNothing here.\n');
    await view.refresh();
    assert.match(status.item.text, /Not a postmortem/);
  });

  it('Restart Server restarts the language server, and diagnostics come back', async () => {
    const { client } = await api();
    const states: number[] = [];
    const listener = client.onDidChangeState((e) => states.push(e.newState));
    await vscode.commands.executeCommand('postmortem.restartServer');
    listener.dispose();
    assert.ok(states.includes(STOPPED) && states.at(-1) === RUNNING, `states ${states.join(',')}`);
    const editor = await openWith('postmortems/2026-02-02-restart.md', '---\ntype: postmortem\n---\n\n# Restart\n\nShe forgot to run the check.\n');
    await diagnosticsWhere(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'no-blame-language'), 'diagnostics after Restart Server');
    await vscode.commands.executeCommand('postmortem.showOutput');
  });

  it('postmortem.enable stops the server and starts it again', async () => {
    const { client, status } = await api();
    const config = vscode.workspace.getConfiguration('postmortem');
    try {
      await config.update('enable', false, vscode.ConfigurationTarget.Global);
      await when(client.onDidChangeState, () => client.state === STOPPED, 'stopped');
      assert.match(status.item.text, /off/);
    } finally {
      await config.update('enable', undefined, vscode.ConfigurationTarget.Global);
    }
    await when(client.onDidChangeState, () => client.state === RUNNING, 'running again');
  });

  describe('New Postmortem', () => {
    it('writes a near-miss that is checked with near-miss rules', async () => {
      const uri = await vscode.commands.executeCommand<vscode.Uri>('postmortem.newPostmortem', { title: 'Canary caught a bad flag', template: 'near-miss', severity: 'SEV-2' });
      assert.match(uri.path, /\/postmortems\/\d{4}-\d{2}-\d{2}-canary-caught-a-bad-flag\.md$/);
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      assert.match(text, /^---\ntitle: "Canary caught a bad flag"\n[\s\S]*severity: SEV-2\n[\s\S]*type: near-miss\n/);
      assert.match(text, /## What caught it/);
      assert.match(text, /## Where we got lucky/);
      // A near-miss is not asked for impact; everything else the template holds is there.
      const diagnostics = await diagnosticsWhere(uri, (d) => d.some((x) => x.source === 'postmortem'), 'near-miss findings');
      assert.ok(!diagnostics.some((d) => codeOf(d) === 'impact-quantified' || (codeOf(d) === 'required-sections' && /impact/i.test(d.message))), diagnostics.map((d) => d.message).join('\n'));
    });

    it('offers the workspace\'s own templates and fills their placeholders', async () => {
      const template = workspaceFile('.postmortem', 'templates', 'Quick review.md');
      await vscode.workspace.fs.writeFile(template, new TextEncoder().encode('---\ntitle: {{title}}\nseverity: {{severity}}\ntype: postmortem\n---\n\n# {{title}}\n\nReviewed on {{date}}.\n'));
      const uri = await vscode.commands.executeCommand<vscode.Uri>('postmortem.newPostmortem', { title: 'Slow builds', template: 'Quick review', severity: 'SEV-4', today: () => new Date('2026-03-04T12:00:00Z') });
      assert.ok(uri.path.endsWith('/postmortems/2026-03-04-slow-builds.md'), uri.path);
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), '---\ntitle: "Slow builds"\nseverity: SEV-4\ntype: postmortem\n---\n\n# Slow builds\n\nReviewed on 2026-03-04.\n');
    });

    it('keeps postmortem.newPostmortem.folder inside the workspace folder', async () => {
      const config = vscode.workspace.getConfiguration('postmortem');
      await config.update('newPostmortem.folder', '../outside', vscode.ConfigurationTarget.Workspace);
      try {
        const uri = await vscode.commands.executeCommand<vscode.Uri>('postmortem.newPostmortem', { title: 'Escaping folder' });
        const root = vscode.workspace.workspaceFolders![0].uri.path;
        assert.ok(uri.path.startsWith(`${root}/postmortems/`), uri.path);
      } finally {
        await config.update('newPostmortem.folder', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });
  });

  it('the walkthrough\'s steps run commands that exist', async () => {
    const walkthroughs = manifest().contributes.walkthroughs as Array<{ steps: Array<{ description: string; completionEvents?: string[] }> }>;
    assert.ok(walkthroughs?.length, 'a walkthrough');
    const commands = new Set(await vscode.commands.getCommands(true));
    const used = walkthroughs.flatMap((w) => w.steps.flatMap((s) => [
      ...[...s.description.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]),
      ...(s.completionEvents ?? []).filter((e) => e.startsWith('onCommand:')).map((e) => e.slice('onCommand:'.length)),
    ]));
    assert.ok(used.length >= 4, used.join(', '));
    for (const command of used) assert.ok(commands.has(command), command);
    // Every step's media is shipped.
    const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    for (const step of walkthroughs.flatMap((w) => w.steps) as Array<{ media?: { markdown?: string; image?: string | { light: string } } }>) {
      const file = step.media?.markdown ?? (typeof step.media?.image === 'string' ? step.media.image : step.media?.image?.light);
      if (file) assert.ok(readFileSync(join(root, file)).length > 0, file);
    }
  });
});
