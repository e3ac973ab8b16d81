// A seeded random sample of the tagger's matches on a corpus, uniform over matches (not over
// texts: a text with three matches is three times as likely to give one), for judging in context.
// The draw is a partial Fisher-Yates shuffle of the match indexes driven by xoroshiro128+ (pure-rand)
// from the seed, so the same corpus, lexicon and seed give the same sample, and a smaller sample is
// a prefix of a larger one with the same seed.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { Tagger } from '../tagger/Tagger.js';
import type { TagMatch } from '../tagger/types.js';
import { EMOTION_BASE } from '../rdf/namespaces.js';
import type { CorpusDocument } from './corpusText.js';

/** The judged claim and how the tagger reached it, for one sampled match. */
export interface SampledMatch {
  /** 1-based position in the draw. */
  rank: number;
  doc: CorpusDocument;
  match: TagMatch;
  /** The emotion's IRI. */
  emotion: string;
  /** How it matched: form, lemma, derivation, cue (a punctuation cue), with `+multiword` for an expression of several words. */
  via: string;
  /** The rules that shaped it (intensity, emphasis), or `none`. */
  rules: string;
}

export interface MatchCounts {
  /** Counted matches in the corpus (negated ones count for nothing and are left out). */
  total: number;
  /** Per lexicon term (the entry's canonical form), its counted matches. */
  byTerm: Map<string, number>;
  /** Per document, its counted matches (in the corpus's order). */
  perDocument: Int32Array;
  /** Negated matches left out. */
  negated: number;
}

/** The matches the audit judges: those that add to the scores (not negated). */
export function countedMatches(tagger: Tagger, text: string): TagMatch[] {
  return (tagger.tag(text).matches ?? []).filter((m) => !m.negated);
}

export function countMatches(tagger: Tagger, docs: readonly CorpusDocument[]): MatchCounts {
  const byTerm = new Map<string, number>();
  const perDocument = new Int32Array(docs.length);
  let total = 0,
    negated = 0;
  docs.forEach((doc, d) => {
    for (const m of tagger.tag(doc.text).matches ?? []) {
      if (m.negated) {
        negated++;
        continue;
      }
      perDocument[d]!++;
      total++;
      byTerm.set(m.lemma, (byTerm.get(m.lemma) ?? 0) + 1);
    }
  });
  return { total, byTerm, perDocument, negated };
}

/** `size` distinct matches drawn uniformly (or all of them, in random order, when fewer). */
export function drawSample(
  tagger: Tagger,
  docs: readonly CorpusDocument[],
  counts: MatchCounts,
  size: number,
  seed: number,
): SampledMatch[] {
  const n = counts.total;
  const k = Math.min(size, n);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const rng = xoroshiro128plus(seed);
  for (let i = 0; i < k; i++) {
    const j = uniformInt(rng, i, n - 1);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  // Match index -> (document, match within it) through the running sums of the per-document counts.
  const starts = new Float64Array(docs.length + 1);
  for (let d = 0; d < docs.length; d++) starts[d + 1] = starts[d]! + counts.perDocument[d]!;
  const out: SampledMatch[] = [];
  for (let r = 0; r < k; r++) {
    const index = order[r]!;
    let lo = 0,
      hi = docs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    const doc = docs[lo]!;
    const match = countedMatches(tagger, doc.text)[index - starts[lo]!]!;
    out.push(describeMatch(tagger, doc, match, r + 1));
  }
  return out;
}

/** A match with its IRI, how it matched and which rules shaped it (found by tagging again with each rule off). */
export function describeMatch(tagger: Tagger, doc: CorpusDocument, match: TagMatch, rank: number): SampledMatch {
  const cue = match.lemma === '?' || match.lemma === '!';
  const via = cue ? 'cue' : `${match.via}${/[\s-]/.test(match.lemma) ? '+multiword' : ''}`;
  const rules: string[] = cue ? [`cue ${match.lemma}`] : [];
  if (match.intensity !== 1) {
    const same = (m: TagMatch) => m.start === match.start && m.end === match.end && m.emotionId === match.emotionId;
    const noEmphasis = tagger.tag(doc.text, { emphasis: false }).matches?.find(same)?.intensity ?? 1;
    if (noEmphasis !== 1) rules.push(`intensity x${round(noEmphasis)}`);
    if (match.intensity / noEmphasis !== 1) rules.push(`emphasis x${round(match.intensity / noEmphasis)}`);
  }
  return { rank, doc, match, emotion: `${EMOTION_BASE}${match.emotionId}`, via, rules: rules.join(', ') || 'none' };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
