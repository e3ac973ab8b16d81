// A term's uses in a corpus, whether or not the tagger matched them there: every place the term is
// written (any case, whole words, any space or hyphen between its words), every inflected form of a
// one-word term (a word wink-lemmatizer takes back to it: "hated", "happier", "friends") and every
// span the tagger matched to the term's entry (its derived forms), each with what the tagger made of
// it: matched (as which emotion, kind, how), negated, inside a longer expression that matched as
// something else, or not matched at all. A term is judged by what it does in text, not by its gloss.
import { createRequire } from 'node:module';
import type { Tagger } from '../tagger/Tagger.js';
import type { TagMatch } from '../tagger/types.js';
import type { CorpusDocument } from './corpusText.js';

export interface Occurrence {
  doc: CorpusDocument;
  start: number;
  end: number;
  /** The tagger's match on this span (or one overlapping it), if any. */
  match?: TagMatch;
  status: 'matched' | 'negated' | 'inside' | 'unmatched';
}

interface WinkLemmatizer {
  lemmatizeNoun(word: string): string;
  lemmatizeVerb(word: string): string;
  lemmatizeAdjective(word: string): string;
}
const require = createRequire(import.meta.url);

/** Whether a word is an inflected form of `term` (cached per word: a corpus repeats its words). */
function inflectionTest(term: string): (word: string) => boolean {
  const wink = require('wink-lemmatizer') as WinkLemmatizer;
  const seen = new Map<string, boolean>();
  return (word) => {
    const w = word.toLowerCase();
    let yes = seen.get(w);
    if (yes === undefined) {
      yes = w !== term && (wink.lemmatizeVerb(w) === term || wink.lemmatizeNoun(w) === term || wink.lemmatizeAdjective(w) === term);
      seen.set(w, yes);
    }
    return yes;
  };
}

const WORDS = /[\p{L}\p{N}][\p{L}\p{N}']*/gu;

function termPattern(term: string): RegExp {
  const words = term
    .trim()
    .split(/[\s-]+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // Word boundaries that also hold for a term starting or ending with a non-letter ("?", "o_o").
  return new RegExp(`(?<![\\p{L}\\p{N}'])${words.join('[\\s-]+')}(?![\\p{L}\\p{N}])`, 'giu');
}

export function concordance(tagger: Tagger, docs: readonly CorpusDocument[], term: string): { occurrences: Occurrence[]; matched: number } {
  const pattern = termPattern(term);
  const wanted = term.trim().toLowerCase();
  const isInflection = /^[\p{L}']+$/u.test(wanted) ? inflectionTest(wanted) : undefined;
  const occurrences: Occurrence[] = [];
  let matched = 0;
  for (const doc of docs) {
    const spans = new Map<string, { start: number; end: number }>();
    for (const m of doc.text.matchAll(pattern)) spans.set(`${m.index}`, { start: m.index!, end: m.index! + m[0].length });
    if (isInflection)
      for (const m of doc.text.matchAll(WORDS))
        if (isInflection(m[0])) spans.set(`${m.index}`, { start: m.index!, end: m.index! + m[0].length });
    const matches = tagger.tag(doc.text).matches ?? [];
    for (const m of matches)
      if (m.lemma.toLowerCase() === wanted && !spans.has(`${m.start}`)) spans.set(`${m.start}`, { start: m.start, end: m.end });
    for (const span of [...spans.values()].sort((a, b) => a.start - b.start)) {
      const exact = matches.find((m) => m.start === span.start && m.end === span.end);
      const over = exact ?? matches.find((m) => m.start < span.end && span.start < m.end);
      const status = !over ? 'unmatched' : !exact ? 'inside' : exact.negated ? 'negated' : 'matched';
      if (status === 'matched') matched++;
      occurrences.push({ doc, ...span, match: over, status });
    }
  }
  return { occurrences, matched };
}
