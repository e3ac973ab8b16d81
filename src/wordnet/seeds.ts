// Step 1 of the pipeline: each emotion's seeds, its label and definition, and the WordNet senses of
// the label that mean that emotion. The sense is chosen among the label's emotional senses by
// overlap of the project's definition with the sense's gloss (a Lesk step), so that "rage" the
// emotion is taken and "rage" the fashion is not.
import type { Emotion } from '../kb/Emotion.js';
import { bag, overlap } from './text.js';
import type { Emotionality } from './emotional.js';
import { definitionOf } from './emotional.js';
import type { Synset, WordNet } from './wordnet.js';
import { NOUN_FEELING } from './wordnet.js';

export interface Seed {
  readonly emotion: Emotion;
  /** The chosen WordNet senses (may be empty: some of Parrott's labels have no emotional sense). */
  readonly synsets: readonly Synset[];
}

export function synsetBag(wn: WordNet, s: Synset): Map<string, number> {
  const texts = [definitionOf(s.gloss), ...s.words];
  for (const p of s.pointers) if (p.symbol === '@') texts.push(...wn.synset(p.target).words);
  return bag(texts);
}

export function chooseSeeds(wn: WordNet, emotionality: Emotionality, emotion: Emotion): Seed {
  const definition = bag([emotion.definition]);
  const senses = wn.lookup(emotion.label, 'n').map((synset, order) => ({
    synset,
    order,
    emotional: emotionality.score(synset),
    fit: overlap(definition, synsetBag(wn, synset)),
  }));
  const emotional = senses.filter((s) => s.emotional >= 0.9);
  if (!emotional.length) return { emotion, synsets: [] };
  const ranked = [...emotional].sort((a, b) => b.fit + 0.15 / (1 + b.order) - (a.fit + 0.15 / (1 + a.order)) || a.order - b.order);
  const chosen = [ranked[0]!];
  // A second noun.feeling sense that fits the definition nearly as well ("fear": fear.n.01 and
  // fear.n.03 "an anxious feeling") is kept too.
  for (const s of ranked.slice(1)) {
    if (chosen.length >= 2) break;
    if (s.synset.lexfile === NOUN_FEELING && s.fit >= Math.max(0.12, ranked[0]!.fit * 0.6)) chosen.push(s);
  }
  return { emotion, synsets: chosen.map((c) => c.synset) };
}
