// The commonmark-spec package ships no types: its examples, as the property test reads them.
declare module 'commonmark-spec' {
  export const tests: Array<{ markdown: string; html: string; section: string; number: number }>;
}
