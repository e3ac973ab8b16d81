// The tagger's options, validated once into one resolved value: every default filled in, the tiers
// also as indexes and a bit mask (the per-text work settles them once). A caller that tags many
// texts with one set (the CLI, batch resolvers) prepares it once and `tag` skips the validation.
import { fieldError } from '../errors.js';
import { TIERS, type Tier } from '../kb/Emotion.js';
import { SCHEME_NAMES, type SchemeName } from '../lexicon/crosswalks.js';
import type { NegationPolicy, QuestionCue, TagOptions } from './types.js';

/** Options with every default filled in. */
export interface ResolvedOptions {
  id: string | number | null;
  tiers: readonly Tier[];
  /** `tiers` as indexes into TIERS and as a bit mask (per text work the options settle once). */
  tierIndexes: readonly number[];
  tierMask: number;
  minScore: number;
  perSentence: boolean;
  negation: NegationPolicy;
  intensity: boolean;
  emphasis: boolean;
  matches: boolean;
  evokesFactor: number;
  punctuationCues: boolean;
  questionCue: QuestionCue;
  defaultNarrower: boolean;
  collocations: boolean;
  appraisal: boolean;
  evaluativeFrame: boolean;
  undergoer: boolean;
  valence: boolean;
  evaluativeInfinitive: boolean;
  topicExperiencer: boolean;
  apology: boolean;
  valenceFrames: boolean;
  stretchedSpellings: boolean;
  interjectionScope: boolean;
  emoji: boolean;
  tagQuestion: boolean;
  physicalSense: boolean;
  expressiveIntensifier: boolean;
  courtesyTitle: boolean;
  afraidHedge: boolean;
  quotedMention: boolean;
  wellWish: boolean;
  askedFeeling: boolean;
  conduciveQuestion: boolean;
  partOfSpeech: boolean;
  names: boolean;
  /** null: Parrott's tiers. */
  scheme: SchemeName | null;
}

const NEGATION_POLICIES: readonly NegationPolicy[] = ['exclude', 'opposite', 'off'];
const QUESTION_CUES: readonly QuestionCue[] = ['incredulity', 'any'];

/** Validates options (each error names the option) and fills in the defaults. */
export function resolveOptions(options: TagOptions = {}): ResolvedOptions {
  const tiers = options.tiers ?? TIERS;
  if (!Array.isArray(tiers) || tiers.some((t) => !TIERS.includes(t))) {
    throw fieldError('BAD_INPUT', 'tiers', `give some of ${TIERS.join(', ')}`);
  }
  const minScore = options.minScore ?? 0;
  if (typeof minScore !== 'number' || !(minScore >= 0 && minScore <= 1)) {
    throw fieldError('BAD_INPUT', 'minScore', `${String(minScore)} is not a number from 0 to 1`);
  }
  const negation = options.negation ?? 'exclude';
  if (!NEGATION_POLICIES.includes(negation)) {
    throw fieldError('BAD_INPUT', 'negation', `"${String(negation)}" is not one of ${NEGATION_POLICIES.join(', ')}`);
  }
  const evokesFactor = options.evokesFactor ?? 0.5;
  if (typeof evokesFactor !== 'number' || !(evokesFactor >= 0 && evokesFactor <= 1)) {
    throw fieldError('BAD_INPUT', 'evokesFactor', `${String(evokesFactor)} is not a number from 0 to 1`);
  }
  const questionCue = options.questionCue ?? 'incredulity';
  if (!QUESTION_CUES.includes(questionCue)) {
    throw fieldError('BAD_INPUT', 'questionCue', `"${String(questionCue)}" is not one of ${QUESTION_CUES.join(', ')}`);
  }
  const scheme = options.scheme ?? null;
  if (scheme !== null && !SCHEME_NAMES.includes(scheme)) {
    throw fieldError('BAD_INPUT', 'scheme', `"${String(scheme)}" is not one of ${SCHEME_NAMES.join(', ')}`);
  }
  const id = options.id ?? null;
  if (id !== null && typeof id !== 'string' && typeof id !== 'number') throw fieldError('BAD_INPUT', 'id', 'give a string or a number');
  return {
    id,
    tiers: TIERS.filter((t) => tiers.includes(t)),
    tierIndexes: TIERS.flatMap((t, i) => (tiers.includes(t) ? [i] : [])),
    tierMask: tierMask(tiers),
    minScore,
    perSentence: options.perSentence ?? false,
    negation,
    intensity: options.intensity ?? true,
    emphasis: options.emphasis ?? true,
    matches: options.matches ?? true,
    evokesFactor,
    punctuationCues: options.punctuationCues ?? true,
    questionCue,
    defaultNarrower: options.defaultNarrower ?? true,
    collocations: options.collocations ?? true,
    appraisal: options.appraisal ?? true,
    evaluativeFrame: options.evaluativeFrame ?? true,
    undergoer: options.undergoer ?? true,
    valence: options.valence ?? true,
    evaluativeInfinitive: options.evaluativeInfinitive ?? true,
    topicExperiencer: options.topicExperiencer ?? false,
    apology: options.apology ?? true,
    valenceFrames: options.valenceFrames ?? true,
    stretchedSpellings: options.stretchedSpellings ?? true,
    interjectionScope: options.interjectionScope ?? true,
    emoji: options.emoji ?? true,
    tagQuestion: options.tagQuestion ?? true,
    physicalSense: options.physicalSense ?? true,
    expressiveIntensifier: options.expressiveIntensifier ?? true,
    courtesyTitle: options.courtesyTitle ?? true,
    afraidHedge: options.afraidHedge ?? true,
    quotedMention: options.quotedMention ?? true,
    wellWish: options.wellWish ?? true,
    askedFeeling: options.askedFeeling ?? true,
    conduciveQuestion: options.conduciveQuestion ?? true,
    partOfSpeech: options.partOfSpeech ?? true,
    names: options.names ?? true,
    scheme,
  };
}

function tierMask(tiers: readonly Tier[]): number {
  let mask = 0;
  for (const t of tiers) mask |= 1 << TIERS.indexOf(t);
  return mask;
}

const RESOLVED = new WeakSet<object>();

/** Whether `o` came from prepareOptions (and so needs no validation). */
export function isResolved(o: TagOptions | ResolvedOptions): o is ResolvedOptions {
  return RESOLVED.has(o as object);
}

/** Resolves once for many calls (the CLI and batch resolvers): the result skips validation in `tag`. */
export function prepareOptions(options: TagOptions = {}): ResolvedOptions {
  const resolved = resolveOptions(options);
  RESOLVED.add(resolved);
  return resolved;
}
