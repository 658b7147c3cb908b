// The extension manifest: the problem matcher reads the CLI's real output, the keybinding stays
// clear of shortcuts that VS Code or the desktop already own, and activation is not on every Markdown file.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stylish, type FileResult } from '../../server/src/cli/format';
import { isPostmortem } from '../../server/src/documents';
import { DEFAULT_SETTINGS } from '../../server/src/settings';

const ROOT = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/**
 * Shortcuts that never reach an extension or that VS Code already uses for something else, on at
 * least one platform (VS Code defaults, GNOME/KDE/Ubuntu, Windows, macOS). Normalised: modifiers
 * sorted, lower case.
 */
const TAKEN = [
  'ctrl+alt+t', // GNOME, Ubuntu, KDE: open a terminal (the window never sees it)
  'cmd+alt+t', // VS Code macOS: Close Other Editors
  'ctrl+alt+l', 'ctrl+alt+d', 'ctrl+alt+delete', 'ctrl+alt+left', 'ctrl+alt+right', 'ctrl+alt+up', 'ctrl+alt+down', // desktops: lock, show desktop, workspaces
  'cmd+space', 'cmd+tab', 'cmd+q', 'cmd+h', 'cmd+m', 'cmd+alt+d', 'cmd+alt+escape', 'ctrl+cmd+q', 'ctrl+cmd+f', 'ctrl+cmd+space', // macOS
  'ctrl+t', 'cmd+t', 'ctrl+shift+t', 'cmd+shift+t', 'ctrl+k ctrl+t', 'cmd+k cmd+t', 'ctrl+k v', 'cmd+k v', 'ctrl+k m', 'cmd+k m', // VS Code: symbols, reopen editor, theme, Markdown preview, language mode
  'ctrl+k t', 'cmd+k t', // VS Code: Collapse Cell Output (notebooks); found by the end-to-end test
];

function normalise(key: string): string {
  return key.toLowerCase().split(' ').map((chord) => {
    const parts = chord.split('+');
    const last = parts.pop()!;
    return [...parts.sort(), last].join('+');
  }).join(' ');
}

describe('extension manifest', () => {
  it('problem matcher reads every finding of the CLI\'s stylish output, with its file', () => {
    const results: FileResult[] = [
      { file: 'postmortems/a b.md', findings: [
        { ruleId: 'no-blame-language', severity: 'warning', message: '"human error" puts a person at fault. Instead, say what the system allowed.', line: 12, column: 61, endLine: 12, endColumn: 72 },
        { ruleId: 'impact-quantified', severity: 'hint', message: 'The impact has no number: say how many (users, %).', line: 3, column: 1, endLine: 3, endColumn: 2 },
      ] },
      { file: '/abs/incidents/c.md', findings: [{ ruleId: 'front-matter', severity: 'error', message: 'Front matter is not valid YAML: bad indentation at 2:3.', line: 2, column: 3, endLine: 2, endColumn: 4 }] },
    ];
    const [filePattern, findingPattern] = manifest.contributes.problemMatchers[0].pattern;
    const file = new RegExp(filePattern.regexp);
    const finding = new RegExp(findingPattern.regexp);
    const read: Array<{ file: string; line: number; column: number; severity: string; message: string; code: string }> = [];
    let current: string | undefined;
    for (const line of stylish(results, { color: false, root: '/', version: '0.0.0' }).split('\n')) {
      const f = finding.exec(line);
      if (f && current) {
        read.push({ file: current, line: Number(f[findingPattern.line]), column: Number(f[findingPattern.column]), severity: f[findingPattern.severity], message: f[findingPattern.message], code: f[findingPattern.code] });
        continue;
      }
      const m = file.exec(line);
      current = m ? m[filePattern.file] : undefined;
    }
    const expected = results.flatMap((r) => r.findings.map((x) => ({ file: r.file, line: x.line, column: x.column, severity: x.severity, message: x.message, code: x.ruleId })));
    assert.deepEqual(read, expected);
  });

  it('keybindings avoid shortcuts already taken and apply only in postmortems', () => {
    const taken = new Set(TAKEN.map(normalise));
    for (const binding of manifest.contributes.keybindings) {
      for (const key of [binding.key, binding.mac, binding.linux, binding.win].filter(Boolean)) assert.ok(!taken.has(normalise(key)), `${binding.command}: ${key} is taken`);
      assert.match(binding.when, /\bpostmortem\.isPostmortem\b/, binding.command);
    }
  });

  it('activates on postmortems, commands and views, not on every Markdown file', () => {
    const events: string[] = manifest.activationEvents;
    assert.ok(!events.includes('onLanguage:markdown'));
    assert.ok(events.some((e) => e.startsWith('workspaceContains:') && e.includes('postmortems')));
  });

  it('the default postmortem folders are the server\'s, each activates the extension, singular and plural alike', () => {
    const defaults: string[] = manifest.contributes.configuration.properties['postmortem.files'].default;
    assert.deepEqual(defaults, DEFAULT_SETTINGS.files);
    const events: string[] = manifest.activationEvents;
    for (const glob of defaults.filter((g) => g.endsWith('/**'))) assert.ok(events.includes(`workspaceContains:${glob}/*.{md,markdown}`), glob);
    for (const folder of ['postmortem', 'postmortems', 'post-mortem', 'post-mortems', 'incidents']) {
      assert.ok(isPostmortem(`file:///repo/${folder}/2026-01-02-db.md`, 'Some notes\n', defaults), folder);
    }
    assert.ok(!isPostmortem('file:///repo/docs/setup.md', 'Some notes\n', defaults));
  });

  it('addresses that receive tracker credentials are user settings only, and trackers stay off in untrusted workspaces', () => {
    const settings = manifest.contributes.configuration.properties;
    for (const key of ['githubApiUrl', 'gitlabUrl', 'jiraUrl']) assert.ok(['machine', 'application'].includes(settings[`postmortem.trackers.${key}`]?.scope), key);
    const restricted: string[] = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations;
    assert.ok(restricted.includes('postmortem.trackers.enabled') && restricted.includes('postmortem.trackers.githubRepository'));
  });

  it('every command has a title and a category', () => {
    for (const command of manifest.contributes.commands) assert.ok(command.title && command.category, command.command);
  });
});
