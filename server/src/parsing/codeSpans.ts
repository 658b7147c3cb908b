// Code spans in linear time. micromark's own code-span construct looks, for every backtick run, to
// the end of the paragraph for a closing run of the same length; a paragraph of runs that close
// nothing (1, 2, 3, ... backticks) costs the square of its length: 100 KB took 2.8 s to parse and
// 1 MB 69 s. This construct reads exactly what micromark's does and makes the same events (it is
// used in its place), but remembers, from the first run whose search reached the paragraph's end,
// where the last run of each length starts: a later run with no run of its length after it fails
// at once instead of searching again (what CommonMark's reference parsers do). Each paragraph is
// then searched to its end once.
import type { Code, Construct, Effects, Extension, State, Token, TokenizeContext } from 'micromark-util-types';

const BACKTICK = 96;
const SPACE = 32;

/** Line endings as micromark codes them: CR, LF, CRLF (negative codes). */
function isLineEnding(code: Code): boolean {
  return code !== null && code < -2;
}

/** What a search that reached the end of its text saw: the backtick runs between `from` and `to`. */
interface Searched {
  from: number;
  to: number;
  /** For each run length, the offset where the last run of that length starts. */
  lastOfLength: Map<number, number>;
}

/** Per parse (micromark makes a parser per document), the last search that reached its text's end. */
const searched = new WeakMap<object, Searched>();

/** micromark's own code-span construct, found among the parser's constructs (its resolver and `previous` are reused). */
function builtIn(context: TokenizeContext): Construct {
  const listed = context.parser.constructs.text[BACKTICK];
  const constructs = (Array.isArray(listed) ? listed : [listed]) as Construct[];
  return constructs.find((c) => c.name === 'codeText')!;
}

function tokenizeCodeSpan(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const from = this.now().offset;
  let opening = 0;
  let closing = 0;
  let run: Token;
  let seen: Map<number, number> | undefined;

  const start: State = (code) => {
    effects.enter('codeText');
    effects.enter('codeTextSequence');
    return openingRun(code);
  };

  const openingRun: State = (code) => {
    if (code === BACKTICK) {
      effects.consume(code);
      opening++;
      return openingRun;
    }
    effects.exit('codeTextSequence');
    // A search from an earlier run of this text reached its end: a run of this length closes this
    // one only if one starts after it.
    const known = searched.get(this.parser);
    if (known && known.from < from && from < known.to) return (known.lastOfLength.get(opening) ?? -1) > from ? between(code) : nok(code);
    seen = new Map();
    return between(code);
  };

  const between: State = (code) => {
    if (code === null) {
      if (seen) searched.set(this.parser, { from, to: this.now().offset, lastOfLength: seen });
      return nok(code);
    }
    if (code === SPACE || isLineEnding(code)) {
      const type = code === SPACE ? 'space' : 'lineEnding';
      effects.enter(type);
      effects.consume(code);
      effects.exit(type);
      return between;
    }
    if (code === BACKTICK) {
      run = effects.enter('codeTextSequence');
      closing = 0;
      return closingRun(code);
    }
    effects.enter('codeTextData');
    return data(code);
  };

  const closingRun: State = (code) => {
    if (code === BACKTICK) {
      effects.consume(code);
      closing++;
      return closingRun;
    }
    if (closing === opening) {
      effects.exit('codeTextSequence');
      effects.exit('codeText');
      return ok(code);
    }
    seen?.set(closing, run.start.offset);
    run.type = 'codeTextData';
    return data(code);
  };

  const data: State = (code) => {
    if (code === null || code === SPACE || code === BACKTICK || isLineEnding(code)) {
      effects.exit('codeTextData');
      return between(code);
    }
    effects.consume(code);
    return data;
  };

  return start;
}

const linearCodeSpan: Construct = {
  name: 'linearCodeSpan',
  tokenize: tokenizeCodeSpan,
  previous(code) {
    return builtIn(this).previous!.call(this, code);
  },
  resolve(events, context) {
    return builtIn(context).resolve!(events, context);
  },
};

/** A micromark extension: code spans read by `linearCodeSpan` instead of micromark's own construct. */
export const linearCodeSpans: Extension = { text: { [BACKTICK]: linearCodeSpan }, disable: { null: ['codeText'] } };
