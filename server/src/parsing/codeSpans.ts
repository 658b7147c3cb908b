// Code spans in linear time. micromark's code-span construct looks, for every backtick run, to the
// end of the paragraph for a closing run of the same length; a paragraph of runs that close nothing
// (1, 2, 3, ... backticks) costs the square of its length: 100 KB took 2.8 s to parse and 1 MB 69 s.
//
// This module tokenizes nothing itself. It puts a guard in front of micromark's construct: the
// guard scans ahead (inside `effects.check`, so whatever it reads is discarded) for a run as long
// as the opening one, and the first guard whose scan reaches the paragraph's end remembers where
// the last run of each length starts there. A later opening run with no run of its length after it
// then fails at once, without scanning; any other goes to micromark's own construct, which makes
// every event. Each paragraph is scanned to its end at most once by a failing search.
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';

const BACKTICK = 96;

/** What a scan that reached its text's end saw: the backtick runs between `from` and `to`. */
interface Scanned {
  from: number;
  to: number;
  /** For each run length, the offset where the last run of that length starts. */
  lastOfLength: Map<number, number>;
}

/** Per parse (micromark makes a parser per document), the last scan that reached its text's end. */
const scanned = new WeakMap<object, Scanned>();

/** micromark's own code-span construct, found among the parser's constructs. */
function builtIn(context: TokenizeContext): Construct {
  const listed = context.parser.constructs.text[BACKTICK];
  const constructs = (Array.isArray(listed) ? listed : [listed]) as Construct[];
  return constructs.find((c) => c.name === 'codeText')!;
}

/**
 * Succeeds when a run as long as the opening one follows it in the same text (micromark's construct
 * then decides what it is), fails when none does. Reads codes only; the check discards its events.
 */
function tokenizeCloserAhead(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const from = this.now().offset;
  let opening = 0;
  let length = 0;
  let runStart = 0;
  const seen = new Map<number, number>();
  // The scan's codes sit in one token of micromark's own kind, closed before the answer.
  const answer = (result: State, code: Code) => {
    effects.exit('codeTextData');
    return result(code);
  };

  const openingRun: State = (code) => {
    if (code === BACKTICK) {
      effects.consume(code);
      opening++;
      return openingRun;
    }
    const known = scanned.get(this.parser);
    if (known && known.from < from && from < known.to) return (known.lastOfLength.get(opening) ?? -1) > from ? answer(ok, code) : answer(nok, code);
    return ahead(code);
  };

  const ahead: State = (code: Code) => {
    if (code === null) {
      scanned.set(this.parser, { from, to: this.now().offset, lastOfLength: seen });
      return answer(nok, code);
    }
    if (code === BACKTICK) {
      runStart = this.now().offset;
      length = 0;
      return run(code);
    }
    effects.consume(code);
    return ahead;
  };

  const run: State = (code) => {
    if (code === BACKTICK) {
      effects.consume(code);
      length++;
      return run;
    }
    if (length === opening) return answer(ok, code);
    seen.set(length, runStart);
    return ahead(code);
  };

  return (code) => {
    effects.enter('codeTextData');
    return openingRun(code);
  };
}

const closerAhead: Construct = { tokenize: tokenizeCloserAhead, partial: true };

const guardedCodeSpan: Construct = {
  name: 'guardedCodeSpan',
  tokenize(effects, ok, nok) {
    const codeSpan = builtIn(this).tokenize.call(this, effects, ok, nok);
    return effects.check(closerAhead, codeSpan, nok);
  },
  previous(code) {
    return builtIn(this).previous!.call(this, code);
  },
  resolve(events, context) {
    return builtIn(context).resolve!(events, context);
  },
};

/** A micromark extension: code spans read by micromark's construct behind `closerAhead`, in its place. */
export const linearCodeSpans: Extension = { text: { [BACKTICK]: guardedCodeSpan }, disable: { null: ['codeText'] } };
