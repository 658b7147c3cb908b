// The templates New Postmortem offers: three built-in kinds (incident, near-miss, security incident)
// and the workspace's own `.postmortem/templates/*.md`. A template is Markdown with placeholders:
// {{title}}, {{date}}, {{severity}}, {{timezone}}, {{kind}}.
import * as vscode from 'vscode';

export type Kind = 'incident' | 'near-miss' | 'security-incident';

export interface Template {
  id: string;
  label: string;
  description: string;
  /** Where a workspace template lives; built-ins have none. */
  uri?: vscode.Uri;
  kind: Kind | 'custom';
  text: () => Promise<string>;
}

export const TEMPLATES_FOLDER = '.postmortem/templates';

const FRONT = (type: string, extra = '') => `---
title: {{title}}
date: {{date}}
severity: {{severity}}
status: draft
timezone: {{timezone}}
authors: []
type: ${type}${extra}
---

# {{title}}

## Summary

`;

const TIMELINE = `## Timeline

All times in {{timezone}}.

- {{date}} HH:MM Impact began. <!-- milestone: impact-start -->
- HH:MM Alert fired / issue reported. <!-- milestone: detected -->
- HH:MM Mitigated. <!-- milestone: mitigated -->
- HH:MM Resolved. <!-- milestone: resolved -->

`;

const CLOSING = `## What went well

## What went wrong

## Where we got lucky

<!-- What limited the damage by chance rather than by design. -->

## Action items

| Action | Owner | Due | Status | Tracker |
| --- | --- | --- | --- | --- |
`;

const INCIDENT = FRONT('postmortem') + `<!-- What happened, in two or three sentences: the failure, its effect, how it ended. -->

## Impact

<!-- Who and what was affected, for how long, and how much: users, requests, percent, minutes. -->

` + TIMELINE + `## Root cause

<!-- The conditions in the system that let the trigger cause harm. Ask why until you reach a change the system can make. -->

## Detection

<!-- How the incident was noticed, how long that took, and what would have caught it sooner. -->

## Response

<!-- What was done to mitigate and resolve it, and what slowed the response down. -->

` + CLOSING;

// A near-miss had no impact: it says what would have happened, what caught it, and where luck helped.
const NEAR_MISS = FRONT('near-miss') + `<!-- What almost happened, and what stopped it, in two or three sentences. -->

## Timeline

All times in {{timezone}}.

- {{date}} HH:MM The problem was introduced.
- HH:MM It was caught. <!-- milestone: detected -->
- HH:MM It was made safe. <!-- milestone: resolved -->

## What caught it

<!-- The check, alert, review or person that stopped it, and how close it came. Keep that safeguard working. -->

## What would have happened

<!-- The harm it would have done had nothing caught it: who, what, how long. -->

## Root cause

<!-- The conditions in the system that let the problem get this far. -->

` + CLOSING;

const SECURITY = FRONT('postmortem', '\ncategory: security') + `<!-- What happened, in two or three sentences. Keep exploit details and secrets out of this document. -->

## Impact

<!-- Which systems and data were exposed or affected, for how long, and whose (users, records, tenants). -->

` + TIMELINE + `## Root cause

<!-- The conditions that made the exposure possible, and why they existed. -->

## Detection

<!-- How it was found (alert, report, audit) and how long after it began. -->

## Response

<!-- Containment, credential rotation, notification of those affected, and what slowed it down. -->

` + CLOSING;

export function builtInTemplates(): Template[] {
  const of = (text: string) => () => Promise.resolve(text);
  return [
    { id: 'incident', kind: 'incident', label: vscode.l10n.t('Incident'), description: vscode.l10n.t('Something went wrong and users or systems were affected'), text: of(INCIDENT) },
    { id: 'near-miss', kind: 'near-miss', label: vscode.l10n.t('Near-miss'), description: vscode.l10n.t('Something was caught before it caused harm'), text: of(NEAR_MISS) },
    { id: 'security-incident', kind: 'security-incident', label: vscode.l10n.t('Security incident'), description: vscode.l10n.t('Data or systems were exposed or accessed without authorisation'), text: of(SECURITY) },
  ];
}

/** The workspace folder's own templates, by file name. */
export async function workspaceTemplates(folder: vscode.WorkspaceFolder): Promise<Template[]> {
  const dir = vscode.Uri.joinPath(folder.uri, TEMPLATES_FOLDER);
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(dir);
  } catch {
    return [];
  }
  return entries
    .filter(([name, type]) => type === vscode.FileType.File && name.toLowerCase().endsWith('.md'))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name]) => {
      const uri = vscode.Uri.joinPath(dir, name);
      return { id: uri.toString(), kind: 'custom', uri, label: name.replace(/\.md$/i, ''), description: `${TEMPLATES_FOLDER}/${name}`, text: async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) };
    });
}

