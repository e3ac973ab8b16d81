// The library's result objects (TagResult, TagMatch, per-sentence results) built from the match
// buffer and a roll-up: what `tag` returns and GraphQL `classify` mirrors. The CLI's hot path
// writes the same content as JSON without them (jsonWriter.ts).
import type { Tier } from '../kb/Emotion.js';
import type { LexiconIndex } from '../lexicon/LexiconIndex.js';
import { DEFAULT_NARROWER } from './defaultNarrower.js';
import { KINDS, VIAS, type MatchBuffer } from './matches.js';
import type { ResolvedOptions } from './options.js';
import type { RolledUp } from './rollUp.js';
import { sharedRuleNames } from './rules.js';
import type { DominantPath, TagMatch, TierScores } from './types.js';

/** A placeholder until the real dominant path is set (frozen: never handed out as a result's own). */
export const EMPTY_DOMINANT: DominantPath = Object.freeze({ primary: null, secondary: null, tertiary: null }) as DominantPath;

// A tier's scores are an object keyed by emotion label. Made with `{}`, each would take its hidden
// classes from the tree every `{}` of the program shares, and a program that fills other `{}`s with
// many distinct keys (word counts, say) makes that tree huge and adding a label slow (measured:
// the whole tagger up to 1.8x slower). A constructor of its own gives these objects their own small
// tree of label transitions; with Object.prototype as its prototype they are plain objects to
// every reader (prototype, constructor, JSON, equality).
const LabelScores = function LabelScores() {} as unknown as new () => Record<string, number>;
LabelScores.prototype = Object.prototype;

/** `{tier: {}}` for each tier reported (one literal, one shape, in the common case of all three). */
export function emptyScores(tiers: readonly Tier[]): TierScores {
  if (tiers.length === 3) return { primary: new LabelScores(), secondary: new LabelScores(), tertiary: new LabelScores() };
  const scores: TierScores = {};
  for (const tier of tiers) scores[tier] = new LabelScores();
  return scores;
}

/** Sets `into`'s dominant path and scores from a roll-up (`labels`: per emotion, its label). */
export function scoreInto(
  into: { dominant: DominantPath; scores: TierScores },
  r: RolledUp,
  labels: readonly string[],
  o: ResolvedOptions,
): void {
  into.dominant = {
    primary: r.primary < 0 ? null : labels[r.primary]!,
    secondary: r.secondary < 0 ? null : labels[r.secondary]!,
    tertiary: r.tertiary < 0 ? null : labels[r.tertiary]!,
  };
  const scores = emptyScores(o.tiers);
  // (a tier's object chosen per row without an array made per call: rows are sorted by tier)
  for (let i = 0; i < r.rowCount; i++) {
    const tier = r.rowTier[i]!;
    const target = tier === 0 ? scores.primary : tier === 1 ? scores.secondary : scores.tertiary;
    target![r.rowLabel[i]!] = round(r.rowScore[i]!);
  }
  into.scores = scores;
}

/** Sets `into`'s dominant path and scores to those of a text without matches. */
export function scoreNothing(into: { dominant: DominantPath; scores: TierScores }, o: ResolvedOptions): void {
  into.dominant = { primary: null, secondary: null, tertiary: null };
  into.scores = emptyScores(o.tiers);
}

/** Match m of `text` as the library reports it. */
export function publicMatch(
  text: string,
  mb: MatchBuffer,
  m: number,
  index: LexiconIndex,
  pathLabels: readonly (readonly string[])[],
  labels: readonly string[],
  o: ResolvedOptions,
): TagMatch {
  const e = mb.emotion[m]!;
  const emotion = index.emotions[e]!;
  const match: TagMatch = {
    text: text.slice(mb.start[m]!, mb.end[m]!),
    start: mb.start[m]!,
    end: mb.end[m]!,
    // (entry -1: a valence match, appraisal.ts, has no lexicon entry; its lemma is the word itself)
    lemma: mb.entry[m]! >= 0 ? index.entries[mb.entry[m]!]!.lemma : text.slice(mb.start[m]!, mb.end[m]!).toLowerCase(),
    emotion: emotion.label,
    emotionId: emotion.id,
    path: pathLabels[e]!,
    weight: round(mb.weight[m]!),
    negated: mb.negated[m] === 1,
    intensity: round(mb.intensity[m]!),
    kind: KINDS[mb.kind[m]!]!,
    via: VIAS[mb.via[m]!]!,
  };
  const counted = mb.counted[m]!;
  if (match.negated && o.negation === 'opposite' && counted.length) match.countedAs = labels[counted[0]!]!;
  if (mb.rules[m] !== 0) match.rules = sharedRuleNames(mb.rules[m]!);
  if (mb.rules[m]! & DEFAULT_NARROWER) {
    match.readAs = pathLabels[counted[0]!]!;
    match.readAsId = index.emotions[counted[0]!]!.id;
  }
  return match;
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
