// GraphQL `classify` and `classifyBatch`: the tagger over the request's snapshot (built once per
// snapshot and cached on it), shaped into GraphQL types (maps of label -> score become lists).
// Limits come from the environment, read per request so a test or an operator can change them:
//   EMOKB_CLASSIFY_MAX_TEXT         characters per text            (default 100000)
//   EMOKB_CLASSIFY_MAX_BATCH        texts per classifyBatch         (default 100)
//   EMOKB_CLASSIFY_MAX_BATCH_CHARS  characters per classifyBatch    (default 1000000)
import { GraphQLError } from 'graphql';
import { isEmokbError } from '../errors.js';
import type { Emotion, Tier } from '../kb/Emotion.js';
import { TIERS } from '../kb/Emotion.js';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import { Tagger, prepareOptions, type ResolvedOptions } from '../tagger/Tagger.js';
import type { DominantPath, NegationPolicy, TagOptions, TagResult, TierScores } from '../tagger/types.js';
import type { RequestContext } from './resolvers.js';

export interface ClassifyLimits {
  maxText: number;
  maxBatch: number;
  maxBatchChars: number;
}

export const DEFAULT_CLASSIFY_LIMITS: Readonly<ClassifyLimits> = { maxText: 100_000, maxBatch: 100, maxBatchChars: 1_000_000 };

function envLimit(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

export function classifyLimits(): ClassifyLimits {
  return {
    maxText: envLimit('EMOKB_CLASSIFY_MAX_TEXT', DEFAULT_CLASSIFY_LIMITS.maxText),
    maxBatch: envLimit('EMOKB_CLASSIFY_MAX_BATCH', DEFAULT_CLASSIFY_LIMITS.maxBatch),
    maxBatchChars: envLimit('EMOKB_CLASSIFY_MAX_BATCH_CHARS', DEFAULT_CLASSIFY_LIMITS.maxBatchChars),
  };
}

function overLimit(argument: string, limit: string, env: string, max: number, actual: number, unit: string): GraphQLError {
  return new GraphQLError(`${argument}: ${actual} ${unit} exceeds the limit ${limit} of ${max} (set by ${env})`, {
    extensions: { code: 'BAD_USER_INPUT', argument, limit, max, actual, http: { status: 200 } },
  });
}

interface GraphQLOptions {
  tiers?: string[] | null;
  minScore?: number | null;
  perSentence?: boolean | null;
  negation?: string | null;
  intensity?: boolean | null;
  emphasis?: boolean | null;
  matches?: boolean | null;
  evokesFactor?: number | null;
}

function toTagOptions(options: GraphQLOptions | null | undefined): ResolvedOptions {
  const o = options ?? {};
  const tagOptions: TagOptions = {};
  if (o.tiers != null) tagOptions.tiers = o.tiers.map((t) => t.toLowerCase() as Tier);
  if (o.minScore != null) tagOptions.minScore = o.minScore;
  if (o.perSentence != null) tagOptions.perSentence = o.perSentence;
  if (o.negation != null) tagOptions.negation = o.negation.toLowerCase() as NegationPolicy;
  if (o.intensity != null) tagOptions.intensity = o.intensity;
  if (o.emphasis != null) tagOptions.emphasis = o.emphasis;
  if (o.matches != null) tagOptions.matches = o.matches;
  if (o.evokesFactor != null) tagOptions.evokesFactor = o.evokesFactor;
  try {
    return prepareOptions(tagOptions);
  } catch (error) {
    if (!isEmokbError(error)) throw error;
    const argument = `options.${String(error.details?.field ?? '')}`;
    throw new GraphQLError(`options.${error.message}`, { extensions: { code: 'BAD_USER_INPUT', argument, http: { status: 200 } } });
  }
}

/** Label -> emotion per tier, per snapshot. */
const byTierLabel = new WeakMap<KnowledgeBase, Map<string, Emotion>>();
function emotionAt(kb: KnowledgeBase, tier: Tier, label: string): Emotion {
  let map = byTierLabel.get(kb);
  if (!map) {
    map = new Map(kb.emotions().map((e) => [`${e.tier}\u0000${e.label}`, e] as const));
    byTierLabel.set(kb, map);
  }
  return map.get(`${tier}\u0000${label}`)!;
}

function shapeDominant(kb: KnowledgeBase, d: DominantPath) {
  const emotions = TIERS.map((t) => (d[t] ? emotionAt(kb, t, d[t]!) : null)).filter((e): e is Emotion => e !== null);
  return { ...d, emotions };
}

function shapeScores(kb: KnowledgeBase, scores: TierScores) {
  const out: Partial<Record<Tier, Array<{ label: string; score: number; emotion: Emotion }>>> = {};
  for (const tier of TIERS) {
    const s = scores[tier];
    if (s) out[tier] = Object.entries(s).map(([label, score]) => ({ label, score, emotion: emotionAt(kb, tier, label) }));
  }
  return out;
}

function shape(kb: KnowledgeBase, r: TagResult) {
  return {
    id: r.id === null ? null : String(r.id),
    dominant: shapeDominant(kb, r.dominant),
    scores: shapeScores(kb, r.scores),
    matches: r.matches?.map((m) => ({ ...m, kind: m.kind.toUpperCase(), node: kb.resolve(m.emotionId) })) ?? null,
    sentences: r.sentences?.map((s) => ({ start: s.start, end: s.end, dominant: shapeDominant(kb, s.dominant), scores: shapeScores(kb, s.scores) })) ?? null,
  };
}

type Args = Record<string, unknown>;

export const classifyResolvers = {
  Query: {
    classify(_: unknown, args: Args, { kb }: RequestContext) {
      const text = args.text as string;
      const limits = classifyLimits();
      if (text.length > limits.maxText) throw overLimit('text', 'maxText', 'EMOKB_CLASSIFY_MAX_TEXT', limits.maxText, text.length, 'characters');
      const options = toTagOptions(args.options as GraphQLOptions | null);
      return shape(kb, Tagger.for(kb).tag(text, options));
    },
    classifyBatch(_: unknown, args: Args, { kb }: RequestContext) {
      const texts = args.texts as string[];
      const limits = classifyLimits();
      if (texts.length > limits.maxBatch) throw overLimit('texts', 'maxBatch', 'EMOKB_CLASSIFY_MAX_BATCH', limits.maxBatch, texts.length, 'texts');
      let total = 0;
      texts.forEach((t, i) => {
        if (t.length > limits.maxText) throw overLimit(`texts[${i}]`, 'maxText', 'EMOKB_CLASSIFY_MAX_TEXT', limits.maxText, t.length, 'characters');
        total += t.length;
      });
      if (total > limits.maxBatchChars) throw overLimit('texts', 'maxBatchChars', 'EMOKB_CLASSIFY_MAX_BATCH_CHARS', limits.maxBatchChars, total, 'characters in all');
      const options = toTagOptions(args.options as GraphQLOptions | null);
      const tagger = Tagger.for(kb);
      return texts.map((text, i) => {
        options.id = i;
        return shape(kb, tagger.tag(text, options));
      });
    },
  },
};
