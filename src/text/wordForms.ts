// Morphological fallback for words the lexicon does not list: inflection through a maintained
// lemmatiser (wink-lemmatizer: WordNet-based exceptions plus suffix rules, nouns, verbs and
// adjectives), then a short list of derivational rules that turn an adjective, adverb or
// participle into the noun Parrott's labels use ("sad" -> "sadness", "angrily" -> "angry" ->
// "anger", "frustrated" -> "frustration", "terrified" -> "terror"). The caller caches the outcome
// per word, so each of these runs once per distinct word in a process.
import { Module, createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';

interface WinkLemmatizer {
  lemmatizeNoun(word: string): string;
  lemmatizeVerb(word: string): string;
  lemmatizeAdjective(word: string): string;
}
// Loaded on first use: it holds WordNet's exception lists (~45 MB of heap, ~0.5 s to load), which
// every other CLI command and the main thread of `emokb tag` do not need.
let winkLemmatizer: WinkLemmatizer | undefined;
const require = createRequire(import.meta.url);
function wink(): WinkLemmatizer {
  // CommonJS without type declarations: typed here rather than with an ambient module declaration.
  winkLemmatizer ??= require('wink-lemmatizer') as WinkLemmatizer;
  return winkLemmatizer;
}

// wink-lemmatizer's data: five CommonJS modules of wink-lexicon (3 MB of JavaScript, 77,000
// assignments), which cost each thread that loads them 0.3-1 s of compiling. The same data as one
// JSON text parses in under 0.1 s: `emokb tag` makes that text once (kept in the data directory),
// and its worker threads register the parsed data as those modules before wink-lemmatizer asks.
const WINK_DATA = ['wn-adjective-exceptions', 'wn-noun-exceptions', 'wn-verb-exceptions', 'wn-words', 'wn-word-senses'] as const;

function winkDataFiles(): string[] {
  const fromWink = createRequire(require.resolve('wink-lemmatizer'));
  return WINK_DATA.map((name) => fromWink.resolve(`wink-lexicon/src/${name}.js`));
}

/** The version of wink-lexicon, which a data snapshot must match. */
export function winkLexiconVersion(): string {
  const fromWink = createRequire(require.resolve('wink-lemmatizer'));
  return (fromWink('wink-lexicon/package.json') as { version: string }).version;
}

// In the JSON text the objects are plain (the modules make them without a prototype), and the
// senses are written once each, with one index per word (the module shares them the same way).
const SENSES = WINK_DATA.indexOf('wn-word-senses');

function toSnapshot(values: unknown[]): unknown[] {
  const senses = values[SENSES] as number[][];
  const unique: number[][] = [];
  const indexOf = new Map<number[], number>();
  const index = senses.map((s) => indexOf.get(s) ?? (indexOf.set(s, unique.push(s) - 1), unique.length - 1));
  return values.map((v, i) => (i === SENSES ? { unique, index } : v));
}

function fromSnapshot(parsed: unknown[]): unknown[] {
  return parsed.map((value, i) => {
    if (i !== SENSES) return Object.setPrototypeOf(value as object, null) as unknown;
    const { unique, index } = value as { unique: number[][]; index: number[] };
    return index.map((u) => unique[u]);
  });
}

/**
 * wink-lemmatizer's data as one JSON text, or undefined if it does not come back from JSON exactly
 * as the modules build it (then threads load the modules themselves). Loads the modules.
 */
export function winkDataSnapshot(): string | undefined {
  const values = winkDataFiles().map((file) => require(file) as unknown);
  const json = JSON.stringify(toSnapshot(values));
  return isDeepStrictEqual(fromSnapshot(JSON.parse(json) as unknown[]), values) ? json : undefined;
}

/**
 * Registers a `winkDataSnapshot` as wink-lexicon's data modules, so that wink-lemmatizer, when
 * first needed, gets them without compiling them. False (and nothing registered) if the text is
 * not such a snapshot or the modules are loaded already.
 */
export function useWinkDataSnapshot(json: string): boolean {
  const files = winkDataFiles();
  if (winkLemmatizer || files.some((file) => require.cache[file])) return false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return false;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== files.length ||
    !parsed.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v))
  )
    return false;
  const values = fromSnapshot(parsed);
  files.forEach((file, i) => {
    const module = new Module(file);
    module.filename = file;
    module.loaded = true;
    module.exports = values[i];
    require.cache[file] = module;
  });
  return true;
}

/** Inflectional lemmas of a lowercase word, most likely first, without the word itself. */
export function lemmasOf(word: string): string[] {
  const out: string[] = [];
  // (an undoubled stem is read as the verb in silent "e" before the duplicate check: wink may give
  // "hat" for one part of speech and "hate" for another)
  const stem = undoubledStemOf(word);
  const add = (found: string) => {
    const w = found === stem ? `${found}e` : found;
    if (w && w !== word && !out.includes(w)) out.push(w);
  };
  const w = wink();
  add(w.lemmatizeVerb(word));
  add(w.lemmatizeAdjective(word));
  add(w.lemmatizeNoun(word));
  return out;
}

/** One vowel letter closed by one consonant that English doubles before a suffix ("rat", "hop", "scar"). */
const SHORT_CLOSED_SYLLABLE = /^[^aeiouy]*[aeiou][^aeiouwxy]$/;

/**
 * `word` without "-ed"/"-ing" where that leaves a one-syllable verb whose final consonant English
 * doubles before them ("fated" -> "fat"), or undefined: such a stem is not the word's lemma, which
 * ends in a silent "e". wink-lemmatizer strips the suffix of a regular form it has no exception
 * for and so read "rated" as "rat", "hated" as "hat", "hoped" as "hop", "scared" as "scar",
 * "fated" as "fat"; but "rat", "hop", "scar" make "ratted", "hopped", "scarred" (Quirk et al.
 * 1985, Appendix I.4, doubling of the final consonant), so an undoubled form is of "rate", "hope",
 * "scare". (Exported for the blocks written while the tagger read the stem: blockedEntries.ts.)
 */
export function undoubledStemOf(word: string): string | undefined {
  const stem = word.endsWith('ed') ? word.slice(0, -2) : word.endsWith('ing') ? word.slice(0, -3) : undefined;
  return stem !== undefined && SHORT_CLOSED_SYLLABLE.test(stem) ? stem : undefined;
}

/**
 * Words too common in other senses to derive from: "like" is not "liking", "long" not
 * "longing", "please" not "pleasure", "content" (of a post) not "contentment".
 */
const NO_DERIVATION = new Set([
  'like',
  'likes',
  'liked',
  'long',
  'longer',
  'care',
  'cares',
  'cared',
  'content',
  'contents',
  'please',
  'pleased',
  'well',
  'fine',
  'pretty',
  'right',
  'cool',
  'sure',
  'mean',
  'kind',
  'free',
  'hop',
  'hope',
  'sympathetic',
  'desire',
  'pride',
  'rage',
  'glad',
  'lust',
  'reject',
  'insult',
  'regular',
  'interest',
  'interesting',
  'concern',
  'concerned',
  'mind',
  'patient',
  'grave',
  'cheer',
  'cheers',
  'rap',
  'rapt',
  'alarm',
  'thrill',
  'shock',
]);

// Suffix rewrites from a base form to a noun: [suffix, replacement]. Tried in order on each base.
const RULES: ReadonlyArray<readonly [string, string]> = [
  ['', 'ness'], // sad -> sadness, bitter -> bitterness
  ['y', 'iness'], // happy -> happiness, lonely -> loneliness
  ['', 'ment'], // excite -> excitement, amaze -> amazement, resent -> resentment
  ['', 'ance'], // annoy -> annoyance
  ['e', 'ation'], // adore -> adoration, frustrate -> frustration
  ['ate', 'ation'], // compassionate? (handled by 'ate'->'') elate -> elation
  ['', 'ion'], // depress -> depression, reject -> rejection
  ['e', 'ion'], // humiliate -> humiliation, alienate -> alienation
  ['ify', 'or'], // terrify -> terror, horrify -> horror
  ['fy', 'faction'], // satisfy -> satisfaction
  ['se', 'sure'], // displease -> displeasure
  ['ve', 'f'], // relieve -> relief, grieve -> grief
  ['ize', 'y'], // agonize -> agony
  ['ious', 'iety'], // anxious -> anxiety
  ['ious', 'y'], // furious -> fury, envious -> envy
  ['ious', 'ity'], // ferocious -> ferocity
  ['ous', ''], // joyous -> joy, zealous -> zeal
  ['uous', ''], // contemptuous -> contempt
  ['ous', 'y'], // jealous -> jealousy
  ['iful', 'y'], // pitiful -> pity
  ['ful', ''], // fearful -> fear, hateful -> hate, resentful -> resent
  ['ful', 'ness'], // vengeful -> vengefulness
  ['ry', 'er'], // angry -> anger
  ['y', ''], // guilty -> guilt, gloomy -> gloom
  ['en', ''], // frighten -> fright
  ['ic', 'ia'], // euphoric -> euphoria
  ['ical', 'ia'], // hysterical -> hysteria
  ['etic', 'y'], // sympathetic -> sympathy
  ['istic', 'ism'], // optimistic -> optimism
  ['astic', 'asm'], // enthusiastic -> enthusiasm
  ['ant', ''], // triumphant -> triumph
  ['ate', ''], // compassionate -> compassion
  ['e', 'ity'], // hostile -> hostility, insecure -> insecurity
  ['', 'ity'], // jovial -> joviality
  ['ive', 'ion'], // apprehensive -> apprehension
  ['e', 'al'], // arouse -> arousal
  ['e', 'ing'], // loathe -> loathing
];

/** Base forms to derive from: the word, its lemmas, and the adjective behind an -ly adverb. */
function basesOf(word: string, lemmas: readonly string[]): string[] {
  const bases = [word, ...lemmas];
  if (word.length > 4 && word.endsWith('ly')) {
    const stem = word.slice(0, -2);
    bases.push(stem, ...lemmasOf(stem)); // surprisingly -> surprising -> surprise
    if (stem.endsWith('i')) bases.push(`${stem.slice(0, -1)}y`); // angrily -> angry
    if (stem.endsWith('ful')) bases.push(stem.slice(0, -3)); // hopefully -> hope
  }
  return bases;
}

/**
 * The adjective (and its lemmas) behind an -ly adverb, most direct first: "angrily" -> "angry",
 * "creepily" -> "creepy", "hopefully" -> "hope". Empty for stop-listed, very short and other words.
 */
export function adverbBasesOf(word: string, lemmas: readonly string[]): string[] {
  if (word.length < 3 || NO_DERIVATION.has(word)) return [];
  const seen = new Set<string>([word, ...lemmas]);
  const out: string[] = [];
  for (const base of basesOf(word, lemmas)) {
    if (!seen.has(base)) {
      seen.add(base);
      out.push(base);
    }
  }
  return out;
}

/**
 * Nouns the suffix rules derive from the word, its lemmas and an -ly adverb's adjective, most
 * direct first ("angry" -> "anger", "terrified" -> "terror"); the caller keeps the first one the
 * lexicon has. Empty for stop-listed and very short words.
 */
export function derivedNounsOf(word: string, lemmas: readonly string[]): string[] {
  if (word.length < 3 || NO_DERIVATION.has(word)) return [];
  const bases = basesOf(word, lemmas);
  const seen = new Set<string>(bases);
  const out: string[] = [];
  for (const base of bases) {
    if (base.length < 3 || NO_DERIVATION.has(base)) continue;
    for (const [suffix, replacement] of RULES) {
      if (!base.endsWith(suffix)) continue;
      const stem = base.slice(0, base.length - suffix.length);
      if (stem.length < 2) continue;
      const derived = stem + replacement;
      if (!seen.has(derived)) {
        seen.add(derived);
        out.push(derived);
      }
    }
  }
  return out;
}
