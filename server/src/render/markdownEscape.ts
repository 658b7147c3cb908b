// Document text placed inside Markdown we generate (hovers, the CLI's Markdown export, the report's
// table cells): it must read as the characters it is, never as links, images, HTML, emphasis, table
// cells or a block its author chose. One escaper for every face, so none is weaker than another.

/**
 * Backslash-escapes every ASCII punctuation character CommonMark or GFM gives a meaning to, and folds
 * white space, line breaks included, into single spaces so the text cannot start a new block or table
 * row. A bare URL may still show as a link (GFM finds those in text after parsing, escaped or not); its
 * text is then the URL itself, so nothing is hidden.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~"'&=:]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
}
