// The compiled term index the tagger reads: every accepted lexical entry's written forms (canonical
// and other forms, with hyphen and apostrophe variants) mapped to its senses, plus the emotion
// labels themselves as seed terms, plus the hierarchy as index arrays. Built once per snapshot
// (cached on it), from one pass over the snapshot's quads; after that a look-up is a Map#get and
// nothing on the hot path touches RDF. The compiled form is plain data (`LexiconData`), so worker
// threads receive it by structured clone instead of rebuilding the knowledge base.
//
// Decisions:
// - Only entries with emo:status emo:Accepted count; a sense with a status of its own counts only
//   when that status is Accepted. Only forms in English (or without a language tag).
// - Labels as seeds: each skos:prefLabel names its emotion with weight 1. A label shared along one
//   line of descent (rage > rage, sadness > sadness > sadness) goes to the MOST SPECIFIC node: the
//   roll-up then credits every broader namesake too, while mapping to the broadest would leave the
//   narrower tiers empty. A label shared by unrelated nodes (none today) names all of them.
// - The curated lexicon wins over a seed: a key that an accepted entry has is not seeded.
// - Keys are the forms cut by the tagger's own tokenizer and joined by one space, so text and
//   lexicon are normalised the same way ("Heart-Broken" and "heart-broken" meet; "heartbroken"
//   and "heart broken" are added as variants of a hyphenated form, "dont" of "don't").
import type { Quad } from '@rdfjs/types';
import type { Tier } from '../kb/Emotion.js';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import { EMO, ONTOLEX, RDF, SKOS } from '../rdf/namespaces.js';
import { NON_ASCII, TokenBuffer, WORD, tokenizeInto } from '../text/tokenize.js';
import { cueOf } from '../text/cues.js';
import { derivationsOf, lemmasOf } from '../text/wordForms.js';

// The hot path's word cache: open addressing over the hash the tokenizer computes inline, so a
// word seen before is found without building its string (most tokens are only hashed and compared).
// It starts small and doubles at half full (a small table stays in the CPU cache), up to
// 2^SLOT_BITS slots; past that, new words go through the string-keyed cache.
const SLOT_BITS = 18;
const INITIAL_SLOT_BITS = 12;
const SLOT_LIMIT = 1 << (SLOT_BITS - 1);

export interface LexiconEmotion {
  iri: string;
  id: string;
  label: string;
  tier: Tier;
  /** Index of the parent in `emotions`, -1 for a primary. */
  parent: number;
  /** Indexes of the emotions this one is emo:isOppositeOf. */
  opposites: number[];
}

export interface LexiconSense {
  /** Index in `emotions`. */
  emotion: number;
  /** In [0, 1]. */
  weight: number;
  kind: 'names' | 'evokes';
}

export interface LexiconEntry {
  /** The canonical written form (or the label, for a seed). */
  lemma: string;
  senses: LexiconSense[];
  source: 'lexicon' | 'label';
}

/** The compiled index as plain, structured-clonable data. */
export interface LexiconData {
  version: number;
  emotions: LexiconEmotion[];
  entries: LexiconEntry[];
  /** Normalised key (tokens joined by one space) to entry index. */
  keys: Array<[string, number]>;
  /**
   * Sentence marks ("?", "!") with an entry of their own, to entry index: punctuation cues. Such an
   * entry has no word to match; the tagger counts it once for a sentence its mark closes in which
   * no word matched (a question with no emotion word is weak evidence of surprise).
   */
  marks: Array<[string, number]>;
  /** Counts for reports. */
  stats: { lexiconEntries: number; seedLabels: number; keys: number; multiword: number };
}

export type Via = 'form' | 'lemma' | 'derivation';
const VIAS: readonly Via[] = ['form', 'lemma', 'derivation'];

/** A node of the multiword trie: one word further into some multiword key. */
export interface MweNode {
  /** The entry of the key that ends here, or -1. */
  entry: number;
  /** The words that may follow (null: none, no key goes further). */
  next: Map<string, MweNode> | null;
}

/**
 * What the hot path knows about a word. A class, so that every record (NOTHING included) has one
 * shape and the tagger's property reads stay monomorphic.
 */
export class WordInfo {
  /** entry * 4 + via index (0 form, 1 lemma, 2 derivation), or -1 when the word is not in the lexicon. */
  packed: number;
  /**
   * The trie nodes of the keys a multiword expression may start with here (the word itself first,
   * then its lemmas; null where no key starts with it).
   */
  mweRoots: ReadonlyArray<MweNode | null>;
  /** The most tokens such an expression has; 0 when none starts here. */
  mweMax: number;
  /** The normalised word itself (undefined on the shared NOTHING). */
  norm: string | undefined;
  /** Whether the word, or one of its lemmas, occurs after the first word of some multiword key (else a match cannot extend over it). */
  inner: boolean;
  /**
   * The lemmas a multiword match may continue with when the word itself does not continue it:
   * those that occur inside some multiword key; empty for a word that cannot be inflected (see
   * `mayBeInflected`). Filled on first use.
   */
  innerLemmas: readonly string[] | undefined = undefined;
  /** What the word is as a negation, clause or intensity cue (CUE_* bits of text/cues.ts). */
  cue = 0;
  /** Its factor as an intensifier or diminisher ("very" 1.5), 0 when it is none. */
  modifier = 0;

  constructor(packed: number, mweRoots: ReadonlyArray<MweNode | null>, mweMax: number, norm: string | undefined, inner: boolean) {
    this.packed = packed;
    this.mweRoots = mweRoots;
    this.mweMax = mweMax;
    this.norm = norm;
    this.inner = inner;
  }
}
const NO_FIRSTS: string[] = [];
const NO_ROOTS: Array<MweNode | null> = [];
/** The shared answer for a word that neither matches nor starts a multiword expression. */
const NOTHING: WordInfo = new WordInfo(-1, NO_ROOTS, 0, undefined, false);

/**
 * Frequent English words: checked in a small set before the large word cache (fewer cache misses
 * on the hot path). Those that are lexicon keys or start a multiword key are taken out per index.
 */
const FREQUENT = [
  'the', 'and', 'you', 'that', 'this', 'for', 'with', 'have', 'but', 'not', 'are', 'was', 'they', 'what', 'just', 'your', 'like', 'his', 'her',
  'all', 'can', 'one', 'out', 'get', 'about', 'would', 'there', 'people', 'from', 'know', 'he\'s', 'she', 'him', 'them', 'their', 'will', 'think',
  'more', 'how', 'when', 'don\'t', 'i\'m', 'it\'s', 'been', 'who', 'now', 'some', 'good', 'time', 'only', 'really', 'then', 'make', 'even', 'did',
  'because', 'has', 'why', 'also', 'than', 'too', 'much', 'any', 'were', 'see', 'could', 'want', 'here', 'our', 'way', 'had', 'should', 'well',
  'still', 'going', 'right', 'yeah', 'thanks', 'lol', 'man', 'guy', 'thing', 'things', 'never', 'where', 'which', 'other', 'first', 'back',
  'these', 'those', 'into', 'over', 'being', 'very', 'does', 'can\'t', 'that\'s', 'you\'re', 'got', 'say', 'said', 'look', 'year', 'years',
  'day', 'game', 'team', 'sure', 'need', 'post', 'thank', 'made', 'always', 'something', 'someone', 'anything', 'every', 'take', 'though',
  'most', 'after', 'before', 'again', 'same', 'many', 'doesn\'t', 'didn\'t', 'isn\'t', 'what\'s', 'there\'s', 'they\'re', 'i\'ve', 'i\'d',
  'name', 'please', 'pretty', 'actually', 'probably', 'better', 'best', 'work', 'life', 'real', 'sub', 'reddit', 'comment', 'let', 'gonna',
];

/** A resolved word: entry index and how it was reached. */
export interface WordHit {
  entry: number;
  via: Via;
}

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
  readonly #multi = new Map<string, number>();
  /** First token of a multiword key to the most tokens any key starting with it has. */
  readonly #mweMax = new Map<string, number>();
  /** Every word that occurs after the first in some multiword key. */
  readonly #mweInner = new Set<string>();
  /** The same keys as a trie over words: the first word's node, then one Map look-up per word. */
  readonly #mweRoots = new Map<string, MweNode>();
  /** Word to what the hot path needs to know about it. */
  readonly #words = new Map<string, WordInfo>();
  readonly #lemmas = new Map<string, string[]>();
  // The table is one Int32Array of 4 fields per slot (hash, length (0: empty), offset of the
  // word's code units in #pool, index in #slotInfo), so a probe reads one cache line, and the words
  // themselves sit side by side in #pool in the order they were first seen (frequent words first).
  #slotMask = (1 << INITIAL_SLOT_BITS) - 1;
  #slotRecords = new Int32Array(4 << INITIAL_SLOT_BITS);
  #pool = new Uint16Array(1 << 16);
  #poolUsed = 0;
  #slotInfo: WordInfo[] = [];
  #slots = 0;
  /** Words that can be answered NOTHING without the word cache: short non-keys and frequent words. */
  readonly #short = new Set<string>();
  readonly #frequent = new Set<string>();
  /** First three letters of every one-word key: a derivation can only reach a key that shares them. */
  readonly #prefixes = new Set<string>();

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
      const space = key.indexOf(' ');
      if (space < 0) {
        this.#single.set(key, entry);
      } else {
        this.#multi.set(key, entry);
        const first = key.slice(0, space);
        const words = key.split(' ');
        if ((this.#mweMax.get(first) ?? 0) < words.length) this.#mweMax.set(first, words.length);
        let node = this.#mweRoots.get(first) ?? (this.#mweRoots.set(first, { entry: -1, next: null }), this.#mweRoots.get(first)!);
        for (let n = 1; n < words.length; n++) {
          node.next ??= new Map();
          node = node.next.get(words[n]!) ?? (node.next.set(words[n]!, { entry: -1, next: null }), node.next.get(words[n]!)!);
          if (n === words.length - 1) node.entry = entry;
          this.#mweInner.add(words[n]!);
        }
      }
    }
    // Words under three letters reach the lexicon only as a key or a multiword start (they are not
    // lemmatised); remember those few, and which frequent words cannot match.
    for (const key of [...this.#single.keys(), ...this.#mweMax.keys(), ...this.#mweInner]) if (key.length < 3) this.#short.add(key);
    for (const key of this.#single.keys()) this.#prefixes.add(key.slice(0, 3));
    for (const word of FREQUENT) if (this.#resolveWord(word) < 0 && !this.#mweMax.has(word) && !this.#mweInner.has(word) && !this.lemmas(word).some((l) => this.#mweMax.has(l))) this.#frequent.add(word);
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
    if (cue !== 0 || modifier !== 0) {
      if (info === NOTHING) info = new WordInfo(-1, NO_ROOTS, 0, norm, false);
      info.cue = cue;
      info.modifier = modifier;
    }
    return info;
  }

  #lexicalInfo(norm: string): WordInfo {
    if (norm.length < 3 ? !this.#short.has(norm) : this.#frequent.has(norm)) return NOTHING;
    const packed = this.#resolveWord(norm);
    let mweFirsts: string[] = NO_FIRSTS;
    let mweMax = this.#mweMax.get(norm) ?? 0;
    if (this.#mweMax.size > 0 && isLemmatisable(norm)) {
      for (const lemma of this.lemmas(norm)) {
        const max = this.#mweMax.get(lemma);
        if (max === undefined) continue;
        if (mweFirsts === NO_FIRSTS) mweFirsts = [norm];
        mweFirsts.push(lemma);
        mweMax = Math.max(mweMax, max);
      }
    }
    if (mweMax > 0 && mweFirsts === NO_FIRSTS) mweFirsts = [norm];
    // A word that follows another inside some multiword key needs its own record (its string and
    // lemmas are asked for while extending a match); other non-matching words share NOTHING.
    const inner = this.#mweInner.has(norm) || (this.#mweInner.size > 0 && isLemmatisable(norm) && this.lemmas(norm).some((l) => this.#mweInner.has(l)));
    if (packed < 0 && mweMax === 0 && !inner) return NOTHING;
    const roots = mweFirsts === NO_FIRSTS ? NO_ROOTS : mweFirsts.map((f) => this.#mweRoots.get(f) ?? null);
    return new WordInfo(packed, roots, mweMax, norm, inner);
  }

  /** The lemmas of an inner word that may continue a multiword match (see WordInfo.innerLemmas). */
  innerLemmasOf(info: WordInfo): readonly string[] {
    if (info.innerLemmas === undefined) {
      const norm = info.norm;
      info.innerLemmas = norm !== undefined && mayBeInflected(norm) ? this.lemmas(norm).filter((l) => this.#mweInner.has(l)) : NO_FIRSTS;
    }
    return info.innerLemmas;
  }

  /** `info` for word token t of a tokenized text, through the hash-addressed cache. */
  infoAt(b: TokenBuffer, t: number): WordInfo {
    const h = b.hash[t]!;
    const mask = this.#slotMask;
    const records = this.#slotRecords;
    const pool = this.#pool;
    // A word with non-ASCII letters (rare) goes through the string-keyed cache. (Not `norm !== ''`:
    // the word before a period has its string made by the sentence splitter, and would miss the slots.)
    if (b.flags[t]! & NON_ASCII) return this.info(b.norm[t]!);
    // An ASCII word: its normalised code units are in the token buffer's `chars`.
    let i = h & mask;
    const start = b.start[t]!;
    const length = b.end[t]! - start;
    const chars = b.chars;
    for (;;) {
      const r = i << 2;
      const l = records[r + 1]!;
      if (l === 0) break;
      if (records[r] === h && l === length) {
        const at = records[r + 2]! - start;
        let k = start;
        const end = start + length;
        while (k < end && pool[at + k] === chars[k]) k++;
        if (k === end) return this.#slotInfo[records[r + 3]!]!;
      }
      i = (i + 1) & mask;
    }
    const word = b.word(t);
    if (this.#slots >= SLOT_LIMIT) return this.info(word);
    const info = this.#computeInfo(word);
    this.#insert(h, word, info, i);
    return info;
  }

  /** Puts a word in slot i (free), growing the table at half full. */
  #insert(h: number, word: string, info: WordInfo, i: number): void {
    const length = word.length;
    if (this.#poolUsed + length > this.#pool.length) {
      const pool = new Uint16Array(Math.max(this.#pool.length * 2, this.#poolUsed + length));
      pool.set(this.#pool);
      this.#pool = pool;
    }
    const at = this.#poolUsed;
    for (let k = 0; k < length; k++) this.#pool[at + k] = word.charCodeAt(k);
    this.#poolUsed += length;
    const r = i << 2;
    this.#slotRecords[r] = h;
    this.#slotRecords[r + 1] = length;
    this.#slotRecords[r + 2] = at;
    this.#slotRecords[r + 3] = this.#slotInfo.length;
    this.#slotInfo.push(info);
    this.#slots++;
    if (this.#slots * 2 <= this.#slotMask + 1 || this.#slotMask + 1 >= 1 << SLOT_BITS) return;
    const old = this.#slotRecords;
    const size = (this.#slotMask + 1) * 2;
    const mask = size - 1;
    const records = new Int32Array(size << 2);
    for (let j = 0; j < old.length; j += 4) {
      if (old[j + 1] === 0) continue;
      let k = old[j]! & mask;
      while (records[(k << 2) + 1] !== 0) k = (k + 1) & mask;
      records.set(old.subarray(j, j + 4), k << 2);
    }
    this.#slotMask = mask;
    this.#slotRecords = records;
  }

  /** Resolves one normalised word to an entry and how it was reached. */
  word(norm: string): WordHit | null {
    const { packed } = this.info(norm);
    return packed < 0 ? null : { entry: packed >> 2, via: VIAS[packed & 3]! };
  }

  multi(key: string): number | undefined {
    return this.#multi.get(key);
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
      const hit = this.#single.get(variant) ?? this.#multi.get(variant);
      if (hit !== undefined) return hit * 4;
    }
    if (!isLemmatisable(norm)) return -1;
    const lemmas = this.lemmas(norm);
    for (const lemma of lemmas) {
      const hit = this.#single.get(lemma);
      if (hit !== undefined) return hit * 4 + 1;
    }
    if (!this.#prefixes.has(norm.slice(0, 3)) && !lemmas.some((l) => this.#prefixes.has(l.slice(0, 3)))) return -1;
    for (const derived of derivationsOf(norm, lemmas)) {
      const hit = this.#single.get(derived);
      if (hit !== undefined) return hit * 4 + 2;
    }
    return -1;
  }
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

/** Hyphen and apostrophe variants of a word: "heart-broken" -> "heartbroken", "heart broken"; "don't" -> "dont"; "mom's" -> "mom". */
export function surfaceVariants(norm: string): string[] {
  const out: string[] = [];
  if (norm.includes('-')) out.push(norm.replace(/-/g, ''), norm.replace(/-/g, ' '));
  if (norm.includes("'")) {
    if (norm.endsWith("'s")) out.push(norm.slice(0, -2));
    out.push(norm.replace(/'/g, ''));
  }
  return out;
}

/** A form's key: the tokenizer's words joined by one space ('' when it has none). */
export function keyOf(text: string, buffer = new TokenBuffer()): string {
  tokenizeInto(text.normalize('NFKC'), buffer);
  const words: string[] = [];
  for (let t = 0; t < buffer.count; t++) if (buffer.kind[t] === WORD) words.push(buffer.word(t));
  return words.join(' ');
}

/** Compiles a snapshot into `LexiconData`: one pass over the quads, then the joins. */
export function compileLexicon(kb: KnowledgeBase): LexiconData {
  const emotionList = kb.emotions();
  const indexOf = new Map(emotionList.map((e, i) => [e.iri, i] as const));
  const opposites = new Map<string, Set<string>>();
  const entryStatus = new Map<string, string>();
  const canonical = new Map<string, string>();
  const otherForms = new Map<string, string[]>();
  const writtenRep = new Map<string, string>();
  const entrySenses = new Map<string, string[]>();
  const senseReference = new Map<string, string>();
  const senseWeight = new Map<string, number>();
  const senseKind = new Map<string, string>();
  const senseStatus = new Map<string, string>();
  const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => (map.get(key) ?? (map.set(key, []), map.get(key)!)).push(value);

  for (const q of kb.quads as readonly Quad[]) {
    const s = q.subject.value, p = q.predicate.value, o = q.object;
    switch (p) {
      case EMO.isOppositeOf.value: {
        const set = opposites.get(s) ?? (opposites.set(s, new Set()), opposites.get(s)!);
        set.add(o.value);
        break;
      }
      case EMO.status.value:
        entryStatus.set(s, o.value);
        senseStatus.set(s, o.value);
        break;
      case ONTOLEX.canonicalForm.value: canonical.set(s, o.value); break;
      case ONTOLEX.otherForm.value: push(otherForms, s, o.value); break;
      case ONTOLEX.writtenRep.value:
        if (o.termType === 'Literal' && (!o.language || o.language === 'en' || o.language.startsWith('en-'))) writtenRep.set(s, o.value);
        break;
      case ONTOLEX.sense.value: push(entrySenses, s, o.value); break;
      case ONTOLEX.reference.value: senseReference.set(s, o.value); break;
      case EMO.weight.value: senseWeight.set(s, Number(o.value)); break;
      case EMO.senseKind.value: senseKind.set(s, o.value); break;
      default:
        if (p === RDF.type.value || p === SKOS.prefLabel.value) break;
    }
  }

  const emotions: LexiconEmotion[] = emotionList.map((e) => ({
    iri: e.iri,
    id: e.id,
    label: e.label,
    tier: e.tier,
    parent: e.parent ? indexOf.get(e.parent) ?? -1 : -1,
    opposites: [...(opposites.get(e.iri) ?? [])].map((o) => indexOf.get(o)).filter((i): i is number => i !== undefined).sort((a, b) => a - b),
  }));

  const entries: LexiconEntry[] = [];
  const keys = new Map<string, number>();
  const marks = new Map<string, number>();
  const buffer = new TokenBuffer();
  const addKey = (key: string, entry: number) => {
    if (key && !keys.has(key)) keys.set(key, entry);
  };
  const addForm = (form: string, entry: number, variants: string[]) => {
    const key = keyOf(form, buffer);
    if (!key) return;
    addKey(key, entry);
    for (const word of key.split(' ')) if (word.includes('-') || word.includes("'")) variants.push(key);
  };

  // Accepted entries, in IRI order so that a key two entries share goes to the same one every build.
  let lexiconEntries = 0;
  const variantQueue: Array<[string, number]> = [];
  for (const entry of [...canonical.keys()].sort()) {
    if (entryStatus.get(entry) !== EMO.Accepted.value) continue;
    const lemma = writtenRep.get(canonical.get(entry)!);
    if (!lemma) continue;
    const senses: LexiconSense[] = [];
    for (const sense of entrySenses.get(entry) ?? []) {
      const status = senseStatus.get(sense);
      if (status && status !== EMO.Accepted.value) continue;
      const emotion = indexOf.get(senseReference.get(sense) ?? '');
      const weight = senseWeight.get(sense) ?? 1;
      if (emotion === undefined || !(weight > 0)) continue;
      senses.push({ emotion, weight: Math.min(1, weight), kind: senseKind.get(sense) === EMO.Evokes.value ? 'evokes' : 'names' });
    }
    if (!senses.length) continue;
    senses.sort((a, b) => b.weight - a.weight || a.emotion - b.emotion);
    const index = entries.push({ lemma, senses, source: 'lexicon' }) - 1;
    lexiconEntries++;
    if (SENTENCE_MARKS.includes(lemma.trim())) {
      if (!marks.has(lemma.trim())) marks.set(lemma.trim(), index);
      continue;
    }
    const variants: string[] = [];
    addForm(lemma, index, variants);
    for (const form of otherForms.get(entry) ?? []) {
      const rep = writtenRep.get(form);
      if (rep) addForm(rep, index, variants);
    }
    for (const key of variants) variantQueue.push([key, index]);
  }
  // Variants after all real forms, so a variant never shadows another entry's written form.
  for (const [key, index] of variantQueue) {
    for (const variant of keyVariants(key)) addKey(variant, index);
  }

  // Labels as seeds, most specific namesake on a line of descent.
  let seedLabels = 0;
  const byLabel = new Map<string, number[]>();
  emotions.forEach((e, i) => push(byLabel, keyOf(e.label, buffer), i));
  for (const [key, members] of [...byLabel].sort(([a], [b]) => a.localeCompare(b))) {
    if (!key || keys.has(key)) continue;
    const depth = (i: number) => {
      let d = 0;
      for (let e = emotions[i]!.parent; e >= 0 && d < 16; e = emotions[e]!.parent) d++;
      return d;
    };
    const isAncestor = (a: number, b: number) => {
      for (let e = emotions[b]!.parent; e >= 0; e = emotions[e]!.parent) if (e === a) return true;
      return false;
    };
    const ordered = [...members].sort((a, b) => depth(b) - depth(a));
    const deepest = ordered[0]!;
    const oneLine = ordered.slice(1).every((m) => isAncestor(m, deepest));
    const targets = oneLine ? [deepest] : members;
    const index = entries.push({
      lemma: emotions[deepest]!.label,
      senses: targets.map((emotion) => ({ emotion, weight: 1, kind: 'names' as const })),
      source: 'label',
    }) - 1;
    addKey(key, index);
    seedLabels++;
  }

  const keyList = [...keys].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    version: kb.version,
    emotions,
    entries,
    keys: keyList,
    marks: [...marks].sort(([a], [b]) => SENTENCE_MARKS.indexOf(a) - SENTENCE_MARKS.indexOf(b)),
    stats: { lexiconEntries, seedLabels, keys: keyList.length, multiword: keyList.filter(([k]) => k.includes(' ')).length },
  };
}

/** Marks that may carry an entry of their own (punctuation cues), in the order a "?!" tries them. */
const SENTENCE_MARKS: readonly string[] = ['?', '!'];

/** Variants of a key with hyphens or apostrophes: joined, split at hyphens, apostrophes dropped. */
function keyVariants(key: string): string[] {
  const out = new Set<string>();
  if (key.includes('-')) {
    out.add(key.replace(/-/g, ''));
    out.add(key.replace(/-/g, ' '));
  }
  if (key.includes("'")) out.add(key.replace(/'/g, ''));
  out.delete(key);
  return [...out];
}
