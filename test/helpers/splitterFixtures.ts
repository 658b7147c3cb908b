// Valid Markdown on which the hand-written block splitter the workspace index used to rely on
// disagreed with remark (issue 10, "Incremental drift"). Each holds an item remark reads as one and
// an item remark reads as code, YAML or HTML, so a reader that splits by its own rules lists a
// different set from `analyze`.
const NBSP = '\u00a0';

export const SPLITTER_DISAGREEMENTS: Record<string, string> = {
  // A backtick fence's info string may not hold a backtick: that line is a paragraph, and the next
  // fence line opens a code block (remark), instead of closing one (the splitter).
  'backtick in a fence info string': [
    '# Incident report', '', '## Impact', '', '```js`x', 'Queries failed.', '', '```',
    '## Action items', '', '- [ ] Ghost task. Owner: @ghost', '```', '',
    '## Follow-ups', '', '- [ ] Add a canary. Owner: @ana. Due: 2026-12-01', '',
  ].join('\n'),
  // Only `---` closes YAML front matter in remark; `...` does not, so the heading after it is YAML.
  'front matter closed by ...': [
    '---', 'title: Incident report', '...', '## Action items', '- [ ] Ghost task. Owner: @ghost', '---', '',
    '# Incident report', '', '## Follow-ups', '', '- [ ] Rotate keys. Owner: @bo. Due: 2026-12-02', '',
  ].join('\n'),
  // A line of a no-break space (or a form feed) is not blank: the HTML block goes on through the heading.
  'NBSP inside an HTML block': [
    '# Incident report', '', '## Impact', '', '<div>', NBSP, '## Action items', '- [ ] Ghost task. Owner: @ghost', '</div>', '',
    '## Follow-ups', '', '- [ ] Page the on-call. Owner: @cy', '',
  ].join('\n'),
  'form feed inside an HTML block': [
    '# Incident report', '', '## Impact', '', '<div>', '\f', '## Action items', '- [ ] Ghost task. Owner: @ghost', '</div>', '',
    '## Follow-ups', '', '- [ ] Page the on-call. Owner: @cy', '',
  ].join('\n'),
  // Only spaces and tabs may follow a closing fence: with a no-break space the code block goes on to the end.
  'NBSP after a closing fence': [
    '# Incident report', '', '## Action items', '', '- [ ] Add an alert. Owner: @di', '', '```', 'make deploy', `\`\`\`${NBSP}`, '',
    '## Follow-ups', '', '- [ ] Ghost task. Owner: @ghost', '',
  ].join('\n'),
};
