// Which emotion entries a non-emotional expression stops (src/kb/nonEmotional.ts), read from the
// compiled term index, so that the answer is what the tagger would match there today. Shared by
// `term block` and the review decisions' `block` lines.
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import { lexicalEntries } from '../kb/lexicalEntries.js';
import { LexiconIndex } from './LexiconIndex.js';
import { keyOf } from './keys.js';

/**
 * The accepted emotion entries an expression would stop: those the tagger matches today on any of
 * its words, on a multiword entry inside it or on the whole of it (by form, inflection or
 * derivation), and those a suffix derivation of a word or the bare stem of an undoubled "-ed"
 * form reaches, which the tagger read once (LexiconIndex.formerEntry).
 * Empty: it blocks nothing, and is not worth storing.
 */
export function entriesBlockedBy(kb: KnowledgeBase, lemma: string): string[] {
  const index = LexiconIndex.for(kb);
  const key = keyOf(lemma);
  const lemmas = new Set<string>();
  /** Adds an entry's lemma when it is an emotion entry of the lexicon (a seed label counts for the whole key only). */
  const add = (entry: number | undefined, seedsToo = false) => {
    const e = entry === undefined ? undefined : index.entries[entry]!;
    if (e?.senses.length && (seedsToo || e.source === 'lexicon')) lemmas.add(e.lemma.toLowerCase());
  };
  add(index.multi(key) ?? index.single(key), true);
  const words = key.split(' ');
  // (and what the tagger once reached there, a suffix derivation or the bare stem of an undoubled
  // "-ed" form: the blocks written against them, "pass" for "passion", "fated" for "fat", must
  // replay: LexiconIndex.formerEntry)
  for (const word of words) add(index.word(word)?.entry ?? index.formerEntry(word));
  // A multiword entry inside it ("help me" in "help me with"): the longer key wins at match time,
  // so the block is how a request for a hand stops reading as the plea the shorter entry names.
  for (let i = 0; i < words.length; i++)
    for (let j = i + 2; j <= words.length; j++) if (j - i < words.length) add(index.multi(words.slice(i, j).join(' ')));
  const out: string[] = [];
  for (const e of lexicalEntries(kb).values())
    if (e.status === 'accepted' && e.senses.length && lemmas.has(e.lemma.toLowerCase())) out.push(e.iri);
  return out.sort();
}
