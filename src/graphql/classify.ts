// GraphQL `classify` and `classifyBatch`: the tagger over the request's snapshot (built once per
// snapshot and cached on it). The tagger's result is served as it is, and the fields below turn its
// parts into GraphQL types only when a query asks for them (maps of label -> score become lists,
// labels and ids become Emotion nodes); match objects are not even built unless `matches` is
// selected, which is most of what a classify that asks only for scores used to cost.
// The input limits (characters per text, texts and characters per batch) are checked before
// execution by plugins/useClassifyLimits.ts; what `maxFields` counts for a classify answer, by
// plugins/useResultSizeLimit.ts.
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { EmokbError, isEmokbError } from '../errors.js';
import type { Emotion, Tier } from '../kb/Emotion.js';
import { TIERS } from '../kb/Emotion.js';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import { prepareOptions, type ResolvedOptions } from '../tagger/options.js';
import { Tagger } from '../tagger/Tagger.js';
import type {
  DominantPath,
  NegationPolicy,
  QuestionCue,
  SchemeName,
  SchemeTagResult,
  TagMatch,
  TagOptions,
  TagResult,
  TierScores,
} from '../tagger/types.js';
import type { RequestContext } from './resolvers.js';
import { toGraphQLError } from './errors.js';

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
  questionCue?: string | null;
  defaultNarrower?: boolean | null;
  collocations?: boolean | null;
  appraisal?: boolean | null;
  evaluativeFrame?: boolean | null;
  undergoer?: boolean | null;
  valence?: boolean | null;
  evaluativeInfinitive?: boolean | null;
  topicExperiencer?: boolean | null;
  apology?: boolean | null;
  valenceFrames?: boolean | null;
  stretchedSpellings?: boolean | null;
  interjectionScope?: boolean | null;
  emoji?: boolean | null;
  tagQuestion?: boolean | null;
  physicalSense?: boolean | null;
  expressiveIntensifier?: boolean | null;
  courtesyTitle?: boolean | null;
  afraidHedge?: boolean | null;
  quotedMention?: boolean | null;
  wellWish?: boolean | null;
  askedFeeling?: boolean | null;
  conduciveQuestion?: boolean | null;
  partOfSpeech?: boolean | null;
  names?: boolean | null;
  scheme?: string | null;
}

/** A result with, when `options.scheme` was given, its scores in that scheme. */
type ClassifyResult = TagResult & { inScheme?: SchemeTagResult | null };

/** The Parrott options and, with `scheme`, the same options in that scheme (matches left out). */
function schemeOptions(options: GraphQLOptions | null | undefined): ResolvedOptions | null {
  if (options?.scheme == null) return null;
  return toTagOptions({ ...options, tiers: null }, false);
}

/** Tags `text` in Parrott's tiers, and in the scheme when one was asked for. */
function classifyOne(tagger: Tagger, text: string, options: ResolvedOptions, inScheme: ResolvedOptions | null): ClassifyResult {
  const result: ClassifyResult = tagger.tag(text, options);
  if (inScheme) result.inScheme = tagger.tag(text, inScheme) as unknown as SchemeTagResult;
  return result;
}

/**
 * `classify` without options (the common request): its two possible resolved options, made once.
 * Resolving per request built the options object and entered it in prepareOptions' WeakSet, an
 * ephemeron for the garbage collector, per request. Shared, so only `classify` takes them:
 * `classifyBatch` sets `id` on its own.
 */
let defaults: { withMatches: ResolvedOptions; withoutMatches: ResolvedOptions } | undefined;

function sharedDefaults(matchesSelected: boolean): ResolvedOptions {
  defaults ??= { withMatches: prepareOptions({}), withoutMatches: prepareOptions({ matches: false }) };
  return matchesSelected ? defaults.withMatches : defaults.withoutMatches;
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
  if (o.questionCue != null) tagOptions.questionCue = o.questionCue.toLowerCase() as QuestionCue;
  if (o.defaultNarrower != null) tagOptions.defaultNarrower = o.defaultNarrower;
  if (o.collocations != null) tagOptions.collocations = o.collocations;
  if (o.appraisal != null) tagOptions.appraisal = o.appraisal;
  if (o.evaluativeFrame != null) tagOptions.evaluativeFrame = o.evaluativeFrame;
  if (o.undergoer != null) tagOptions.undergoer = o.undergoer;
  if (o.valence != null) tagOptions.valence = o.valence;
  if (o.evaluativeInfinitive != null) tagOptions.evaluativeInfinitive = o.evaluativeInfinitive;
  if (o.topicExperiencer != null) tagOptions.topicExperiencer = o.topicExperiencer;
  if (o.apology != null) tagOptions.apology = o.apology;
  if (o.valenceFrames != null) tagOptions.valenceFrames = o.valenceFrames;
  if (o.stretchedSpellings != null) tagOptions.stretchedSpellings = o.stretchedSpellings;
  if (o.interjectionScope != null) tagOptions.interjectionScope = o.interjectionScope;
  if (o.emoji != null) tagOptions.emoji = o.emoji;
  if (o.tagQuestion != null) tagOptions.tagQuestion = o.tagQuestion;
  if (o.physicalSense != null) tagOptions.physicalSense = o.physicalSense;
  if (o.expressiveIntensifier != null) tagOptions.expressiveIntensifier = o.expressiveIntensifier;
  if (o.courtesyTitle != null) tagOptions.courtesyTitle = o.courtesyTitle;
  if (o.afraidHedge != null) tagOptions.afraidHedge = o.afraidHedge;
  if (o.quotedMention != null) tagOptions.quotedMention = o.quotedMention;
  if (o.wellWish != null) tagOptions.wellWish = o.wellWish;
  if (o.askedFeeling != null) tagOptions.askedFeeling = o.askedFeeling;
  if (o.conduciveQuestion != null) tagOptions.conduciveQuestion = o.conduciveQuestion;
  if (o.partOfSpeech != null) tagOptions.partOfSpeech = o.partOfSpeech;
  if (o.names != null) tagOptions.names = o.names;
  if (o.scheme != null) tagOptions.scheme = o.scheme.toLowerCase().replace(/_/g, '-') as SchemeName;
  // Matches nobody asked for are not built (the answer is the same: the field is not in it).
  if (!matchesSelected) tagOptions.matches = false;
  try {
    return prepareOptions(tagOptions);
  } catch (error) {
    if (!isEmokbError(error)) throw error;
    // The tagger names its option (`minScore`); here it is an input field of `options`.
    throw toGraphQLError(
      error.reason === undefined ? new EmokbError(error.code, `options.${error.message}`, error.details) : error,
      'options',
    );
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
      const given = args.options as GraphQLOptions | null | undefined;
      const matches = selects(info, 'matches');
      if (given == null) return Tagger.for(kb).tag(text, sharedDefaults(matches));
      const options = toTagOptions(given, matches);
      const inScheme = schemeOptions(given);
      options.scheme = null; // the Parrott result; the scheme's comes from `inScheme`
      return classifyOne(Tagger.for(kb), text, options, inScheme);
    },
    classifyBatch(_: unknown, args: Args, { kb }: RequestContext, info: GraphQLResolveInfo): TagResult[] {
      const texts = args.texts as string[];
      const options = toTagOptions(args.options as GraphQLOptions | null, selects(info, 'matches'));
      const tagger = Tagger.for(kb);
      const inScheme = schemeOptions(args.options as GraphQLOptions | null);
      options.scheme = null;
      return texts.map((text, i) => {
        options.id = i;
        if (inScheme) inScheme.id = i;
        return classifyOne(tagger, text, options, inScheme);
      });
    },
  },
  TagResult: {
    id: (r: TagResult) => (r.id === null ? null : String(r.id)),
    inScheme: (r: ClassifyResult) => r.inScheme ?? null,
  },
  SchemeScores: {
    scores: (r: SchemeTagResult) => r.categories,
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
    rules: (m: TagMatch) => m.rules ?? [],
    node: (m: TagMatch, _: Args, { kb }: RequestContext) => kb.resolve(m.emotionId),
  },
};
