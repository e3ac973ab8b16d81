// The API's limits and HTTP settings: defaults, environment variables and `emokb serve` flags in one
// table, so the README, the CLI help and the code cannot disagree.

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
  /** Estimated fields a query resolves (lists multiply by `first` or a typical size). */
  maxFields: number;
  /** Request body bytes (HTTP 413 before parsing). Must exceed EMOKB_CLASSIFY_MAX_BATCH_CHARS for classifyBatch. */
  maxBodyBytes: number;
}

export interface LimitSetting {
  key: keyof ApiLimits;
  flag: string;
  env: string;
  default: number;
  what: string;
}

export const LIMIT_SETTINGS: readonly LimitSetting[] = [
  { key: 'maxDepth', flag: '--max-depth', env: 'EMOKB_MAX_DEPTH', default: 12, what: 'deepest field nesting of a query' },
  { key: 'maxCost', flag: '--max-cost', env: 'EMOKB_MAX_COST', default: 50000, what: 'graphql-armor query cost (objects 2, scalars 1, x1.5 per level, x`first`)' },
  { key: 'maxFields', flag: '--max-fields', env: 'EMOKB_MAX_FIELDS', default: 100000, what: 'estimated fields a query resolves (each list multiplies by `first` or a typical size)' },
  { key: 'maxAliases', flag: '--max-aliases', env: 'EMOKB_MAX_ALIASES', default: 30, what: 'aliased fields per query' },
  { key: 'maxTokens', flag: '--max-tokens', env: 'EMOKB_MAX_TOKENS', default: 2000, what: 'tokens in the query document' },
  { key: 'maxDirectives', flag: '--max-directives', env: 'EMOKB_MAX_DIRECTIVES', default: 20, what: 'directives per query' },
  { key: 'maxBodyBytes', flag: '--max-body', env: 'EMOKB_MAX_BODY_BYTES', default: 2 * 1024 * 1024, what: 'request body bytes (HTTP 413)' },
];

/**
 * classify's limits, in the same shape. The resolvers read their variables per request; `emokb
 * serve` checks them at start and sets them from its flags.
 */
export const CLASSIFY_SETTINGS = [
  { key: 'maxText', flag: '--max-text', env: 'EMOKB_CLASSIFY_MAX_TEXT', default: 100_000, what: 'characters per classify text' },
  { key: 'maxBatch', flag: '--max-batch', env: 'EMOKB_CLASSIFY_MAX_BATCH', default: 100, what: 'texts per classifyBatch' },
  { key: 'maxBatchChars', flag: '--max-batch-chars', env: 'EMOKB_CLASSIFY_MAX_BATCH_CHARS', default: 1_000_000, what: 'characters per classifyBatch' },
] as const;

export const DEFAULT_LIMITS: Readonly<ApiLimits> = Object.freeze(
  Object.fromEntries(LIMIT_SETTINGS.map((s) => [s.key, s.default])) as unknown as ApiLimits,
);

export function settingOf(key: keyof ApiLimits): LimitSetting {
  return LIMIT_SETTINGS.find((s) => s.key === key)!;
}

/** A positive integer, or undefined when `value` is not one. */
export function positiveInteger(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * The limits from the environment over the defaults; `overrides` (flags) win over both. An
 * environment value that is not a positive integer is an error naming the variable, not a silent default.
 */
export function resolveLimits(overrides: Partial<ApiLimits> = {}, env: NodeJS.ProcessEnv = process.env): ApiLimits {
  const out = { ...DEFAULT_LIMITS };
  for (const s of LIMIT_SETTINGS) {
    const raw = env[s.env];
    if (raw !== undefined && raw !== '') {
      const n = positiveInteger(raw);
      if (n === undefined) throw new Error(`${s.env}: "${raw}" is not a positive integer`);
      out[s.key] = n;
    }
    const flag = overrides[s.key];
    if (flag !== undefined) out[s.key] = flag;
  }
  return out;
}

/**
 * CORS: off by default (no CORS headers, so browsers allow only same-origin pages such as the
 * bundled GraphiQL). `EMOKB_CORS_ORIGIN` / `--cors-origin`: `*` for any origin, or a
 * comma-separated list of origins.
 */
export function parseCorsOrigin(value: string | undefined): string[] | undefined {
  if (!value || !value.trim()) return undefined;
  return value.split(',').map((o) => o.trim()).filter(Boolean);
}

/** Seconds a SIGTERM waits for in-flight requests before closing their connections. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;
