// What a non-emotional expression blocks (lexicon/blockedEntries.ts), on the shipped lexicon: the
// entries the tagger matches in it, and those a suffix derivation reaches, which the tagger read
// until session 11 and which the blocks written then ("pass" for "passion", curation/en/
// context-review.tsv) still name, so that replaying the curation files rebuilds the shipped lexicon.
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/kb/KnowledgeBase.js';
import { entriesBlockedBy } from '../../src/lexicon/blockedEntries.js';
import { Tagger } from '../../src/tagger/Tagger.js';
import { shippedKb } from '../tagger/helpers.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await shippedKb();
});

describe('entriesBlockedBy', () => {
  it('names the entry a word of the expression matches', () => {
    expect(entriesBlockedBy(kb, 'distress signal')).toEqual([
      expect.stringMatching(/\/distress-noun$/),
      expect.stringMatching(/\/distress-verb$/),
    ]);
  });

  it('names the entry only a suffix derivation reaches, though the tagger no longer matches it there', () => {
    // ("van" has no block of its own, as "pass" had none when its block was written)
    // "van" reaches nothing when tagged ...
    expect(Tagger.for(kb).tag('we took the van').matches).toEqual([]);
    // ... but a block on it would guard "vanity", which the suffix rules derive from it
    expect(entriesBlockedBy(kb, 'the van')).toEqual([expect.stringMatching(/\/vanity-noun$/)]);
  });

  it('names the entry the bare stem of an undoubled "-ed" form names, which lemmas no longer give', () => {
    // "rated" is "rate" now (no entry) and matches nothing; a block on it would still guard "rat",
    // as the block on "fated" (context-precision-3.tsv), written when the lemmatiser read it as
    // "fat", still guards "fat" when the curation files are replayed
    expect(Tagger.for(kb).tag('very highly rated').matches).toEqual([]);
    expect(entriesBlockedBy(kb, 'rated')).toEqual([expect.stringMatching(/\/rat-(noun|verb)$/)]);
  });

  it('names nothing for an expression with no emotion word at all', () => {
    expect(entriesBlockedBy(kb, 'the table')).toEqual([]);
  });
});
