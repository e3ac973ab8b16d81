// The public surface of the emokb package: the knowledge base snapshot and service, and the tagger.
// Everything else is internal and may change between releases.
export { KnowledgeBase } from './kb/KnowledgeBase.js';
export { KnowledgeService } from './kb/KnowledgeService.js';
export type { Emotion, Mapping, Tier, Valence } from './kb/Emotion.js';
export { EmokbError, type ErrorCode } from './errors.js';
export { LexiconIndex, type LexiconData } from './lexicon/LexiconIndex.js';
export { Tagger, prepareOptions, resolveOptions } from './tagger/Tagger.js';
export { tag, shippedKnowledge } from './tagger/tag.js';
export { tokenize, type Token, type Sentence } from './text/tokenize.js';
export type { DominantPath, NegationPolicy, SentenceResult, TagMatch, TagOptions, TagResult, TierScores } from './tagger/types.js';
