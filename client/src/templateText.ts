// Template text and file placement for New Postmortem, without the editor API (unit-tested in Node).

/** Fills the placeholders; a title goes into YAML front matter quoted, and as is into the heading. */
export function fillTemplate(text: string, values: { title: string; date: string; severity: string; timezone: string; kind: string }): string {
  const frontMatterEnd = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text)?.[0].length ?? 0;
  const fill = (part: string, inYaml: boolean) => part.replace(/\{\{\s*(title|date|severity|timezone|kind)\s*\}\}/g, (_, key: keyof typeof values) => (inYaml && key === 'title' ? JSON.stringify(values.title) : values[key]));
  return fill(text.slice(0, frontMatterEnd), true) + fill(text.slice(frontMatterEnd), false);
}

export function slug(title: string): string {
  return title.toLowerCase().normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/[\s_]+/g, '-').replace(/-+/g, '-').slice(0, 60) || 'postmortem';
}

/**
 * The folder setting as path segments inside the workspace folder, or undefined when it leaves it
 * (absolute, `..` above the root, a drive letter): a workspace setting must not write elsewhere.
 */
export function confinedSegments(setting: string): string[] | undefined {
  if (/^(?:[a-z]:)?[\\/]/i.test(setting) || /^[a-z]:/i.test(setting) || /^[a-z][\w+.-]*:\/\//i.test(setting)) return undefined;
  const segments: string[] = [];
  for (const part of setting.split(/[\\/]+/)) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (!segments.length) return undefined;
      segments.pop();
    } else segments.push(part);
  }
  return segments;
}
