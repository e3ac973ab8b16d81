// Which WordNet senses are about feelings at all. The pipeline only follows pointers into senses
// that pass this test, which is what keeps "rage" the emotion apart from "rage" the fashion, and it
// is also what the ambiguity weighting counts (how much of a word's use is an emotional sense).
import type { Synset, WordNet } from './wordnet.js';
import { NOUN_FEELING, VERB_EMOTION } from './wordnet.js';

/** Gloss openings that say a word causes a feeling rather than names it ("causing fear"). */
const EVOKING_GLOSS =
  /^(?:\(.*?\)\s*)?(?:causing|arousing|inspiring|provoking|evoking|inducing|exciting|giving|producing|eliciting|likely to (?:cause|arouse|provoke|excite)|capable of (?:causing|arousing|provoking)|tending to (?:cause|arouse|provoke))\b/i;
/** Words that negate the emotion word after them in a gloss ("lacking fear", "free from anxiety"). */
const NEGATORS = new Set([
  'no',
  'not',
  'without',
  'lacking',
  'lack',
  'free',
  'devoid',
  'absence',
  'absent',
  'never',
  'un',
  'little',
  'less',
  'unaffected',
  'incapable',
]);

export class Emotionality {
  readonly #wn: WordNet;
  readonly #memo = new Map<number, number>();
  readonly #feelingWords: ReadonlySet<string>;

  constructor(wn: WordNet) {
    this.#wn = wn;
    const words = new Set<string>();
    for (const s of wn.synsets) {
      if (s.lexfile !== NOUN_FEELING) continue;
      for (const w of s.words) if (!w.includes(' ')) words.add(w.toLowerCase());
      for (const p of s.pointers) {
        if (p.symbol !== '+') continue;
        const t = wn.synset(p.target);
        if (t.pos === 'a' && p.targetWord > 0) words.add(t.words[p.targetWord - 1]!.toLowerCase());
      }
    }
    // Too general to show that a gloss is about a feeling.
    for (const w of [
      'thing',
      'affect',
      'concern',
      'interest',
      'care',
      'heat',
      'sensation',
      'sense',
      'reaction',
      'attitude',
      'like',
      'want',
      'need',
      'wish',
      'will',
      'feel',
      'good',
      'bad',
      'strong',
      'sick',
      'cold',
      'warm',
      'hot',
      'light',
      'dark',
      'low',
      'high',
      'down',
      'up',
      'blue',
      'green',
      'black',
      'kind',
      'gay',
      'gravity',
      'weight',
      'soft',
      'hard',
      'spirit',
      'spirits',
      'temper',
      'humor',
      'humour',
      'fire',
      'appetite',
      'taste',
      'stomach',
      'bang',
      'kick',
      'charge',
      'boot',
      'buzz',
      'rush',
    ])
      words.delete(w);
    this.#feelingWords = words;
  }

  /** Words of noun.feeling senses and their adjectives: evidence that a gloss is about a feeling. */
  get feelingWords(): ReadonlySet<string> {
    return this.#feelingWords;
  }

  /**
   * How surely a sense is about a feeling, 0 to 1: noun.feeling and verb.emotion senses and their
   * hyponyms 1; senses derivationally linked to them 0.9; senses whose gloss mentions a feeling
   * (not negated) 0.7; adverbs inherit from their adjectives; everything else 0.
   */
  score(synset: Synset): number {
    const memo = this.#memo.get(synset.index);
    if (memo !== undefined) return memo;
    this.#memo.set(synset.index, 0); // guards cycles
    const value = this.#compute(synset);
    this.#memo.set(synset.index, value);
    return value;
  }

  isEvoking(synset: Synset): boolean {
    return EVOKING_GLOSS.test(definitionOf(synset.gloss));
  }

  /** The feeling words the gloss mentions (not negated). */
  glossMentions(synset: Synset): string[] {
    const tokens = definitionOf(synset.gloss)
      .toLowerCase()
      .split(/[^a-z'-]+/)
      .filter(Boolean);
    const out: string[] = [];
    tokens.forEach((t, i) => {
      if (!this.#feelingWords.has(t)) return;
      const before = tokens.slice(Math.max(0, i - 3), i);
      if (before.some((b) => NEGATORS.has(b))) return;
      out.push(t);
    });
    return out;
  }

  #compute(s: Synset): number {
    if (s.lexfile === NOUN_FEELING || s.lexfile === VERB_EMOTION) return 1;
    if (s.pos === 'n' && this.#hypernymIsFeeling(s, 0)) return 1;
    if (s.pos === 'r') {
      let best = 0;
      for (const p of s.pointers) if (p.symbol === '\\') best = Math.max(best, this.score(this.#wn.synset(p.target)) * 0.95);
      if (best) return best;
    }
    for (const p of s.pointers) {
      if (p.symbol !== '+' && p.symbol !== '=') continue;
      const t = this.#wn.synset(p.target);
      if (t.lexfile === NOUN_FEELING || t.lexfile === VERB_EMOTION) return 0.9;
    }
    if (s.pos === 'a' && s.satellite) {
      // A satellite's head adjective carries the cluster's meaning.
      for (const p of s.pointers) {
        if (p.symbol !== '&') continue;
        const head = this.#wn.synset(p.target);
        for (const q of head.pointers) {
          if ((q.symbol === '+' || q.symbol === '=') && this.#wn.synset(q.target).lexfile === NOUN_FEELING && this.glossMentions(s).length)
            return 0.9;
        }
      }
    }
    return this.glossMentions(s).length ? 0.7 : 0;
  }

  #hypernymIsFeeling(s: Synset, depth: number): boolean {
    if (depth > 8) return false;
    for (const p of s.pointers) {
      if (p.symbol !== '@' && p.symbol !== '@i') continue;
      const h = this.#wn.synset(p.target);
      if (h.lexfile === NOUN_FEELING || this.#hypernymIsFeeling(h, depth + 1)) return true;
    }
    return false;
  }
}

/** The definition part of a gloss (before the first example in quotes). */
export function definitionOf(gloss: string): string {
  const cut = gloss.search(/;\s*"/);
  return (cut >= 0 ? gloss.slice(0, cut) : gloss).trim();
}
