// The API's limits: a view of the settings table (src/settings.ts) that the plugins and resolvers
// take as one frozen object, given by `emokb serve` or by a library user to createEmokbYoga.
import { SETTINGS } from '../settings.js';

export interface ApiLimits {
  /** Deepest field nesting of an operation (fragments counted where spread). */
  maxDepth: number;
  /** graphql-armor cost: objects 2, scalars 1, times 1.5 per level of depth. */
  maxCost: number;
  /** Aliased fields per operation. */
  maxAliases: number;
  /** Lexical tokens of the query document (checked while parsing: a huge query is never parsed whole). */
  maxTokens: number;
  /** Directives per operation. */
  maxDirectives: number;
  /** Estimated fields a query resolves (lists multiply by `first` or a typical size; classify matches by the words of the text). */
  maxFields: number;
  /** Request body bytes (HTTP 413 before parsing). Must exceed maxBatchChars for classifyBatch. */
  maxBodyBytes: number;
  /** Characters per classify text. */
  maxText: number;
  /** Texts per classifyBatch. */
  maxBatch: number;
  /** Characters per classifyBatch, all texts together. */
  maxBatchChars: number;
}

export type LimitKey = keyof ApiLimits;

export const LIMIT_KEYS: readonly LimitKey[] = [
  'maxDepth',
  'maxCost',
  'maxFields',
  'maxAliases',
  'maxTokens',
  'maxDirectives',
  'maxBodyBytes',
  'maxText',
  'maxBatch',
  'maxBatchChars',
];

export const DEFAULT_LIMITS: Readonly<ApiLimits> = Object.freeze(
  Object.fromEntries(LIMIT_KEYS.map((k) => [k, SETTINGS[k].default])) as unknown as ApiLimits,
);

/** How an error names where a limit is set: `--max-depth or EMOKB_MAX_DEPTH`. */
export function whereSet(limit: LimitKey): string {
  const s = SETTINGS[limit];
  return `${s.flag} or ${s.env}`;
}
