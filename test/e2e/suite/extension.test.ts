import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, codeOf, diagnosticsWhere, openWith, screenshot, workspaceFile } from './helpers';

const hasPostmortem = (d: readonly vscode.Diagnostic[]) => d.some((x) => x.source === 'postmortem');

describe('Postmortem in a real VS Code', () => {
  const blame = workspaceFile('postmortems', '2026-10-14-search-outage.md');

  it('activates on a postmortem and shows its diagnostics', async () => {
    const document = await vscode.workspace.openTextDocument(blame);
    await vscode.window.showTextDocument(document);
    const exports = await api();
    assert.ok(exports.client.isRunning());
    console.log(`      (activation, language server start included: ${exports.activationMs} ms)`);
    // The Postmortem view fills itself for the document that activated the extension, unasked.
    await new Promise<void>((resolve) => {
      if (exports.view.getChildren().length > 0) return resolve();
      const listener = exports.view.onDidChangeTreeData(() => {
        if (exports.view.getChildren().length === 0) return;
        listener.dispose();
        resolve();
      });
    });
    const diagnostics = await diagnosticsWhere(blame, (d) => d.some((x) => codeOf(x) === 'no-blame-language'), 'blame findings');
    const finding = diagnostics.find((x) => codeOf(x) === 'no-blame-language')!;
    assert.equal(document.getText(finding.range), 'human error');
    assert.equal(finding.source, 'postmortem');
    // The server sends no docs link to this client: the client makes it from the rule id (client/src/docsLinks.ts).
    const code = finding.code as { value: string; target: vscode.Uri };
    assert.equal(typeof code, 'object', 'the code carries its docs link');
    assert.match(code.target.toString(), /\/no-blame-language\.md$/);
  });

  it('applies a quick fix and the diagnostic goes', async () => {
    const editor = await openWith('postmortems/2026-01-05-quick-fix.md', '---\ntype: postmortem\n---\n\n# Quick fix\n\n## Summary\n\nThe queue filled up.\n');
    const uri = editor.document.uri;
    const missingImpact = (d: readonly vscode.Diagnostic[]) => d.some((x) => codeOf(x) === 'required-sections' && x.message.includes('no impact section'));
    const diagnostics = await diagnosticsWhere(uri, missingImpact, 'missing impact');
    const target = diagnostics.find((x) => codeOf(x) === 'required-sections' && x.message.includes('no impact section'))!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, target.range, vscode.CodeActionKind.QuickFix.value);
    const insert = actions.find((a) => a.title === 'Insert the Impact section');
    assert.ok(insert?.edit, `actions: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(insert.edit));
    await diagnosticsWhere(uri, (d) => hasPostmortem(d) && !missingImpact(d), 'impact finding gone');
    assert.match(editor.document.getText(), /## Impact\n/);
  });

  describe('Insert Timeline Entry', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['list', '- 2020-01-01 10:00 Alert fired.\n- 2020-01-01 10:05 Rolled back.\n', /- 2020-01-01 10:05 Rolled back\.\n- \d{4}-\d{2}-\d{2} \d{2}:\d{2} $/m],
      ['heading', '### 2020-01-01 10:00\n\nAlert fired.\n\n### 2020-01-01 10:05\n\nRolled back.\n', /Rolled back\.\n\n### \d{4}-\d{2}-\d{2} \d{2}:\d{2}\n\n/],
      ['table', '| Time | Event |\n| --- | --- |\n| 2020-01-01 10:00 | Alert fired |\n| 2020-01-01 10:05 | Rolled back |\n', /\| 2020-01-01 10:05 \| Rolled back \|\n\| \d{4}-\d{2}-\d{2} \d{2}:\d{2} \| +\|/],
      ['bold', '**2020-01-01 10:00** Alert fired.\n**2020-01-01 10:05** Rolled back.\n', /\*\*2020-01-01 10:05\*\* Rolled back\.\n\*\*\d{4}-\d{2}-\d{2} \d{2}:\d{2}\*\* /],
    ];
    for (const [format, timeline, expected] of cases) {
      it(`writes a ${format} entry after the last one, cursor where the text goes`, async () => {
        const editor = await openWith(`postmortems/2026-01-06-${format}.md`, `---\ntype: postmortem\ntimezone: UTC\n---\n\n# Timeline ${format}\n\n## Timeline\n\n${timeline}\n## Root cause\n\nNothing validated the limit.\n`);
        editor.selection = new vscode.Selection(0, 0, 0, 0);
        assert.equal(await vscode.commands.executeCommand('postmortem.insertTimelineEntry'), true);
        const text = editor.document.getText();
        assert.match(text, expected);
        assert.ok(text.indexOf('## Root cause') > text.search(expected), 'inserted inside the timeline');
        const cursorLine = editor.document.lineAt(editor.selection.active.line).text;
        assert.match(cursorLine.slice(0, editor.selection.active.character), /\d{2}:\d{2}(\*\*)? (\| )?$|^$/);
      });
    }

    it('inserts before an entry that is later than now (chronological place)', async () => {
      const editor = await openWith('postmortems/2026-01-07-future.md', '---\ntype: postmortem\ntimezone: UTC\n---\n\n# Future\n\n## Timeline\n\n- 2020-01-01 10:00 Alert fired.\n- 2099-01-01 10:00 Review.\n');
      await vscode.commands.executeCommand('postmortem.insertTimelineEntry');
      assert.match(editor.document.getText(), /Alert fired\.\n- \d{4}-\d{2}-\d{2} \d{2}:\d{2} \n- 2099-01-01 10:00 Review\./);
    });
  });

  it('New Postmortem creates a dated file from the template and opens it', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('postmortem.newPostmortem', 'Disk full on build agents');
    assert.ok(uri);
    assert.match(uri.path, /\/postmortems\/\d{4}-\d{2}-\d{2}-disk-full-on-build-agents\.md$/);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    for (const heading of ['## Summary', '## Impact', '## Timeline', '## Root cause', '## Detection', '## What went well', '## Action items']) assert.ok(text.includes(heading), heading);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
  });

  it('shows a rule\'s documentation page from the extension', async () => {
    const opened = new Promise<void>((resolve) => {
      const listener = vscode.window.tabGroups.onDidChangeTabs(() => {
        if (!vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.label.includes('timeline-order')))) return;
        listener.dispose();
        resolve();
      });
    });
    await vscode.commands.executeCommand('postmortem.showRuleDocs', 'timeline-order');
    await opened;
  });

  it('offers the snippets', async () => {
    const editor = await openWith('postmortems/2026-01-08-snippets.md', '---\ntype: postmortem\n---\n\n# Snippets\n\npm-\n');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(6, 3));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const prefix of ['pm-timeline', 'pm-root-cause', 'pm-actions', 'pm-action', 'pm-entry']) assert.ok(labels.includes(prefix), `${prefix} in ${labels.slice(0, 30).join(', ')}`);
  });

  it('shows each heading once in the Outline, with timeline entries and action items', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile('postmortems', '2026-11-03-checkout-errors.md'));
    await vscode.window.showTextDocument(document);
    await diagnosticsWhere(document.uri, () => true, 'analysis');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    const all: vscode.DocumentSymbol[] = [];
    const flatten = (list: vscode.DocumentSymbol[]) => list.forEach((s) => { all.push(s); flatten(s.children ?? []); });
    flatten(symbols);
    for (const heading of ['Summary', 'Timeline', 'Root cause', 'Action items']) {
      assert.equal(all.filter((s) => s.name.replace(/^#+\s*/, '') === heading).length, 1, `${heading}: ${all.map((s) => s.name).join(' | ')}`);
    }
    assert.ok(all.some((s) => s.kind === vscode.SymbolKind.Event && s.name.startsWith('14:09')), 'a timeline entry');
    assert.ok(all.some((s) => s.kind === vscode.SymbolKind.Field && s.name.startsWith('Validate payment-client')), 'an action item');
  });

  it('lists the sections in the Postmortem view', async () => {
    const { view } = await api();
    const outline = await view.refresh();
    assert.equal(outline?.isPostmortem, true);
    const groups = view.getChildren() as Array<{ label: string; children: vscode.TreeItem[] }>;
    const sections = groups.find((g) => g.label.startsWith('Sections'))!;
    assert.deepEqual(sections.children.slice(0, 3).map((i) => i.label), ['Summary', 'Impact', 'Timeline']);
    assert.ok(groups.find((g) => g.label.startsWith('Timeline'))!.children.length >= 7);
  });

});

describe('the workbench, for the README screenshot', () => {
  it('shows the blame example with its diagnostics, the Problems panel and the Postmortem view', async () => {
    const blame = workspaceFile('postmortems', '2026-10-14-search-outage.md');
    const document = await vscode.workspace.openTextDocument(blame);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
    await vscode.commands.executeCommand('workbench.action.closeOtherEditors');
    await diagnosticsWhere(blame, (d) => d.filter((x) => x.source === 'postmortem').length > 10, 'diagnostics for the screenshot');
    await vscode.commands.executeCommand('postmortem.outline.focus');
    await (await api()).view.refresh();
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const editor = await vscode.window.showTextDocument(document);
    const human = document.positionAt(document.getText().indexOf('human error'));
    editor.selection = new vscode.Selection(human, human);
    await screenshot('workbench');
  });
});

describe('a crashed language server', () => {
  it('is restarted, and diagnostics come back', async () => {
    const { client } = await api();
    const server = (client as unknown as { _serverProcess?: { kill(signal: string): boolean } })._serverProcess;
    assert.ok(server, 'the server process is reachable');
    const running = 2; // State.Running in vscode-languageclient
    const restarted = new Promise<void>((resolve) => {
      const listener = client.onDidChangeState((e) => {
        if (e.newState !== running) return;
        listener.dispose();
        resolve();
      });
    });
    server.kill('SIGKILL');
    await restarted;
    const editor = await openWith('postmortems/2026-01-09-after-crash.md', '---\ntype: postmortem\n---\n\n# After the crash\n\nIt was human error.\n');
    await diagnosticsWhere(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'no-blame-language'), 'diagnostics after the restart');
  });
});

describe('timeline preview and action items', () => {
  it('opens the timeline preview, which follows edits', async () => {
    const editor = await openWith('postmortems/2026-01-10-preview.md', '---\ntype: postmortem\ntimezone: UTC\n---\n\n# Preview\n\n## Timeline\n\n- 2026-01-10 10:00 Errors began.\n- 2026-01-10 10:05 Alert fired.\n');
    const exports = await api();
    await vscode.commands.executeCommand('postmortem.openTimelinePreview', editor.document.uri);
    const preview = exports.preview();
    assert.ok(preview, 'a preview panel');
    const rendered = (entries: number) => new Promise<void>((resolve) => {
      if (preview.lastRendered.entries === entries && preview.lastRendered.uri === editor.document.uri.toString()) return resolve();
      const listener = preview.onDidRender(() => {
        if (preview.lastRendered.entries !== entries) return;
        listener.dispose();
        resolve();
      });
    });
    await rendered(2);
    await vscode.window.showTextDocument(editor.document);
    await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), '- 2026-01-10 10:30 Rolled back.\n'));
    await rendered(3);
    await screenshot('timeline-preview');
  });

  it('follows the active postmortem and highlights the entry under the cursor', async () => {
    const preview = (await api()).preview()!;
    const changed = (done: () => boolean) => new Promise<void>((resolve) => {
      if (done()) return resolve();
      const listener = preview.onDidRender(() => {
        if (!done()) return;
        listener.dispose();
        resolve();
      });
    });
    const document = await vscode.workspace.openTextDocument(workspaceFile('postmortems', '2026-11-03-checkout-errors.md'));
    const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    await changed(() => preview.lastRendered.uri === document.uri.toString() && preview.lastRendered.entries === 7);
    const line = document.positionAt(document.getText().indexOf('- 14:25')).line;
    editor.selection = new vscode.Selection(line, 3, line, 3);
    await changed(() => preview.lastHighlighted === line);
  });

  it('exports the timeline as SVG', async () => {
    const source = workspaceFile('postmortems', '2026-11-03-checkout-errors.md');
    const target = workspaceFile('timeline.svg');
    const written = await vscode.commands.executeCommand<vscode.Uri>('postmortem.exportTimelineSvg', source, target);
    assert.equal(written?.toString(), target.toString());
    const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(svg, /^<svg[\s\S]*Time to detect: 9m[\s\S]*<\/svg>\n$/);
  });

  it('lists the action items of every postmortem in the workspace, and exports them', async () => {
    const { actionItems } = await api();
    let result = await actionItems.refresh();
    while (result.indexing) {
      await new Promise<void>((resolve) => {
        const listener = actionItems.onDidChangeTreeData(() => {
          listener.dispose();
          resolve();
        });
      });
      result = await actionItems.refresh();
    }
    const files = new Set(result.items.map((i) => i.uri.split('/').pop()));
    for (const f of ['2026-11-03-checkout-errors.md', '2026-10-14-search-outage.md', '2026-09-02-cache-restart.md', '2026-08-21-ingress-certificates.md']) assert.ok(files.has(f), f);
    const groups = actionItems.groups().map((g) => g.label);
    assert.ok(groups.includes('Overdue') && groups.includes('Done'), groups.join(', '));
    const target = workspaceFile('action-items.csv');
    await vscode.commands.executeCommand('postmortem.exportActionItems', 'csv', target);
    const csv = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(csv, /^file,line,text,owner,due,status,tracker,overdue\n/);
    assert.match(csv, /Validate payment-client config values/);
    await vscode.commands.executeCommand('workbench.view.extension.postmortem');
    await screenshot('action-items');
  });
});
