// The compiled term index at run time: built from LexiconData (compile.ts; in a worker thread, from
// the structured clone), it answers the tagger's one question per token, "what is this word?",
// with a WordInfo record: the word's entry (written form and variants, then inflectional lemmas,
// then derivations), the multiword keys it may start (trie.ts) and its cue bits. Records are cached
// per word (wordTable.ts for ASCII words, a Map for the rest); nothing on the hot path touches RDF.
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import { CUE_CLAUSE, CUE_NEGATOR, cueOf } from '../text/cues.js';
import { NON_ASCII, type TokenBuffer } from '../text/tokenize.js';
import { adverbBasesOf, derivedNounsOf, lemmasOf, undoubledStemOf } from '../text/wordForms.js';
import { compileLexicon } from './compile.js';
import { surfaceVariants } from './keys.js';
import { MultiwordTrie, type MweNode } from './trie.js';
import { VIAS, type LexiconData, type LexiconEmotion, type LexiconEntry, type WordHit } from './types.js';
import { NO_ROOTS, NOTHING, WordInfo } from './wordInfo.js';
import { WordTable } from './wordTable.js';

const NO_FIRSTS: string[] = [];

/**
 * Frequent English words: checked in a small set before the large word cache (fewer cache misses
 * on the hot path). Those that are lexicon keys or start a multiword key are taken out per index.
 */
const FREQUENT = [
  'the',
  'and',
  'you',
  'that',
  'this',
  'for',
  'with',
  'have',
  'but',
  'not',
  'are',
  'was',
  'they',
  'what',
  'just',
  'your',
  'like',
  'his',
  'her',
  'all',
  'can',
  'one',
  'out',
  'get',
  'about',
  'would',
  'there',
  'people',
  'from',
  'know',
  "he's",
  'she',
  'him',
  'them',
  'their',
  'will',
  'think',
  'more',
  'how',
  'when',
  "don't",
  "i'm",
  "it's",
  'been',
  'who',
  'now',
  'some',
  'good',
  'time',
  'only',
  'really',
  'then',
  'make',
  'even',
  'did',
  'because',
  'has',
  'why',
  'also',
  'than',
  'too',
  'much',
  'any',
  'were',
  'see',
  'could',
  'want',
  'here',
  'our',
  'way',
  'had',
  'should',
  'well',
  'still',
  'going',
  'right',
  'yeah',
  'thanks',
  'lol',
  'man',
  'guy',
  'thing',
  'things',
  'never',
  'where',
  'which',
  'other',
  'first',
  'back',
  'these',
  'those',
  'into',
  'over',
  'being',
  'very',
  'does',
  "can't",
  "that's",
  "you're",
  'got',
  'say',
  'said',
  'look',
  'year',
  'years',
  'day',
  'game',
  'team',
  'sure',
  'need',
  'post',
  'thank',
  'made',
  'always',
  'something',
  'someone',
  'anything',
  'every',
  'take',
  'though',
  'most',
  'after',
  'before',
  'again',
  'same',
  'many',
  "doesn't",
  "didn't",
  "isn't",
  "what's",
  "there's",
  "they're",
  "i've",
  "i'd",
  'name',
  'please',
  'pretty',
  'actually',
  'probably',
  'better',
  'best',
  'work',
  'life',
  'real',
  'sub',
  'reddit',
  'comment',
  'let',
  'gonna',
];

// Bounded caches: a corpus with an unbounded vocabulary (ids, URLs, typos) must not grow memory
// without end; past the cap new words are resolved every time (still correct, just slower).
const WORD_CACHE_LIMIT = 200_000;

const cache = new WeakMap<KnowledgeBase, LexiconIndex>();

export class LexiconIndex {
  readonly data: LexiconData;
  readonly emotions: readonly LexiconEmotion[];
  readonly entries: readonly LexiconEntry[];
  /** Emotion index to its path (indexes from the primary down). */
  readonly paths: readonly (readonly number[])[];
  readonly #single = new Map<string, number>();
  readonly #trie = new MultiwordTrie();
  /** Word to what the hot path needs to know about it. */
  readonly #words = new Map<string, WordInfo>();
  readonly #table = new WordTable();
  readonly #lemmas = new Map<string, string[]>();
  /** Words that can be answered NOTHING without the word cache: short non-keys and frequent words. */
  readonly #short = new Set<string>();
  readonly #frequent = new Set<string>();
  /** First three letters of every one-word key: a derivation can only reach a key that shares them. */
  readonly #prefixes = new Set<string>();
  /** The same of the seed labels' keys, the only entries a derived noun may reach (#resolveWord). */
  readonly #labelPrefixes = new Set<string>();

  private constructor(data: LexiconData) {
    this.data = data;
    this.emotions = data.emotions;
    this.entries = data.entries;
    this.paths = data.emotions.map((_, i) => {
      const path: number[] = [];
      for (let e = i; e >= 0 && path.length < 16; e = data.emotions[e]!.parent) path.unshift(e);
      return path;
    });
    for (const [key, entry] of data.keys) {
      if (key.indexOf(' ') < 0) this.#single.set(key, entry);
      else this.#trie.add(key, entry);
    }
    const mweMax = this.#trie.maxWords;
    const mweInner = this.#trie.inner;
    // Words under three letters reach the lexicon only as a key or a multiword start (they are not
    // lemmatised); remember those few, and which frequent words cannot match.
    for (const key of [...this.#single.keys(), ...mweMax.keys(), ...mweInner]) if (key.length < 3) this.#short.add(key);
    for (const [key, entry] of this.#single) {
      this.#prefixes.add(key.slice(0, 3));
      if (this.entries[entry]!.source === 'label') this.#labelPrefixes.add(key.slice(0, 3));
    }
    for (const word of FREQUENT)
      if (this.#resolveWord(word) < 0 && !mweMax.has(word) && !mweInner.has(word) && !this.lemmas(word).some((l) => mweMax.has(l)))
        this.#frequent.add(word);
  }

  /** The index for a snapshot, compiled on first use and cached for the snapshot's lifetime. */
  static for(kb: KnowledgeBase): LexiconIndex {
    let index = cache.get(kb);
    if (!index) {
      index = new LexiconIndex(compileLexicon(kb));
      cache.set(kb, index);
    }
    return index;
  }

  /** Rebuilds the runtime index from compiled data (in a worker thread). */
  static fromData(data: LexiconData): LexiconIndex {
    return new LexiconIndex(data);
  }

  /**
   * The same index without its non-emotional expressions (the tagger's `collocations: false`): the
   * entries (and so every entry index) are kept, only the blockers' keys go, so an emotion word
   * inside "best friend" matches again.
   */
  withoutBlockers(): LexiconIndex {
    const entries = this.data.entries;
    return new LexiconIndex({ ...this.data, keys: this.data.keys.filter(([, e]) => entries[e]!.source !== 'blocker') });
  }

  /**
   * Everything the tagger needs about one normalised word, computed once and cached: its hit
   * (written form and variants, then inflectional lemmas, then derivations) and the first-token
   * keys under which multiword expressions may start here (the word, then its lemmas).
   */
  info(norm: string): WordInfo {
    let info = this.#words.get(norm);
    if (info === undefined) {
      info = this.#computeInfo(norm);
      if (this.#words.size < WORD_CACHE_LIMIT) this.#words.set(norm, info);
    }
    return info;
  }

  #computeInfo(norm: string): WordInfo {
    let info = this.#lexicalInfo(norm);
    // Negation, clause and intensity cues get a record of their own (not the shared NOTHING), so
    // the tagger reads them from the record instead of comparing strings.
    const { cue, modifier } = cueOf(norm);
    if (info === NOTHING && cue === 0 && modifier === 0 && hasLetterRun(norm)) {
      const stretched = this.#stretched(norm);
      if (stretched !== null) return stretched;
    }
    if (cue !== 0 || modifier !== 0) {
      if (info === NOTHING) info = new WordInfo(-1, NO_ROOTS, 0, norm, false);
      info.cue = cue;
      info.modifier = modifier;
    }
    return info;
  }

  /**
   * A stretched spelling ("sooooo", "daaaamn", "loooove"): the word with every run of three or more
   * identical letters cut to two, else to one, when that is a lexicon form or an intensifier, as
   * that word (its record copied, marked `stretched`); null otherwise. Written emphasis, not another
   * word (Brody & Diakopoulos, "Cooooooooooooooollllllllllllll!!!!!!!!!!!!!!", EMNLP 2011). Not as a
   * negation or clause cue: "nooooo" is an exclamation, not "no" before what follows. Runs once per
   * distinct word (the record is cached with the others), and only for a word with such a run.
   */
  #stretched(norm: string): WordInfo | null {
    for (let keep = 2; keep >= 1; keep--) {
      const short = cutLetterRuns(norm, keep);
      const base = this.#computeInfo(short);
      if (base.packed < 0 && base.modifier === 0 && base.mweMax === 0) continue;
      const info = new WordInfo(base.packed, base.mweRoots, base.mweMax, short, base.inner);
      info.modifier = base.modifier;
      info.cue = base.modifier !== 0 ? base.cue & ~CUE_NEGATOR & ~CUE_CLAUSE : 0;
      info.stretched = true;
      return info;
    }
    return null;
  }

  #lexicalInfo(norm: string): WordInfo {
    if (norm.length < 3 ? !this.#short.has(norm) : this.#frequent.has(norm)) return NOTHING;
    const packed = this.#resolveWord(norm);
    const { maxWords, inner: innerWords, roots: trieRoots } = this.#trie;
    let mweFirsts: string[] = NO_FIRSTS;
    let mweMax = maxWords.get(norm) ?? 0;
    if (maxWords.size > 0 && isLemmatisable(norm)) {
      for (const lemma of this.lemmas(norm)) {
        const max = maxWords.get(lemma);
        if (max === undefined) continue;
        if (mweFirsts === NO_FIRSTS) mweFirsts = [norm];
        mweFirsts.push(lemma);
        mweMax = Math.max(mweMax, max);
      }
    }
    if (mweMax > 0 && mweFirsts === NO_FIRSTS) mweFirsts = [norm];
    // A word that follows another inside some multiword key needs its own record (its string and
    // lemmas are asked for while extending a match); other non-matching words share NOTHING.
    const inner = innerWords.has(norm) || (innerWords.size > 0 && isLemmatisable(norm) && this.lemmas(norm).some((l) => innerWords.has(l)));
    if (packed < 0 && mweMax === 0 && !inner) return NOTHING;
    const roots = mweFirsts === NO_FIRSTS ? NO_ROOTS : mweFirsts.map((f) => trieRoots.get(f) ?? null);
    return new WordInfo(packed, roots, mweMax, norm, inner);
  }

  /** The lemmas of an inner word that may continue a multiword match (see WordInfo.innerLemmas). */
  innerLemmasOf(info: WordInfo): readonly string[] {
    if (info.innerLemmas === undefined) {
      const norm = info.norm;
      info.innerLemmas = norm !== undefined && mayBeInflected(norm) ? this.lemmas(norm).filter((l) => this.#trie.inner.has(l)) : NO_FIRSTS;
    }
    return info.innerLemmas;
  }

  /** False when no word of hash `hash` follows trie node `node` (see MultiwordTrie.mayFollow). */
  mayFollow(node: MweNode, hash: number): boolean {
    return this.#trie.mayFollow(node, hash);
  }

  /** `info` for word token t of a tokenized text, through the hash-addressed word table. */
  infoAt(b: TokenBuffer, t: number): WordInfo {
    // A word with non-ASCII letters (rare) goes through the string-keyed cache. (Not `norm !== ''`:
    // the word before a period has its string made by the sentence splitter, and would miss the slots.)
    if (b.flags[t]! & NON_ASCII) return this.info(b.norm[t]!);
    const known = this.#table.get(b, t);
    if (known !== undefined) return known;
    const word = b.word(t);
    if (this.#table.full) return this.info(word);
    const info = this.#computeInfo(word);
    this.#table.add(b.hash[t]!, word, info);
    return info;
  }

  /**
   * The entry, curated or not, that the tagger once reached from `norm` and no longer does, or
   * undefined: a suffix derivation ("passed" -> "passion", "hungry" -> "hungriness"; until
   * session 11, now only a seed label's: #resolveWord) or the bare stem the lemmatiser left of an
   * undoubled "-ed"/"-ing" form ("fated" -> "fat"; until session 12, wordForms.undoubledStemOf).
   * A non-emotional expression still records these as entries it blocks (blockedEntries.ts): the
   * blocks written while the tagger read them stay valid, and replaying the curation files
   * rebuilds the shipped lexicon.
   */
  formerEntry(norm: string): number | undefined {
    if (!isLemmatisable(norm)) return undefined;
    for (const derived of derivedNounsOf(norm, this.lemmas(norm))) {
      const hit = this.#single.get(derived);
      if (hit !== undefined && !this.entries[hit]!.invariable) return hit;
    }
    const stem = undoubledStemOf(norm);
    return stem === undefined ? undefined : this.#single.get(stem);
  }

  /** Resolves one normalised word to an entry and how it was reached. */
  word(norm: string): WordHit | null {
    const { packed } = this.info(norm);
    return packed < 0 ? null : { entry: packed >> 2, via: VIAS[packed & 3]! };
  }

  multi(key: string): number | undefined {
    return this.#trie.keys.get(key);
  }

  single(key: string): number | undefined {
    return this.#single.get(key);
  }

  /** Inflectional lemmas of a word (cached). */
  lemmas(norm: string): string[] {
    let lemmas = this.#lemmas.get(norm);
    if (!lemmas) {
      lemmas = isLemmatisable(norm) ? lemmasOf(norm) : [];
      if (this.#lemmas.size < WORD_CACHE_LIMIT) this.#lemmas.set(norm, lemmas);
    }
    return lemmas;
  }

  #resolveWord(norm: string): number {
    const direct = this.#single.get(norm);
    if (direct !== undefined) return direct * 4;
    for (const variant of surfaceVariants(norm)) {
      const hit = this.#single.get(variant) ?? this.#trie.keys.get(variant);
      if (hit !== undefined) return hit * 4;
    }
    if (!isLemmatisable(norm)) return -1;
    const lemmas = this.lemmas(norm);
    // (an invariable entry, an interjection, is matched only as written: "ripped" is no "RIP")
    for (const lemma of lemmas) {
      const hit = this.#single.get(lemma);
      if (hit !== undefined && !this.entries[hit]!.invariable) return hit * 4 + 1;
    }
    if (!this.#prefixes.has(norm.slice(0, 3)) && !lemmas.some((l) => this.#prefixes.has(l.slice(0, 3)))) return -1;
    for (const base of adverbBasesOf(norm, lemmas)) {
      const hit = this.#single.get(base);
      if (hit !== undefined && !this.entries[hit]!.invariable) return hit * 4 + 2;
    }
    // A derived noun reaches only a seed label (an emotion's name with no entry: "anger" for
    // "angry" in a lexicon of labels), never a curated entry: the lexicon lists the forms its
    // curators accepted, so a form it lacks was rejected or never reviewed ("hungry", rejected,
    // reached "hungriness"; "friendly", rejected, "friendliness"; "van", "vanity"). On the judged
    // audits such matches were right 5 times in 36 (README, Method, "Matching").
    // (a derivation keeps the first three letters, as the prefix filter above assumes: "angry",
    // "anger"; most lexicons have a handful of bare labels, so this skips the rules for most words)
    if (!this.#labelPrefixes.has(norm.slice(0, 3)) && !lemmas.some((l) => this.#labelPrefixes.has(l.slice(0, 3)))) return -1;
    for (const derived of derivedNounsOf(norm, lemmas)) {
      const hit = this.#single.get(derived);
      if (hit !== undefined && this.entries[hit]!.source === 'label') return hit * 4 + 2;
    }
    return -1;
  }
}

/** Whether a word has a run of three or more identical letters ("sooo", "daaamn"). */
export function hasLetterRun(word: string): boolean {
  for (let i = 2; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 97 && c <= 122 && c === word.charCodeAt(i - 1) && c === word.charCodeAt(i - 2)) return true;
  }
  return false;
}

/** The word with every run of three or more identical letters cut to `keep` letters. */
export function cutLetterRuns(word: string, keep: number): string {
  let out = '';
  let i = 0;
  while (i < word.length) {
    let j = i + 1;
    while (j < word.length && word.charCodeAt(j) === word.charCodeAt(i)) j++;
    const c = word.charCodeAt(i);
    const letter = c >= 97 && c <= 122;
    out += letter && j - i >= 3 ? word.slice(i, i + keep) : word.slice(i, j);
    i = j;
  }
  return out;
}

/** Cheap test before asking the lemmatiser about a word inside a multiword expression. */
function mayBeInflected(word: string): boolean {
  const n = word.length;
  if (n < 3) return false;
  const last = word.charCodeAt(n - 1);
  // -s, -ed, -ing, -er/-est, -en (and irregular forms, which the lexicon lists as other forms)
  return last === 115 || last === 100 || last === 103 || last === 114 || last === 116 || last === 110;
}

/** Letters only (apostrophes and hyphens allowed inside), at least three: worth a lemmatiser call. */
function isLemmatisable(norm: string): boolean {
  if (norm.length < 3 || norm.length > 30) return false;
  for (let i = 0; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || c === 45 || c === 39)) return false;
  }
  return true;
}
