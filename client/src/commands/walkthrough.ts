// Commands behind the walkthrough's buttons: a sample postmortem to practise on (untitled, so it
// works in any workspace and on the web) and a CI workflow written into the workspace.
import * as vscode from 'vscode';

const SAMPLE = `---
type: postmortem
title: Search results went stale
severity: SEV-3
timezone: UTC
---

# Search results went stale

## Summary

Search served results up to six hours old after the indexer stopped. It was human error: Dana forgot to restart the indexer after the upgrade.

## Timeline

- 2026-01-12 09:00 The indexer stopped after the upgrade. <!-- milestone: impact-start -->
- 2026-01-12 14:40 A customer reported stale results. <!-- milestone: detected -->
- 2026-01-12 15:05 The indexer was restarted. <!-- milestone: resolved -->

## Root cause

The on-call engineer should have checked the indexer.
`;

const WORKFLOW = `# Checks postmortems on every pull request; findings appear as annotations.
name: Postmortems
on: pull_request
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npx postmortem-lint postmortems/ --format github
`;

export async function openSample(): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: SAMPLE });
  return vscode.window.showTextDocument(document);
}

/** Writes .github/workflows/postmortems.yml (never over an existing file) and opens it. */
export async function addCiWorkflow(): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder first: the workflow is written into it.'));
    return undefined;
  }
  const file = vscode.Uri.joinPath(folder.uri, '.github', 'workflows', 'postmortems.yml');
  try {
    await vscode.workspace.fs.stat(file);
  } catch {
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(WORKFLOW));
  }
  await vscode.window.showTextDocument(file);
  return file;
}
