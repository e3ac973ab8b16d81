// Every setting of every command in one table: its key, flag, environment variable, default,
// parser (with bounds) and description. Commander options are built from it (`optionsFor`), the
// README's Configuration table is checked against it (test/settings.test.ts), and `resolve` is the
// one rule for reading a value: the flag, else the environment variable, else the default. A value
// given by either, the empty string included, is parsed, and a bad one is BAD_INPUT naming where it
// came from (`--port: "http" is ...`, `EMOKB_DATA: "" is ...`); never replaced by the default.
// Resolved once, at start, into a frozen object: nothing reads `process.env` on a request.
import { fieldError } from './errors.js';
import {
  Refused,
  epoch,
  graphPrefix,
  httpUrl,
  nonEmpty,
  number,
  oneOf,
  origins,
  queueUrl,
  storeLocation,
  type QueueAddress,
  type StoreLocation,
} from './settingParsers.js';

export interface Setting<T> {
  /** `every command`, `every edit`, or the command that reads it. */
  scope: string;
  /** `--port`; none for settings given only by environment. */
  flag?: string;
  /** Short alias (`-p`). */
  short?: string;
  /** Placeholder of the flag's value (`n`, `dir`). */
  placeholder?: string;
  env?: string;
  default: T;
  /** How the README shows the default, where it is not the value itself. */
  defaultText?: string;
  /** Parses a given text; throws Refused with what it should have been. */
  parse: (text: string) => T;
  description: string;
}

const setting = <T>(s: Setting<T>): Setting<T> => s;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const positive = number({ min: 1 });

/** The table. Order is the README's order. */
export const SETTINGS = {
  data: setting<string>({
    scope: 'every command',
    flag: '--data',
    placeholder: 'dir',
    env: 'EMOKB_DATA',
    default: './data',
    parse: nonEmpty('a directory'),
    description: 'data directory of the embedded store',
  }),
  store: setting<StoreLocation | undefined>({
    scope: 'every command',
    flag: '--store',
    placeholder: 'url',
    env: 'EMOKB_STORE',
    default: undefined,
    defaultText: '`level:` and the data directory',
    parse: storeLocation,
    description:
      '`level:DIR` (the embedded store, the same as `--data DIR`) or `sparql:http://HOST:PORT/sparql` (a SPARQL 1.1 server shared by several processes: see Scaling out)',
  }),
  storeUpdateUrl: setting<string | undefined>({
    scope: 'every command',
    env: 'EMOKB_SPARQL_UPDATE',
    default: undefined,
    defaultText: 'the `sparql:` URL',
    parse: httpUrl,
    description: "the SPARQL store's update endpoint (Virtuoso: `http://HOST:PORT/sparql-auth`)",
  }),
  storeGraphStoreUrl: setting<string | undefined>({
    scope: 'every command',
    env: 'EMOKB_SPARQL_GRAPH_STORE',
    default: undefined,
    defaultText: 'none (INSERT DATA requests)',
    parse: httpUrl,
    description:
      "the SPARQL store's Graph Store Protocol endpoint, for uploading large changes (Virtuoso: `http://HOST:PORT/sparql-graph-crud-auth`)",
  }),
  storeUser: setting<string | undefined>({
    scope: 'every command',
    env: 'EMOKB_SPARQL_USER',
    default: undefined,
    defaultText: 'none',
    parse: nonEmpty('a user name'),
    description: 'user for the SPARQL store (HTTP Digest or Basic, as the server asks)',
  }),
  storePasswordFile: setting<string | undefined>({
    scope: 'every command',
    env: 'EMOKB_SPARQL_PASSWORD_FILE',
    default: undefined,
    defaultText: 'none',
    parse: nonEmpty('a file'),
    description: "a file holding the SPARQL store user's password (its first line)",
  }),
  storePassword: setting<string | undefined>({
    scope: 'every command',
    env: 'EMOKB_SPARQL_PASSWORD',
    default: undefined,
    defaultText: 'none',
    parse: (text) => text,
    description: 'the password itself, where a file cannot be used; never printed',
  }),
  storeGraphs: setting<string>({
    scope: 'every command',
    env: 'EMOKB_SPARQL_GRAPHS',
    default: 'urn:emokb:',
    parse: graphPrefix,
    description:
      "prefix of the SPARQL store's graph IRIs (`<prefix>graph:data`, `graph:log`, `graph:meta`): several knowledge bases in one database",
  }),
  storeTimeoutMs: setting<number>({
    scope: 'every command',
    env: 'EMOKB_STORE_TIMEOUT_MS',
    default: 120_000,
    parse: number({ min: 100, max: 3_600_000 }),
    description: 'milliseconds one request to the SPARQL store may take',
  }),
  conflictRetries: setting<number>({
    scope: 'every edit',
    env: 'EMOKB_CONFLICT_RETRIES',
    default: 5,
    parse: number({ min: 0, max: 100 }),
    description:
      'on a SPARQL store, how many times an edit another process overtook is validated again against the newer version and retried before `CONFLICT`',
  }),
  author: setting<string | undefined>({
    scope: 'every edit',
    flag: '--author',
    placeholder: 'name',
    env: 'EMOKB_AUTHOR',
    default: undefined,
    defaultText: 'git `user.name`, else the login',
    parse: nonEmpty('a name'),
    description: 'who a change is recorded as',
  }),
  lockWait: setting<number>({
    scope: 'every edit',
    env: 'EMOKB_LOCK_WAIT',
    default: 15,
    parse: number({ min: 0, fraction: true }),
    description: 'seconds an edit waits for another `emokb` process to release the store',
  }),
  serverTimeoutMs: setting<number>({
    scope: 'every edit',
    env: 'EMOKB_SERVER_TIMEOUT_MS',
    default: 120_000,
    parse: positive,
    description: 'milliseconds an edit sent to a running `emokb serve` waits for its answer',
  }),
  cache: setting<string | undefined>({
    scope: 'expand, link',
    env: 'EMOKB_CACHE',
    default: undefined,
    defaultText: '`~/.cache/emokb`',
    parse: nonEmpty('a directory'),
    description: 'compiled WordNet index and word vectors (vocabulary pipeline, linkers)',
  }),
  logLevel: setting<(typeof LOG_LEVELS)[number]>({
    scope: 'every command',
    env: 'EMOKB_LOG_LEVEL',
    default: 'info',
    parse: oneOf(LOG_LEVELS),
    description: 'pino level (JSON on standard error)',
  }),
  sourceDateEpoch: setting<string | undefined>({
    scope: 'expand, review, link',
    env: 'SOURCE_DATE_EPOCH',
    default: undefined,
    defaultText: 'now',
    parse: epoch,
    description: 'the time written into provenance by the pipelines and reviews (`--time` wins), so that a rebuild is byte-identical',
  }),
  backupEvery: setting<number>({
    scope: 'every edit',
    env: 'EMOKB_BACKUP_EVERY',
    default: 50,
    parse: number({ min: 0 }),
    description:
      'an automatic backup in `<data>/backups/` after every N-th change; `0` turns the periodic backups off (those before destructive operations are always written)',
  }),
  backupKeep: setting<number>({
    scope: 'every edit',
    env: 'EMOKB_BACKUP_KEEP',
    default: 10,
    parse: positive,
    description: 'how many automatic backups `<data>/backups/` keeps, oldest deleted first',
  }),
  tagYoungMb: setting<number>({
    scope: 'tag',
    env: 'EMOKB_TAG_YOUNG_MB',
    default: 8,
    parse: number({ min: 1, max: 1024 }),
    description: 'young-generation heap (MB) of each `emokb tag` worker',
  }),
  queue: setting<QueueAddress | undefined>({
    scope: 'tag submit, worker, status, collect',
    flag: '--queue',
    placeholder: 'url',
    env: 'EMOKB_QUEUE',
    default: undefined,
    defaultText: 'none (required by those commands)',
    parse: queueUrl,
    description: 'the Redis server of the job queue, `redis://HOST:PORT` (BullMQ)',
  }),
  queueMaxBytes: setting<number>({
    scope: 'tag submit',
    env: 'EMOKB_QUEUE_MAX_BYTES',
    default: 256 * 1024 * 1024,
    parse: number({ min: 1 << 20 }),
    description:
      'bytes of a job held in Redis (text not yet tagged plus results not yet collected); over it `submit` waits, so Redis memory stays bounded',
  }),
  queueAttempts: setting<number>({
    scope: 'tag submit',
    env: 'EMOKB_QUEUE_ATTEMPTS',
    default: 3,
    parse: number({ min: 1, max: 100 }),
    description: 'tries of a chunk before it is reported failed (the rest of the job goes on)',
  }),
  queueStallMs: setting<number>({
    scope: 'tag worker',
    env: 'EMOKB_QUEUE_STALL_MS',
    default: 30_000,
    parse: number({ min: 500, max: 3_600_000 }),
    description:
      'milliseconds after which a chunk whose worker stopped answering (killed, cut off) is given to another worker; a live worker renews its claim twice in that time',
  }),
  port: setting<number>({
    scope: 'serve',
    flag: '--port',
    short: '-p',
    placeholder: 'n',
    env: 'PORT',
    default: 4000,
    parse: number({ min: 0, max: 65535 }),
    description: 'port (0 = any free port)',
  }),
  host: setting<string>({
    scope: 'serve',
    flag: '--host',
    placeholder: 'address',
    env: 'HOST',
    default: '127.0.0.1',
    parse: nonEmpty('an address'),
    description: 'address to bind',
  }),
  maxDepth: setting<number>({
    scope: 'serve',
    flag: '--max-depth',
    placeholder: 'n',
    env: 'EMOKB_MAX_DEPTH',
    default: 12,
    parse: positive,
    description: 'deepest field nesting of a query',
  }),
  maxCost: setting<number>({
    scope: 'serve',
    flag: '--max-cost',
    placeholder: 'n',
    env: 'EMOKB_MAX_COST',
    default: 50_000,
    parse: positive,
    description: 'graphql-armor cost (objects 2, scalars 1, ×1.5 per level, ×`first`)',
  }),
  maxFields: setting<number>({
    scope: 'serve',
    flag: '--max-fields',
    placeholder: 'n',
    env: 'EMOKB_MAX_FIELDS',
    default: 100_000,
    parse: positive,
    description:
      'estimated fields a query resolves (lists multiply by `first` or a typical size; `classify` matches by the words of the text)',
  }),
  maxAliases: setting<number>({
    scope: 'serve',
    flag: '--max-aliases',
    placeholder: 'n',
    env: 'EMOKB_MAX_ALIASES',
    default: 30,
    parse: positive,
    description: 'aliases per query',
  }),
  maxTokens: setting<number>({
    scope: 'serve',
    flag: '--max-tokens',
    placeholder: 'n',
    env: 'EMOKB_MAX_TOKENS',
    default: 2000,
    parse: positive,
    description: 'tokens in the query document (checked while parsing)',
  }),
  maxDirectives: setting<number>({
    scope: 'serve',
    flag: '--max-directives',
    placeholder: 'n',
    env: 'EMOKB_MAX_DIRECTIVES',
    default: 20,
    parse: positive,
    description: 'directives per query',
  }),
  maxBodyBytes: setting<number>({
    scope: 'serve',
    flag: '--max-body',
    placeholder: 'n',
    env: 'EMOKB_MAX_BODY_BYTES',
    default: 2 * 1024 * 1024,
    parse: positive,
    description: 'request body bytes; over it, HTTP 413 before parsing',
  }),
  maxText: setting<number>({
    scope: 'serve',
    flag: '--max-text',
    placeholder: 'n',
    env: 'EMOKB_CLASSIFY_MAX_TEXT',
    default: 100_000,
    parse: positive,
    description: 'characters per `classify` text',
  }),
  maxBatch: setting<number>({
    scope: 'serve',
    flag: '--max-batch',
    placeholder: 'n',
    env: 'EMOKB_CLASSIFY_MAX_BATCH',
    default: 100,
    parse: positive,
    description: 'texts per `classifyBatch`',
  }),
  maxBatchChars: setting<number>({
    scope: 'serve',
    flag: '--max-batch-chars',
    placeholder: 'n',
    env: 'EMOKB_CLASSIFY_MAX_BATCH_CHARS',
    default: 1_000_000,
    parse: positive,
    description: 'characters per `classifyBatch`',
  }),
  corsOrigins: setting<string[] | undefined>({
    scope: 'serve',
    flag: '--cors-origin',
    placeholder: 'origins',
    env: 'EMOKB_CORS_ORIGIN',
    default: undefined,
    defaultText: 'none',
    parse: origins,
    description: '`*` or comma-separated origins; none = no CORS headers (same origin, e.g. the bundled GraphiQL)',
  }),
  accessLog: setting<'info' | 'debug' | 'off'>({
    scope: 'serve',
    flag: '--access-log',
    placeholder: 'level',
    env: 'EMOKB_ACCESS_LOG',
    default: 'info',
    parse: oneOf(['info', 'debug', 'off'] as const),
    description: 'per-request log line: `info`, `debug`, `off`',
  }),
  compileAfter: setting<number>({
    scope: 'serve',
    flag: '--compile-after',
    placeholder: 'n',
    env: 'EMOKB_COMPILE_AFTER',
    default: 2,
    parse: number({ min: 0 }),
    description: 'a query runs compiled (graphql-jit) from its n-th execution; `0` never',
  }),
  nodeEnv: setting<string>({
    scope: 'serve',
    env: 'NODE_ENV',
    default: 'production',
    defaultText: '`production` (set by `serve`)',
    parse: nonEmpty('an environment name'),
    description: 'graphql-js outside `production` looks for duplicate copies of itself at every type check, about doubling execution time',
  }),
  sparqlTimeoutMs: setting<number>({
    scope: 'serve',
    flag: '--sparql-timeout',
    placeholder: 'ms',
    env: 'EMOKB_SPARQL_TIMEOUT_MS',
    default: 10_000,
    parse: positive,
    description: 'milliseconds one SPARQL query may run (also `emokb sparql`); over it the query is stopped and LIMIT_EXCEEDED answered',
  }),
  sparqlMaxResultBytes: setting<number>({
    scope: 'serve',
    flag: '--sparql-max-result',
    placeholder: 'bytes',
    env: 'EMOKB_SPARQL_MAX_RESULT_BYTES',
    default: 16 * 1024 * 1024,
    parse: positive,
    description:
      'bytes of one serialized SPARQL result (also `emokb sparql`); a larger one is refused with LIMIT_EXCEEDED (the whole graph: `/download/emokb.nt` or `emokb export`)',
  }),
  pollMs: setting<number>({
    scope: 'serve',
    flag: '--poll',
    placeholder: 'ms',
    env: 'EMOKB_POLL_MS',
    default: 250,
    parse: number({ min: 20, max: 60_000 }),
    description: "on a SPARQL store, how often a replica asks the store's version (one small query) to pick up others' changes",
  }),
  editTokenFile: setting<string | undefined>({
    scope: 'serve',
    env: 'EMOKB_EDIT_TOKEN_FILE',
    default: undefined,
    defaultText: 'a new token in `<data>/server.json`',
    parse: nonEmpty('a file'),
    description:
      'a file holding the bearer token GraphQL mutations need (its first line); on a SPARQL store, where there is no server.json, every replica reads the same file, and without it mutations are refused',
  }),
  shutdownTimeoutMs: setting<number>({
    scope: 'serve',
    flag: '--shutdown-timeout',
    placeholder: 'ms',
    env: 'EMOKB_SHUTDOWN_TIMEOUT_MS',
    default: 10_000,
    parse: positive,
    description: 'how long SIGTERM waits for in-flight requests',
  }),
};

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = (typeof SETTINGS)[K] extends Setting<infer T> ? T : never;
export type Environment = Readonly<Record<string, string | undefined>>;

/** Where a value came from: the flag as typed, the variable, or `default`. */
export interface Resolved<T> {
  value: T;
  source: string;
}

/**
 * The one rule: the flag if given, else the variable if set (an empty one included), else the
 * default. A given value that does not parse is BAD_INPUT with `field` = where it came from.
 */
export function resolve<K extends SettingKey>(
  key: K,
  flagValue: string | undefined,
  env: Environment = process.env,
): Resolved<SettingValue<K>> {
  const s = SETTINGS[key] as unknown as Setting<SettingValue<K>>;
  const given: Array<[string, string | undefined]> = [
    [s.flag ?? '', flagValue],
    [s.env ?? '', s.env ? env[s.env] : undefined],
  ];
  for (const [source, text] of given) {
    if (text === undefined || !source) continue;
    try {
      return { value: s.parse(text), source };
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      throw fieldError('BAD_INPUT', source, `${JSON.stringify(text)} ${error.message}`, { setting: key, value: text });
    }
  }
  return { value: s.default, source: 'default' };
}

/** Commander's property name for a flag: --max-batch-chars -> maxBatchChars. */
export function optionKey(flag: string): string {
  return flag.replace(/^-+/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Resolves several settings at once from parsed flags (commander's option object, keyed by
 * `optionKey(flag)`) into one frozen object.
 */
export function resolveAll<K extends SettingKey>(
  keys: readonly K[],
  flags: Record<string, unknown>,
  env: Environment = process.env,
): Readonly<{ [P in K]: SettingValue<P> }> {
  const out = {} as { [P in K]: SettingValue<P> };
  for (const key of keys) {
    const flag = SETTINGS[key].flag;
    const given = flag ? flags[optionKey(flag)] : undefined;
    out[key] = resolve(key, typeof given === 'string' ? given : undefined, env).value;
  }
  return Object.freeze(out);
}

/** How the README and `--help` show a default. */
export function defaultText(key: SettingKey): string {
  const s = SETTINGS[key] as Setting<unknown>;
  return s.defaultText ?? `\`${String(s.default)}\``;
}

/** A commander option's flags and description for a setting: `-p, --port <n>`, `port (env PORT, default 4000)`. */
export function optionFor(key: SettingKey): { flags: string; description: string } {
  const s = SETTINGS[key] as Setting<unknown>;
  if (!s.flag) throw new Error(`setting ${key} has no flag`);
  const flags = `${s.short ? `${s.short}, ` : ''}${s.flag}${s.placeholder ? ` <${s.placeholder}>` : ''}`;
  const env = s.env ? `env ${s.env}, ` : '';
  return { flags, description: `${s.description.replace(/`/g, '')} (${env}default ${defaultText(key).replace(/`/g, '')})` };
}

/** The settings of one scope that have a flag, in table order. */
export function flagsOf(scope: string): SettingKey[] {
  return (Object.keys(SETTINGS) as SettingKey[]).filter((k) => SETTINGS[k].scope === scope && SETTINGS[k].flag);
}

/** The README's Configuration table, row for row (test/settings.test.ts compares the two). */
export function configurationTable(): string {
  const rows = ['| flag | environment | default | what |', '|---|---|---|---|'];
  for (const key of Object.keys(SETTINGS) as SettingKey[]) {
    const s = SETTINGS[key] as Setting<unknown>;
    let flag = '';
    if (s.flag && s.scope === 'serve') flag = `\`serve ${s.flag}\``;
    else if (s.flag) flag = `\`${s.flag}${s.placeholder ? ` ${s.placeholder.toUpperCase()}` : ''}\` (${s.scope})`;
    rows.push(`|${flag ? ` ${flag} ` : ' '}| ${s.env ? `\`${s.env}\`` : ''} | ${defaultText(key)} | ${s.description} |`);
  }
  return rows.join('\n');
}
