/** Offsets of line starts, for turning offsets into 0-based lines and columns (UTF-16 units). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    // Most documents end lines with LF alone: a native search per line, not a JS step per character.
    if (!text.includes('\r')) {
      for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) this.starts.push(nl + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  line(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  position(offset: number): { line: number; character: number } {
    const line = this.line(offset);
    return { line, character: offset - this.starts[line] };
  }
}
