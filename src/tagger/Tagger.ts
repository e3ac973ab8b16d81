// Text in, emotions out at every tier: the orchestration of the tagger's stages, one tagger per
// snapshot (per worker thread in `emokb tag`):
//
//   options.ts   options -> one validated ResolvedOptions
//   matcher.ts   tokens -> lexicon matches (longest multiword first) -> negation and intensity,
//                into a MatchBuffer (matches.ts)
//   rollUp.ts    roll-up to every ancestor -> per-tier normalisation -> dominant path
//   result.ts    the library's result objects;  jsonWriter.ts  the CLI's JSON, written directly
import { EmokbError, fieldError } from '../errors.js';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import { LexiconIndex } from '../lexicon/LexiconIndex.js';
import type { LexiconData } from '../lexicon/types.js';
import { SYMBOL, TERMINAL, WORD } from '../text/tokenize.js';
import { JsonWriter } from './jsonWriter.js';
import { Matcher } from './matcher.js';
import { isResolved, prepareOptions, resolveOptions, type ResolvedOptions } from './options.js';
import { EMPTY_DOMINANT, publicMatch, scoreInto, scoreNothing } from './result.js';
import { RollUp } from './rollUp.js';
import type { ByteWriter } from './serialize.js';
import { SchemeScorer } from './schemeScores.js';
import type { SchemeName, SchemeSentenceResult, SchemeTagResult, SentenceResult, TagMatch, TagOptions, TagResult } from './types.js';

const cache = new WeakMap<KnowledgeBase, Tagger>();

/** The default options, resolved on first need (they are the same for every tagger). */
let DEFAULT_OPTIONS: ResolvedOptions | undefined;

export class Tagger {
  readonly index: LexiconIndex;
  /** The matcher the last call used (its tokens and matches are read after `match`). */
  #matcher: Matcher;
  readonly #blocking: Matcher;
  /** With `collocations: false`: the term index without its non-emotional expressions (built on first use). */
  #unblocked: Matcher | undefined;
  readonly #rollUp: RollUp;
  /** Per emotion: the labels of its path, shared (frozen) by every match of it. */
  readonly #pathLabels: readonly (readonly string[])[];
  /** Built on the first writeJson (a library user who never writes JSON never pays for it). */
  #json: JsonWriter | undefined;
  /** Per scheme name: its scorer, built on first use. */
  readonly #schemes = new Map<string, SchemeScorer>();

  constructor(index: LexiconIndex) {
    this.index = index;
    this.#matcher = this.#blocking = new Matcher(index);
    this.#rollUp = new RollUp(index);
    this.#pathLabels = index.paths.map((path) => Object.freeze(path.map((i) => index.emotions[i]!.label)));
  }

  /** The tagger for a snapshot: built once, cached for the snapshot's lifetime. */
  static for(kb: KnowledgeBase): Tagger {
    let tagger = cache.get(kb);
    if (!tagger) {
      tagger = new Tagger(LexiconIndex.for(kb));
      cache.set(kb, tagger);
    }
    return tagger;
  }

  /** A tagger from compiled lexicon data (a worker thread's way in). */
  static fromData(data: LexiconData): Tagger {
    return new Tagger(LexiconIndex.fromData(data));
  }

  /** The matcher for these options: non-emotional expressions block (collocation rule) or are left out. */
  #use(o: ResolvedOptions): Matcher {
    this.#matcher = o.collocations ? this.#blocking : (this.#unblocked ??= new Matcher(this.index.withoutBlockers()));
    return this.#matcher;
  }

  /**
   * Tags one text. `options` may be pre-resolved (`prepareOptions`) to skip validation per call.
   * With `scheme`, the answer is in that scheme's labels (SchemeTagResult). (`tierMask?: never`
   * keeps resolved options, whose `scheme` may be null, on the second signature where a checker
   * runs without strict null checks, as bench/ does.)
   */
  tag(text: string, options: TagOptions & { scheme: SchemeName; tierMask?: never }): SchemeTagResult;
  tag(text: string, options?: TagOptions | ResolvedOptions): TagResult;
  tag(text: string, options?: TagOptions | ResolvedOptions): TagResult | SchemeTagResult {
    if (typeof text !== 'string') throw new EmokbError('BAD_INPUT', `text: give a string, not ${text === null ? 'null' : typeof text}`);
    // (no options: the defaults, resolved once; resolving them per call was 7% of tagging short texts)
    const o = options === undefined ? (DEFAULT_OPTIONS ??= prepareOptions()) : isResolved(options) ? options : resolveOptions(options);
    if (o.scheme !== null) return this.#tagInScheme(text, o, this.#scheme(o.scheme));
    const count = this.#use(o).match(text, o);
    const mb = this.#matcher.matches;
    const labels = this.#rollUp.labels;
    const result: TagResult = { id: o.id, dominant: EMPTY_DOMINANT, scores: {} };
    if (count === 0) scoreNothing(result, o);
    else scoreInto(result, this.#rollUp.run(mb, 0, count, o), labels, o);
    if (o.matches) result.matches = this.#matches(text, count, o);
    if (o.perSentence) result.sentences = this.#sentences(count, o);
    return result;
  }

  /** The scorer of a scheme the snapshot's crosswalks reach (BAD_INPUT naming `scheme` when none do). */
  #scheme(name: string): SchemeScorer {
    let scorer = this.#schemes.get(name);
    if (!scorer) {
      const scheme = (this.index.data.schemes ?? []).find((s) => s.name === name);
      if (!scheme) throw fieldError('BAD_INPUT', 'scheme', `the knowledge base has no crosswalk to "${name}"`);
      scorer = new SchemeScorer(this.index, scheme);
      this.#schemes.set(name, scorer);
    }
    return scorer;
  }

  #tagInScheme(text: string, o: ResolvedOptions, scorer: SchemeScorer): SchemeTagResult {
    const count = this.#use(o).match(text, o);
    const mb = this.#matcher.matches;
    const result: SchemeTagResult = { id: o.id, scheme: scorer.scheme.name as SchemeName, ...scorer.run(mb, 0, count, o) };
    if (o.matches) result.matches = this.#matches(text, count, o);
    if (o.perSentence) {
      const sentences: SchemeSentenceResult[] = [];
      this.#eachSentence(count, (_s, start, end, from, to) => sentences.push({ start, end, ...scorer.run(mb, from, to, o) }));
      result.sentences = sentences;
    }
    return result;
  }

  #matches(text: string, count: number, o: ResolvedOptions): TagMatch[] {
    const mb = this.#matcher.matches;
    const matches: TagMatch[] = new Array(count);
    for (let m = 0; m < count; m++) matches[m] = publicMatch(text, mb, m, this.index, this.#pathLabels, this.#rollUp.labels, o);
    return matches;
  }

  /**
   * Writes JSON.stringify(this.tag(text, options)) as UTF-8 into `w`, without building the result
   * objects or any string per document: the hot path of `emokb tag`. `options` must be resolved.
   */
  writeJson(text: string, o: ResolvedOptions, w: ByteWriter): void {
    const J = (this.#json ??= new JsonWriter(this.index, this.#pathLabels));
    if (!J.plain) {
      w.utf8(JSON.stringify(this.tag(text, o)));
      return;
    }
    const count = this.#use(o).match(text, o);
    const mb = this.#matcher.matches;
    J.openDocument(w, o.id);
    if (count === 0) {
      J.writeEmpty(w, o, o.matches);
    } else {
      J.writeScored(w, this.#rollUp.run(mb, 0, count, o), o);
      if (o.matches) {
        for (let m = 0; m < count; m++) J.writeMatch(w, text, mb, m, o);
        w.byte(0x5d); // ]
      }
    }
    if (o.perSentence) {
      J.openSentences(w);
      this.#eachSentence(count, (s, start, end, from, to) => {
        J.openSentence(w, s, start, end);
        if (to > from) J.writeScored(w, this.#rollUp.run(mb, from, to, o), o);
        else J.writeEmpty(w, o, false);
        w.byte(0x7d); // }
      });
      w.byte(0x5d); // ]
    }
    w.byte(0x7d); // }
  }

  #sentences(count: number, o: ResolvedOptions): SentenceResult[] {
    const out: SentenceResult[] = [];
    const mb = this.#matcher.matches;
    this.#eachSentence(count, (_s, start, end, from, to) => {
      const result: SentenceResult = { start, end, dominant: EMPTY_DOMINANT, scores: {} };
      if (to > from) scoreInto(result, this.#rollUp.run(mb, from, to, o), this.#rollUp.labels, o);
      else scoreNothing(result, o);
      out.push(result);
    });
    return out;
  }

  /**
   * Each sentence of the last text: its span (up to its last word, symbol or terminal, so trailing breaks
   * are not part of it) and its matches [from, to) (matches are in text order).
   */
  #eachSentence(count: number, visit: (s: number, start: number, end: number, from: number, to: number) => void): void {
    const b = this.#matcher.tokens;
    const mSentence = this.#matcher.matches.sentence;
    let m = 0;
    for (let s = 0; s < b.sentenceCount; s++) {
      const firstToken = b.sentenceFirst[s]!;
      let lastToken = b.sentenceLast[s]!;
      while (lastToken > firstToken && b.kind[lastToken] !== WORD && b.kind[lastToken] !== TERMINAL && b.kind[lastToken] !== SYMBOL)
        lastToken--;
      const from = m;
      while (m < count && mSentence[m] === s) m++;
      visit(s, b.start[firstToken]!, b.end[lastToken]!, from, m);
    }
  }
}
