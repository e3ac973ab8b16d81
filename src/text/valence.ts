// Prior valence of English words, from the VADER lexicon (Hutto & Gilbert 2014, "VADER: a
// parsimonious rule-based model for sentiment analysis of social media text", ICWSM): about 7,500
// words and emoticons, each the mean of ten raters' judgments on a scale from -4 to +4. Shipped by
// the npm package vader-sentiment (Apache-2.0, see the README's dependency table) as
// vader_lexicon.txt: one entry a line, `token TAB mean TAB sd TAB [ratings]`.
//
// The appraisal rules (tagger/appraisal.ts) read it for the polarity of an evaluative word and as
// weak evidence in a text the emotion lexicon leaves silent. Read once per process (a worker thread
// reads its own copy, ~10 ms): no cost per text.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { wordNetAdjectives } from './adjectives.js';

let table: ReadonlyMap<string, number> | undefined;
let adjectives: ReadonlySet<string> | undefined;

const WORD_ONLY = /^[a-z][a-z'-]*$/;

/** Word -> VADER mean valence (-4..+4), words only (emoticons and tokens with digits left out). */
export function valenceTable(): ReadonlyMap<string, number> {
  if (table) return table;
  const file = createRequire(import.meta.url).resolve('vader-sentiment/vader_lexicon.txt');
  table = parseValence(readFileSync(file, 'utf8'));
  return table;
}

/** The words of the table that WordNet lists as adjectives (adjectives.ts), once per process. */
export function valenceAdjectives(): ReadonlySet<string> {
  adjectives ??= wordNetAdjectives(new Set(valenceTable().keys()));
  return adjectives;
}

/** Parses VADER's lexicon text (the first rating of a word written twice wins). */
export function parseValence(text: string): ReadonlyMap<string, number> {
  const map = new Map<string, number>();
  // Walked with indexOf rather than split into lines: a line is ~57 characters, mostly the ten
  // ratings this does not read.
  for (let at = 0; at < text.length;) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const tab = text.indexOf('\t', at);
    if (tab > at && tab < end) {
      const word = text.slice(at, tab);
      if (WORD_ONLY.test(word) && !map.has(word)) {
        let tab2 = text.indexOf('\t', tab + 1);
        if (tab2 < 0 || tab2 > end) tab2 = end;
        const mean = Number(text.slice(tab + 1, tab2));
        if (Number.isFinite(mean) && mean !== 0) map.set(word, mean);
      }
    }
    at = end + 1;
  }
  return map;
}
