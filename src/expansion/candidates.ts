// Step 2: candidate terms from WordNet. From each emotion's seed senses the generator follows
// synonyms, hyponyms (noun.feeling only), derivationally related forms, similar-to and also-see
// adjectives and the adverbs that pertain to them, never leaving emotional senses. Every reach
// keeps its relation path (`wordnet:similar-to:angry.a.01>...`) and a path score that falls with
// each step and with weaker relations.
import type { PartOfSpeech, SenseKind } from '../kb/termQuads.js';
import type { Emotionality } from '../wordnet/emotional.js';
import type { Seed } from '../wordnet/seeds.js';
import type { Synset, WnPos, WordNet } from '../wordnet/wordnet.js';

export const POS_NAME: Record<WnPos, PartOfSpeech> = { n: 'noun', v: 'verb', a: 'adjective', r: 'adverb' };

/** One way an emotion reaches a word. */
export interface Reach {
  readonly emotion: string;
  readonly lemma: string;
  readonly pos: PartOfSpeech;
  /** The sense of the lemma that was reached. */
  readonly synset: Synset;
  /** First relation of the path, e.g. `wordnet:derivation` (the sense's emo:method). */
  readonly method: string;
  /** The whole path, e.g. `wordnet:hyponym:anger.n.01>derivation:furious.s.02`. */
  readonly path: string;
  readonly pathScore: number;
  readonly kind: SenseKind;
}

const STEP: Record<string, number> = {
  synonym: 1,
  hyponym: 0.85,
  derivation: 0.85,
  'similar-to': 0.8,
  pertainym: 0.85,
  'also-see': 0.6,
  'verb-hyponym': 0.75,
  gloss: 0.6,
  participle: 0.9,
  'other-sense': 0.75,
  lexfile: 0.6,
};
const MIN_PATH_SCORE = 0.4;
/** A sense must be at least this emotional to be reached. */
const MIN_EMOTIONAL = 0.7;

export class CandidateGenerator {
  readonly #wn: WordNet;
  readonly #emotionality: Emotionality;
  readonly #adverbsOf = new Map<number, Array<{ adverb: Synset; word: number; adjWord: number }>>();
  /** Participial adjectives of a verb (`<` points from the adjective to the verb). */
  readonly #participlesOf = new Map<number, Synset[]>();

  constructor(wn: WordNet, emotionality: Emotionality) {
    this.#wn = wn;
    this.#emotionality = emotionality;
    // Adverbs point at their adjectives (`\`); index the reverse once.
    for (const s of wn.synsets) {
      if (s.pos === 'a') {
        for (const p of s.pointers) {
          if (p.symbol !== '<') continue;
          const list = this.#participlesOf.get(p.target) ?? [];
          if (!list.includes(s)) list.push(s);
          this.#participlesOf.set(p.target, list);
        }
      }
      if (s.pos !== 'r') continue;
      for (const p of s.pointers) {
        if (p.symbol !== '\\') continue;
        const list = this.#adverbsOf.get(p.target) ?? [];
        list.push({ adverb: s, word: p.sourceWord, adjWord: p.targetWord });
        this.#adverbsOf.set(p.target, list);
      }
    }
  }

  /** Every reach from one emotion's seeds, best path per (lemma, pos) first found kept. */
  generate(seed: Seed): Reach[] {
    const best = new Map<string, Reach>();
    const emotion = seed.emotion.iri;
    const add = (synset: Synset, word: string, path: string, score: number) => {
      if (score < MIN_PATH_SCORE) return;
      const lemma = word;
      if (!/[a-z]/i.test(lemma) || lemma.length < 3) return;
      const pos = POS_NAME[synset.pos];
      const key = `${lemma.toLowerCase()}|${pos}`;
      const prev = best.get(key);
      if (prev && prev.pathScore >= score) return;
      // The method is the relation of the last step (`...>similar-to:furious.s.02` -> wordnet:similar-to).
      const last = path.slice(path.lastIndexOf('>') + 1);
      const method = `wordnet:${last.startsWith('wordnet:') ? last.split(':')[1] : last.split(':')[0]}`;
      best.set(key, {
        emotion,
        lemma,
        pos,
        synset,
        method,
        path,
        pathScore: round(score),
        kind: this.#emotionality.isEvoking(synset) ? 'evokes' : 'names',
      });
    };
    const seen = new Map<number, number>();
    // Breadth-first over (synset, word) with the best score per synset.
    const queue: Array<{ synset: Synset; word?: string; path: string; score: number; depth: number }> = [];
    for (const s of seed.synsets) queue.push({ synset: s, path: `wordnet:synonym:${s.name}`, score: STEP.synonym!, depth: 0 });
    while (queue.length) {
      const item = queue.shift()!;
      const { synset, score, depth } = item;
      if ((seen.get(synset.index) ?? -1) >= score) continue;
      seen.set(synset.index, score);
      for (const w of synset.words)
        add(synset, w, item.path, score * (item.word && w.toLowerCase() !== item.word.toLowerCase() ? 0.95 : 1));
      if (depth >= 3) continue;
      const next = (target: Synset, relation: string, word?: string, minEmotional = MIN_EMOTIONAL) => {
        const s = score * STEP[relation]!;
        if (s < MIN_PATH_SCORE || this.#emotionality.score(target) < minEmotional) return;
        queue.push({ synset: target, word, path: `${item.path}>${relation}:${target.name}`, score: s, depth: depth + 1 });
      };
      // The other emotional senses of the seed words themselves ("fear": fear.n.01 and fear.n.03).
      if (depth === 0) {
        for (const w of synset.words) {
          for (const other of this.#wn.lookup(w, synset.pos)) if (other !== synset) next(other, 'other-sense', w, 0.9);
        }
      }
      for (const p of synset.pointers) {
        const target = this.#wn.synset(p.target);
        switch (p.symbol) {
          case '~':
            if (synset.pos === 'n' && depth < 2) next(target, 'hyponym');
            else if (synset.pos === 'v' && depth < 2) next(target, 'verb-hyponym');
            break;
          case '+':
            if (target.pos !== 'n' || target.lexfile === 12 || target.lexfile === 26) {
              next(target, 'derivation', p.targetWord > 0 ? target.words[p.targetWord - 1] : undefined);
            }
            break;
          case '&':
            next(target, 'similar-to');
            break;
          case '^':
            if (synset.pos === 'a') next(target, 'also-see');
            break;
        }
      }
      if (synset.pos === 'v') {
        for (const adjective of this.#participlesOf.get(synset.index) ?? []) next(adjective, 'participle');
      }
      if (synset.pos === 'a') {
        for (const { adverb } of this.#adverbsOf.get(synset.index) ?? []) next(adverb, 'pertainym');
      }
    }
    return [...best.values()].sort((a, b) => (a.lemma + a.pos).localeCompare(b.lemma + b.pos));
  }
}

/**
 * Second source: senses whose gloss names a feeling word the first pass already tied to an
 * emotion ("marked by extreme anger" -> anger). Path `wordnet:gloss:<sense>:<word>`; one step, scored
 * like a weak relation. `lexicon` maps a word to the emotions that reached it as a synonym.
 */
export function glossReaches(wn: WordNet, emotionality: Emotionality, lexicon: ReadonlyMap<string, ReadonlySet<string>>): Reach[] {
  const out: Reach[] = [];
  for (const synset of wn.synsets) {
    if (emotionality.score(synset) < MIN_EMOTIONAL) continue;
    if (synset.pos === 'n' && synset.lexfile !== 12 && synset.lexfile !== 26 && synset.lexfile !== 7) continue;
    const mentions = [...new Set(emotionality.glossMentions(synset))].filter((m) => lexicon.has(m));
    if (!mentions.length) continue;
    const kind: SenseKind = emotionality.isEvoking(synset) ? 'evokes' : 'names';
    for (const m of mentions.slice(0, 2)) {
      for (const emotion of lexicon.get(m)!) {
        for (const word of synset.words) {
          if (!/[a-z]/i.test(word) || word.length < 3) continue;
          out.push({
            emotion,
            lemma: word,
            pos: POS_NAME[synset.pos],
            synset,
            method: 'wordnet:gloss',
            path: `wordnet:gloss:${synset.name}:${m}`,
            pathScore: STEP.gloss!,
            kind,
          });
        }
      }
    }
  }
  return out;
}

/**
 * Third source: every noun.feeling and verb.emotion sense, whether or not a seed reached it, with
 * the emotions given by `nearest` (the overlap method's best guesses). Path `wordnet:lexfile:<sense>`.
 */
export function lexfileReaches(wn: WordNet, emotionality: Emotionality, nearest: (synset: Synset) => string[]): Reach[] {
  const out: Reach[] = [];
  for (const synset of wn.synsets) {
    if (synset.lexfile !== 12 && synset.lexfile !== 37) continue;
    const kind: SenseKind = emotionality.isEvoking(synset) ? 'evokes' : 'names';
    for (const emotion of nearest(synset)) {
      for (const word of synset.words) {
        if (!/[a-z]/i.test(word) || word.length < 3) continue;
        out.push({
          emotion,
          lemma: word,
          pos: POS_NAME[synset.pos],
          synset,
          method: 'wordnet:lexfile',
          path: `wordnet:lexfile:${synset.name}`,
          pathScore: STEP.lexfile!,
          kind,
        });
      }
    }
  }
  return out;
}

export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
