// The public surface of the emokb package: what a library user tags with (`tag`, `Tagger`, the
// options and result types) and the knowledge base snapshot and service `Tagger.for` takes.
// Everything else (the compiled lexicon, the tokenizer, the stages of the tagger) is internal and
// may change between releases.
export { KnowledgeBase } from './kb/KnowledgeBase.js';
export { KnowledgeService } from './kb/KnowledgeService.js';
export type { Emotion, Mapping, Tier, Valence } from './kb/Emotion.js';
export { EmokbError, type ErrorCode } from './errors.js';
export { Tagger } from './tagger/Tagger.js';
export { prepareOptions, type ResolvedOptions } from './tagger/options.js';
export { tag, shippedKnowledge } from './tagger/tag.js';
export type {
  DominantPath,
  NegationPolicy,
  SchemeCategory,
  SchemeName,
  SchemeRelation,
  SchemeScores,
  SchemeSentenceResult,
  SchemeTagResult,
  SentenceResult,
  TagMatch,
  TagOptions,
  TagResult,
  TierScores,
} from './tagger/types.js';
