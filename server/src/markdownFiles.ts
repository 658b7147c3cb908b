// Which files are Markdown and which folders never hold a postmortem: shared by the CLI's path
// expansion and the server's workspace index, so both search the same places.

export const MARKDOWN_EXTENSIONS = ['.md', '.markdown', '.mdx', '.qmd'];
export const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);

export function isMarkdownPath(path: string, extensions = MARKDOWN_EXTENSIONS): boolean {
  const lower = path.toLowerCase();
  return extensions.some((ext) => lower.endsWith(ext));
}
