// Text from a document shown inside Markdown (hovers): it must read as the characters it is, never
// as links, images, HTML or emphasis that the document's author chose.

/** Escapes every ASCII punctuation character CommonMark gives a meaning to, and breaks lines into spaces. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~"'&=:]/g, (c) => `\\${c}`).replace(/\r?\n|\r/g, ' ');
}
