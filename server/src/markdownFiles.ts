// Which files are Markdown, which folders never hold a postmortem, and which Markdown files are
// postmortems: shared by the CLI's path expansion and the server's workspace index, so both search
// the same places and check the same files the editor does.
import { isPostmortem } from './documents';
import { DEFAULT_SETTINGS } from './settings';

export const MARKDOWN_EXTENSIONS = ['.md', '.markdown', '.mdx', '.qmd'];
export const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);
/** The editor's default `postmortem.files` globs. */
export const POSTMORTEM_GLOBS: readonly string[] = DEFAULT_SETTINGS.files;

export function isMarkdownPath(path: string, extensions = MARKDOWN_EXTENSIONS): boolean {
  const lower = path.toLowerCase();
  return extensions.some((ext) => lower.endsWith(ext));
}

/**
 * The editor's test (front matter `type: postmortem`, a postmortem title, or a path matching the
 * globs), for a path relative to the project root: a checkout that happens to live under a folder
 * named `incidents/` must not turn its README into a postmortem.
 */
export function isPostmortemFile(relativePath: string, text: string, globs: readonly string[] = POSTMORTEM_GLOBS): boolean {
  return isPostmortem(relativePath.replace(/\\/g, '/'), text, [...globs]);
}
