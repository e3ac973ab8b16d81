// GraphQL `classify` and `classifyBatch`: the tagger over the request's snapshot (built once per
// snapshot and cached on it). The tagger's result is served as it is, and the fields below turn its
// parts into GraphQL types only when a query asks for them (maps of label -> score become lists,
// labels and ids become Emotion nodes); match objects are not even built unless `matches` is
// selected, which is most of what a classify that asks only for scores used to cost.
// Limits come from the environment, read per request so a test or an operator can change them:
//   EMOKB_CLASSIFY_MAX_TEXT         characters per text            (default 100000)
//   EMOKB_CLASSIFY_MAX_BATCH        texts per classifyBatch         (default 100)
//   EMOKB_CLASSIFY_MAX_BATCH_CHARS  characters per classifyBatch    (default 1000000)
import { GraphQLError, Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { isEmokbError } from '../errors.js';
import type { Emotion, Tier } from '../kb/Emotion.js';
import { TIERS } from '../kb/Emotion.js';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import { prepareOptions, type ResolvedOptions } from '../tagger/options.js';
import { Tagger } from '../tagger/Tagger.js';
import type { DominantPath, NegationPolicy, TagMatch, TagOptions, TagResult, TierScores } from '../tagger/types.js';
import type { RequestContext } from './resolvers.js';
import { CLASSIFY_SETTINGS } from './config.js';

export interface ClassifyLimits {
  maxText: number;
  maxBatch: number;
  maxBatchChars: number;
}

/** The limits in force: each CLASSIFY_SETTINGS variable (checked by `emokb serve` at start), else its default. */
export function classifyLimits(): ClassifyLimits {
  const out = {} as Record<keyof ClassifyLimits, number>;
  for (const s of CLASSIFY_SETTINGS) {
    const value = Number(process.env[s.env]);
    out[s.key] = Number.isInteger(value) && value > 0 ? value : s.default;
  }
  return out;
}

function overLimit(argument: string, limit: keyof ClassifyLimits, max: number, actual: number, unit: string): GraphQLError {
  const s = CLASSIFY_SETTINGS.find((x) => x.key === limit)!;
  return new GraphQLError(`${argument}: ${actual} ${unit} exceeds the limit ${limit} of ${max} (${s.flag} or ${s.env})`, {
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
  punctuationCues?: boolean | null;
}

function toTagOptions(options: GraphQLOptions | null | undefined, matchesSelected: boolean): ResolvedOptions {
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
  if (o.punctuationCues != null) tagOptions.punctuationCues = o.punctuationCues;
  // Matches nobody asked for are not built (the answer is the same: the field is not in it).
  if (!matchesSelected) tagOptions.matches = false;
  try {
    return prepareOptions(tagOptions);
  } catch (error) {
    if (!isEmokbError(error)) throw error;
    const argument = `options.${String(error.details?.field ?? '')}`;
    throw new GraphQLError(`options.${error.message}`, { extensions: { code: 'BAD_USER_INPUT', argument, http: { status: 200 } } });
  }
}

/** Whether the result type's selection (fragments included, directives ignored) has `field`. */
function selects(info: GraphQLResolveInfo, field: string): boolean {
  const seen = new Set<string>();
  const within = (set: SelectionSetNode | undefined): boolean =>
    !!set?.selections.some((s) => {
      if (s.kind === Kind.FIELD) return s.name.value === field;
      if (s.kind === Kind.INLINE_FRAGMENT) return within(s.selectionSet);
      if (seen.has(s.name.value)) return false;
      seen.add(s.name.value);
      return within(info.fragments[s.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node) => within(node.selectionSet));
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

/** One entry of a tier's scores, resolved to its Emotion only if asked. */
interface ScoreView {
  tier: Tier;
  label: string;
  score: number;
}

function scoresAt(scores: TierScores, tier: Tier): ScoreView[] | null {
  const s = scores[tier];
  return s ? Object.entries(s).map(([label, score]) => ({ tier, label, score })) : null;
}

type Args = Record<string, unknown>;

export const classifyResolvers = {
  Query: {
    classify(_: unknown, args: Args, { kb }: RequestContext, info: GraphQLResolveInfo): TagResult {
      const text = args.text as string;
      const limits = classifyLimits();
      if (text.length > limits.maxText) throw overLimit('text', 'maxText', limits.maxText, text.length, 'characters');
      const options = toTagOptions(args.options as GraphQLOptions | null, selects(info, 'matches'));
      return Tagger.for(kb).tag(text, options);
    },
    classifyBatch(_: unknown, args: Args, { kb }: RequestContext, info: GraphQLResolveInfo): TagResult[] {
      const texts = args.texts as string[];
      const limits = classifyLimits();
      if (texts.length > limits.maxBatch) throw overLimit('texts', 'maxBatch', limits.maxBatch, texts.length, 'texts');
      let total = 0;
      texts.forEach((t, i) => {
        if (t.length > limits.maxText) throw overLimit(`texts[${i}]`, 'maxText', limits.maxText, t.length, 'characters');
        total += t.length;
      });
      if (total > limits.maxBatchChars) throw overLimit('texts', 'maxBatchChars', limits.maxBatchChars, total, 'characters in all');
      const options = toTagOptions(args.options as GraphQLOptions | null, selects(info, 'matches'));
      const tagger = Tagger.for(kb);
      return texts.map((text, i) => {
        options.id = i;
        return tagger.tag(text, options);
      });
    },
  },
  TagResult: {
    id: (r: TagResult) => (r.id === null ? null : String(r.id)),
  },
  DominantPath: {
    emotions: (d: DominantPath, _: Args, { kb }: RequestContext) => {
      const out: Emotion[] = [];
      for (const tier of TIERS) {
        const label = d[tier];
        if (label) out.push(emotionAt(kb, tier, label));
      }
      return out;
    },
  },
  TierScores: {
    primary: (s: TierScores) => scoresAt(s, 'primary'),
    secondary: (s: TierScores) => scoresAt(s, 'secondary'),
    tertiary: (s: TierScores) => scoresAt(s, 'tertiary'),
  },
  EmotionScore: {
    emotion: (s: ScoreView, _: Args, { kb }: RequestContext) => emotionAt(kb, s.tier, s.label),
  },
  TagMatch: {
    kind: (m: TagMatch) => m.kind.toUpperCase(),
    node: (m: TagMatch, _: Args, { kb }: RequestContext) => kb.resolve(m.emotionId),
  },
};
