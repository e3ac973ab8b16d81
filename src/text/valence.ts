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

let table: ReadonlyMap<string, number> | undefined;

/** Word -> VADER mean valence (-4..+4), words only (emoticons and tokens with digits left out). */
export function valenceTable(): ReadonlyMap<string, number> {
  if (table) return table;
  const file = createRequire(import.meta.url).resolve('vader-sentiment/vader_lexicon.txt');
  table = parseValence(readFileSync(file, 'utf8'));
  return table;
}

/** Parses VADER's lexicon text (the first rating of a word written twice wins). */
export function parseValence(text: string): ReadonlyMap<string, number> {
  const map = new Map<string, number>();
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const word = line.slice(0, tab);
    if (!/^[a-z][a-z'-]*$/.test(word) || map.has(word)) continue;
    const mean = Number.parseFloat(line.slice(tab + 1));
    if (Number.isFinite(mean) && mean !== 0) map.set(word, mean);
  }
  return map;
}
