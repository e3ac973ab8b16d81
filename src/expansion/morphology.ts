// Step 7: the inflected forms of an accepted lemma, so that the tagger matches "angrier",
// "panicking", "dreaded", "infuriated". Each slot (plural; 3rd person, past, past participle,
// gerund; comparative, superlative; -ly adverb) gets candidates from en-inflectors and from plain
// spelling rules (its irregular tables cover "fought", its rules miss "panicked"); a candidate is
// kept only if wink-lemmatizer (WordNet's exception lists plus rules) maps it back to the lemma
// and it occurs in the corpus word list (so "furiouser" and "paniced" are not invented); the most
// frequent survivor fills the slot. A form that is itself a WordNet word with no emotional sense
// ("madder" the plant, "lower" the verb) is flagged and left out, not added silently.
import { createRequire } from 'node:module';
import type { PartOfSpeech } from '../kb/termQuads.js';
import type { Emotionality } from '../wordnet/emotional.js';
import type { WordVectors } from './vectors.js';
import type { WordNet } from '../wordnet/wordnet.js';

const require = createRequire(import.meta.url);
type InflectorClass = new (word: string) => Record<string, () => string>;
type Lemmatizer = { noun(w: string): string; verb(w: string): string; adjective(w: string): string };
// Loaded on first use: together they cost ~0.5 s, which every other command would pay at start-up.
let inflectorClass: InflectorClass | undefined;
let winkLemmatizer: Lemmatizer | undefined;
const Inflector = (): InflectorClass => (inflectorClass ??= (require('en-inflectors') as { Inflectors: InflectorClass }).Inflectors);
export const lemmatizer: Lemmatizer = {
  noun: (w) => (winkLemmatizer ??= require('wink-lemmatizer') as Lemmatizer).noun(w),
  verb: (w) => (winkLemmatizer ??= require('wink-lemmatizer') as Lemmatizer).verb(w),
  adjective: (w) => (winkLemmatizer ??= require('wink-lemmatizer') as Lemmatizer).adjective(w),
};

export interface FormsResult {
  forms: string[];
  flagged: Array<{ form: string; reason: string }>;
}

export interface MorphologyContext {
  wn: WordNet;
  vectors: WordVectors;
  emotionality: Emotionality;
}

const VOWELS = /[aeiou]/;
const FUNCTION_WORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'to',
  'in',
  'on',
  'at',
  'for',
  'with',
  'and',
  'or',
  'from',
  'by',
  "one's",
  'my',
  'your',
  "someone's",
  'up',
  'out',
  'off',
  'down',
  'over',
  'under',
]);

function doubled(word: string): string {
  // "fret" -> "frett", "sad" -> "sadd": one vowel then one consonant (not w, x, y) at the end.
  return /[^aeiou][aeiou][^aeiouwxy]$/.test(word) && (word.match(/[aeiou]+/g)?.length ?? 0) === 1 ? word + word.at(-1) : word;
}

function safe(word: string, method: string): string | undefined {
  try {
    const out = new (Inflector())(word)[method]?.();
    return typeof out === 'string' && out && out !== word ? out.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

function slots(word: string, pos: PartOfSpeech): Array<{ slot: string; options: string[]; back: (f: string) => string }> {
  const w = word.toLowerCase();
  const stemY = w.endsWith('y') && !VOWELS.test(w.at(-2) ?? '') ? w.slice(0, -1) : undefined;
  const stemE = w.endsWith('e') ? w.slice(0, -1) : undefined;
  const ic = w.endsWith('ic') ? `${w}k` : undefined;
  const list = (...xs: Array<string | undefined>) => [...new Set(xs.filter((x): x is string => !!x && x !== w))];
  switch (pos) {
    case 'noun':
      return [{ slot: 'plural', options: list(safe(w, 'toPlural'), `${w}s`, `${w}es`, stemY && `${stemY}ies`), back: lemmatizer.noun }];
    case 'verb':
      return [
        { slot: 'present-3rd', options: list(safe(w, 'toPresentS'), `${w}s`, `${w}es`, stemY && `${stemY}ies`), back: lemmatizer.verb },
        {
          slot: 'past',
          options: list(safe(w, 'toPast'), `${w}ed`, stemE && `${w}d`, `${doubled(w)}ed`, stemY && `${stemY}ied`, ic && `${ic}ed`),
          back: lemmatizer.verb,
        },
        {
          slot: 'past-participle',
          options: list(
            safe(w, 'toPastParticiple'),
            `${w}ed`,
            stemE && `${w}d`,
            `${doubled(w)}ed`,
            stemY && `${stemY}ied`,
            ic && `${ic}ed`,
          ),
          back: lemmatizer.verb,
        },
        {
          slot: 'gerund',
          options: list(safe(w, 'toGerund'), `${w}ing`, stemE && `${stemE}ing`, `${doubled(w)}ing`, ic && `${ic}ing`),
          back: lemmatizer.verb,
        },
      ];
    case 'adjective':
      return [
        {
          slot: 'comparative',
          options: list(safe(w, 'comparative'), `${w}er`, stemE && `${w}r`, `${doubled(w)}er`, stemY && `${stemY}ier`),
          back: lemmatizer.adjective,
        },
        {
          slot: 'superlative',
          options: list(safe(w, 'superlative'), `${w}est`, stemE && `${w}st`, `${doubled(w)}est`, stemY && `${stemY}iest`),
          back: lemmatizer.adjective,
        },
        {
          slot: 'adverb',
          options: list(`${w}ly`, stemY && `${stemY}ily`, w.endsWith('le') ? `${w.slice(0, -1)}y` : undefined, ic && `${w}ally`),
          back: () => '',
        },
      ];
    default:
      return [];
  }
}

/** The inflected forms of `lemma`; for a multiword lemma the head is inflected (verbs: first word, nouns: last). */
export function formsFor(lemma: string, pos: PartOfSpeech, ctx: MorphologyContext): FormsResult {
  const words = lemma.split(' ');
  if (words.length > 1 && pos !== 'verb' && pos !== 'noun') return { forms: [], flagged: [] };
  // Only compound nouns take a plural on their last word ("panic attacks"); a noun phrase with a
  // function word is an idiom whose last word is not its head ("a bitter pill to swallow").
  if (pos === 'noun' && words.length > 1 && (words.length > 3 || words.some((w) => FUNCTION_WORDS.has(w.toLowerCase()))))
    return { forms: [], flagged: [] };
  const headAt = pos === 'verb' ? 0 : words.length - 1;
  const head = words[headAt]!;
  if (!/^[a-z][a-z-]*$/i.test(head)) return { forms: [], flagged: [] };
  const result: FormsResult = { forms: [], flagged: [] };
  for (const { slot, options, back } of slots(head, pos)) {
    const survivors = options.filter((f) => {
      if (!ctx.vectors.attested(f)) return false;
      if (slot === 'adverb') return ctx.wn.lookup(f, 'r').length > 0;
      return back(f) === head.toLowerCase();
    });
    // The inflector's or the regular rule's form first; another survivor only if it is far more
    // frequent (a misspelling in the corpus like "paniced" stays rarer than "panicked").
    let best = survivors[0];
    for (const f of survivors.slice(1)) if (best && ctx.vectors.rank(f) * 10 < ctx.vectors.rank(best)) best = f;
    if (!best) continue;
    const form = [...words.slice(0, headAt), best, ...words.slice(headAt + 1)].join(' ');
    if (form.toLowerCase() === lemma.toLowerCase() || result.forms.includes(form)) continue;
    const clash = otherMeaning(form, lemma, pos, slot, ctx);
    if (clash) result.flagged.push({ form, reason: clash });
    else result.forms.push(form);
  }
  return result;
}

/** Why `form` would match another word with another meaning, or null. */
function otherMeaning(form: string, lemma: string, pos: PartOfSpeech, slot: string, ctx: MorphologyContext): string | null {
  if (slot === 'adverb') return null; // the adverb is WordNet's own derivation of the adjective
  const senses = ctx.wn.lookup(form);
  if (!senses.length) return null;
  // WordNet lists participial adjectives ("dreaded", "infuriated") as words: same meaning.
  if (pos === 'verb' && senses.every((s) => s.pos === 'a')) return null;
  const emotional = senses.filter((s) => ctx.emotionality.score(s) >= 0.7);
  if (emotional.length) return null;
  // A noun derived from the lemma itself ("crying" from "cry", "sobbing" from "sob") is the same meaning.
  const base = lemma.toLowerCase();
  const derived = senses.some((s) =>
    s.pointers.some((p) => p.symbol === '+' && ctx.wn.synset(p.target).words.some((w) => w.toLowerCase() === base)),
  );
  if (derived) return null;
  const first = senses[0]!;
  return `"${form}" is also a WordNet word with no emotional sense (${first.name}: ${first.gloss.split(';')[0]}), not only a form of "${lemma}"`;
}
