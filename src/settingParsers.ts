// The parsers of setting values: each takes the text as given (a flag's or a variable's) and
// returns the value, or throws Refused saying what it should have been; the settings table
// (settings.ts) names where the text came from. CLI flags outside the table use parseNumber too.

/** Why a text is not a value of a setting; the resolver names the source. */
export class Refused extends Error {}

export interface NumberBounds {
  min?: number;
  max?: number;
  /** Accept fractions (thresholds such as 0.3); default: whole numbers only. */
  fraction?: boolean;
}

/** Decimal only (Number() also takes "0x1", "1e3" and " "), whole numbers within exact range. */
export function parseNumber(text: string, { min = 0, max, fraction = false }: NumberBounds = {}): number {
  const trimmed = text.trim();
  const n = Number(trimmed);
  const shaped = fraction ? /^-?(\d+\.?\d*|\.\d+)$/.test(trimmed) : /^\d+$/.test(trimmed) && Number.isSafeInteger(n);
  if (!shaped || n < min || (max !== undefined && n > max)) {
    throw new Refused(`is not a ${fraction ? 'number' : 'whole number'} ${max === undefined ? `>= ${min}` : `from ${min} to ${max}`}`);
  }
  return n;
}

export const number = (bounds: NumberBounds) => (text: string) => parseNumber(text, bounds);

export const nonEmpty = (what: string) => (text: string) => {
  if (!text.trim()) throw new Refused(`is empty; give ${what}`);
  return text;
};

export const oneOf =
  <T extends string>(values: readonly T[]) =>
  (text: string): T => {
    if (!(values as readonly string[]).includes(text.trim())) throw new Refused(`is not one of ${values.join(', ')}`);
    return text.trim() as T;
  };

/** `*`, or origins separated by commas. */
export const origins = (text: string): string[] => {
  const list = text
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  if (!list.length) throw new Refused('is empty; give `*` or origins separated by commas');
  return list;
};

/** Seconds since 1970 as a whole number, read as the time it names (ISO 8601). */
export const epoch = (text: string): string => {
  const time = new Date(Number(text.trim()) * 1000);
  if (!/^\d+$/.test(text.trim()) || Number.isNaN(time.getTime()))
    throw new Refused('is not a whole number of seconds since 1970 (up to year 275760)');
  return time.toISOString();
};

/** A Redis server's address for the job queue (`emokb tag submit|worker|status|collect`). */
export interface QueueAddress {
  /** As given, password masked: for messages. */
  display: string;
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
}

/** `redis://[user:password@]host[:port][/db]`: what BullMQ's Redis connection needs, checked before any connection. */
export const queueUrl = (text: string): QueueAddress => {
  const shape = 'give redis://HOST:PORT (optionally redis://user:password@HOST:PORT/DB)';
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new Refused(`is not a URL; ${shape}`);
  }
  if (url.protocol !== 'redis:') throw new Refused(`is not a redis:// URL (${url.protocol.replace(/:$/, '')}); ${shape}`);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) throw new Refused(`names no host; ${shape}`);
  const port = url.port === '' ? 6379 : Number(url.port);
  const dbText = url.pathname.replace(/^\//, '');
  if (dbText !== '' && !/^\d{1,2}$/.test(dbText)) throw new Refused(`has a path that is not a database number (/${dbText}); ${shape}`);
  if (url.search || url.hash) throw new Refused(`has a query or fragment, which emokb does not read; ${shape}`);
  const masked = new URL(url.href);
  if (masked.password) masked.password = '***';
  return {
    display: masked.href.replace(/\/$/, ''),
    host,
    port,
    db: dbText === '' ? 0 : Number(dbText),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
  };
};

/** Where the knowledge lives: the embedded store in a directory, or a SPARQL 1.1 server. */
export type StoreLocation = { kind: 'level'; dir: string } | { kind: 'sparql'; queryUrl: string };

/** `level:DIR` or `sparql:http(s)://HOST:PORT/PATH`; credentials in the URL are refused (they would show in `ps`). */
export const storeLocation = (text: string): StoreLocation => {
  const trimmed = text.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === 'level') {
    const dir = trimmed.slice('level:'.length);
    if (!dir.trim()) throw new Refused('names no directory; give level:DIR');
    return { kind: 'level', dir };
  }
  if (scheme === 'sparql') return { kind: 'sparql', queryUrl: httpUrl(trimmed.slice('sparql:'.length)) };
  throw new Refused(
    `${scheme ? `has the unknown scheme ${JSON.stringify(`${scheme}:`)}` : 'has no scheme'}; give level:DIR (the embedded store) or sparql:http://HOST:PORT/sparql (a SPARQL 1.1 server)`,
  );
};

/** An http(s) URL without credentials in it. */
export const httpUrl = (text: string): string => {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new Refused('is not a URL; give http://HOST:PORT/PATH');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Refused(`is not an http or https URL (${url.protocol})`);
  if (url.username || url.password)
    throw new Refused(
      'carries credentials; give them in EMOKB_SPARQL_USER and EMOKB_SPARQL_PASSWORD_FILE (or EMOKB_SPARQL_PASSWORD) instead',
    );
  return url.toString();
};

/** An absolute IRI to put names after (`urn:emokb:`, `https://example.org/kb/`). */
export const graphPrefix = (text: string): string => {
  const trimmed = text.trim();
  if (!/^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]*$/i.test(trimmed)) throw new Refused('is not an absolute IRI prefix such as urn:emokb:');
  return trimmed;
};
