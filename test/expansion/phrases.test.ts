// Situation phrases as corpus candidates (`expand --corpus --phrases`): which phrases a sentence
// yields, and that the association with labels makes a candidate with its counts.
import { describe, expect, it } from 'vitest';
import { corpusCandidates, type LabelledDocument } from '../../src/expansion/corpus.js';
import { situationPhrases, type PhraseContext } from '../../src/expansion/phrases.js';
import { TokenBuffer } from '../../src/text/tokenize.js';
import { WordNet } from '../../src/wordnet/wordnet.js';
import { kbWithScheme } from './fixtures.js';

type Row = [string, string, number, string[], number[], string[], string];
/** A WordNet of the words these tests need: a phrasal verb, verbs, nouns. */
function wordNet(): WordNet {
  const rows: Array<[string, 'n' | 'v']> = [
    ['pass_away', 'v'],
    ['pass', 'v'],
    ['lose', 'v'],
    ['job', 'n'],
    ['fail', 'v'],
    ['exam', 'n'],
    ['promote', 'v'],
    ['love', 'v'],
    ['idea', 'n'],
    ['temper', 'n'],
    ['get', 'v'],
    ['walk', 'v'],
  ];
  const synsets: Row[] = rows.map(([w, p], i) => [`${p}${String(i).padStart(8, '0')}`, `${w}.${p}.01`, 0, [w], [1], [], w]);
  const lemmas: Record<string, number[]> = Object.fromEntries(rows.map(([w, p], i) => [`${w.replace('_', ' ')}|${p}`, [i]]));
  return WordNet.fromCompiled({ format: 1, version: 'fixture', synsets, lemmas });
}

const ctx = (extra: Partial<PhraseContext> = {}): PhraseContext => ({
  wn: wordNet(),
  stopwords: new Set(['the', 'my', 'a', 'i']),
  ...extra,
});
const phrases = (text: string, extra: Partial<PhraseContext> = {}) => [...situationPhrases(text, new TokenBuffer(), ctx(extra))];

describe('situationPhrases', () => {
  it('finds phrasal verbs, a verb with its object (possessive as the owner slot) and be/get passives', () => {
    expect(phrases('My grandfather passed away last week')).toEqual([['pass away', 'passed away']]);
    expect(phrases('I lost my job')).toContainEqual(["lose one's job", 'lost my job']);
    expect(phrases('I failed the exam again')).toContainEqual(['fail the exam', 'failed the exam']);
    expect(phrases('She got promoted!')).toContainEqual(['get promoted', 'got promoted']);
  });

  it('does not run across punctuation, nor take a stop word or a known emotion word as the object', () => {
    expect(phrases('I lost. My job is fine')).toEqual([]);
    expect(phrases('he lost his temper', { isKnown: (w) => w === 'temper' })).toEqual([]);
    expect(phrases('he lost his temper')).toEqual([["lose one's temper", 'lost his temper']]);
  });

  it('leaves out phrases headed by a word that names an emotion, and phrases the lexicon already has', () => {
    expect(phrases('I love the idea', { namesEmotion: (w) => w === 'love' })).toEqual([]);
    expect(phrases('I love the idea')).toEqual([['love the idea', 'love the idea']]);
    expect(phrases('she passed away', { isKnownPhrase: (p) => p === 'pass away' })).toEqual([]);
  });
});

describe('corpusCandidates with phrases', () => {
  const kb = kbWithScheme();
  const docs: LabelledDocument[] = [];
  const add = (n: number, text: string, labels: string[]) => {
    for (let i = 0; i < n; i++) docs.push({ text, labels });
  };
  add(6, 'I got promoted today', ['happy']);
  add(1, 'he got promoted over me', ['mad']);
  add(20, 'we walk the dog', ['neutral']);
  add(4, 'we walk the dog and it rains', ['mad']);

  it('proposes a phrase associated with one primary, as a verb entry that evokes it, with its counts', () => {
    const result = corpusCandidates(kb, wordNet(), docs, {
      scheme: 'toy',
      source: 'toy',
      phrases: true,
      minDocuments: 3,
      minLift: 2,
      minShare: 0.3,
    });
    expect(result.candidates.map((c) => c.lemma)).toEqual(['get promoted']); // "walk the dog" is background
    const [c] = result.candidates;
    expect(c!.pos).toBe('verb');
    expect(c!.senses[0]).toMatchObject({
      emotion: 'https://w3id.org/emokb/emotion/joy-primary',
      kind: 'evokes',
      method: 'corpus-phrase',
      path: 'corpus-phrase:toy',
    });
    expect(c!.senses[0]!.evidence).toEqual([
      expect.stringMatching(/^toy: 6 of 7 documents carry joy \(lift \d+\.\d\d\)$/),
      'surface forms: got promoted',
    ]);
  });

  it('counts single words, not phrases, without the option', () => {
    const words = corpusCandidates(kb, wordNet(), docs, { scheme: 'toy', source: 'toy', minDocuments: 3, minLift: 2, minShare: 0.3 });
    expect(words.candidates.map((c) => c.lemma)).not.toContain('get promoted');
  });
});
