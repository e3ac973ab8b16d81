// Small hand-made inputs for the pipeline's unit tests: a WordNet of a dozen senses (in the compiled
// form the cache holds), a few word vectors, and a two-family slice of the hierarchy.
import { WordNet } from '../../src/wordnet/wordnet.js';
import { WordVectors, DIMENSIONS } from '../../src/expansion/vectors.js';
import { KnowledgeBase } from '../../src/kb/KnowledgeBase.js';
import { parseTurtle } from '../../src/rdf/turtle.js';

type Row = [string, string, number, string[], number[], string[], string];
// index: id, name, lexfile, words, SemCor counts, pointers ("symbol target sourceWord targetWord"), gloss
const synsets: Row[] = [
  /* 0 */ [
    'n07516354',
    'anger.n.01',
    12,
    ['anger', 'choler', 'ire'],
    [20, 0, 1],
    ['~ 1 0 0', '+ 3 1 1', '+ 7 1 1'],
    'a strong emotion; a feeling that is oriented toward some real or supposed grievance',
  ],
  /* 1 */ ['n07517550', 'fury.n.01', 12, ['fury', 'rage', 'madness'], [4, 21, 0], ['@ 0 0 0', '+ 4 1 1'], 'a feeling of intense anger'],
  /* 2 */ [
    'n05061003',
    'fad.n.01',
    9,
    ['fad', 'craze', 'rage'],
    [0, 1, 0],
    [],
    'an interest followed with exaggerated zeal; "it was all the rage that season"',
  ],
  /* 3 */ [
    'a00115193',
    'angry.a.01',
    0,
    ['angry'],
    [40],
    ['+ 0 1 1', '& 4 0 0', '& 5 0 0', '& 10 0 0'],
    'feeling or showing anger; "angry at the weather"',
  ],
  /* 4 */ [
    's00115906',
    'furious.s.02',
    0,
    ['furious', 'enraged', 'infuriated'],
    [4, 3, 0],
    ['& 3 0 0', '+ 1 1 1'],
    'marked by extreme anger; "the enraged bull attacked"',
  ],
  /* 5 */ ['s00116245', 'mad.s.01', 0, ['mad', 'huffy', 'sore'], [9, 0, 0], ['& 3 0 0'], 'roused to anger; "stayed huffy a good while"'],
  /* 6 */ ['r00207680', 'angrily.r.01', 2, ['angrily'], [2], ['\\ 3 1 1'], 'with anger; "he spoke angrily"'],
  /* 7 */ ['v01787106', 'anger.v.01', 37, ['anger'], [3], ['+ 0 1 1'], 'make angry'],
  /* 8 */ ['n04393095', 'mad.n.99', 6, ['madder'], [0], [], 'Eurasian herb having small yellow flowers and red roots'],
  /* 9 */ ['a01234567', 'cool.a.01', 0, ['cool'], [60], [], 'neither warm nor very cold'],
  /* 10 */ ['s01234999', 'cool.s.02', 0, ['cool'], [2], ['& 3 0 0'], 'calm even when others show anger'],
];
const lemmas: Record<string, number[]> = {
  'anger|n': [0],
  'choler|n': [0],
  'ire|n': [0],
  'fury|n': [1],
  'rage|n': [1, 2],
  'madness|n': [1],
  'fad|n': [2],
  'craze|n': [2],
  'angry|a': [3],
  'furious|a': [4],
  'enraged|a': [4],
  'infuriated|a': [4],
  'mad|a': [5],
  'huffy|a': [5],
  'sore|a': [5],
  'angrily|r': [6],
  'anger|v': [7],
  'madder|n': [8],
  'cool|a': [9, 10],
};

export function fixtureWordNet(): WordNet {
  return WordNet.fromCompiled({ format: 1, version: 'fixture', synsets, lemmas });
}

/** Every word gets a vector: one axis per "topic" so that cosines are easy to reason about. */
export function fixtureVectors(): WordVectors {
  const topics: Record<string, number> = {
    the: 9,
    like: 9,
    cool: 5,
    anger: 0,
    angry: 0,
    ire: 0,
    choler: 0,
    fury: 1,
    rage: 1,
    furious: 1,
    madness: 1,
    mad: 1,
    enraged: 1,
    infuriated: 1,
    irritation: 2,
    annoyance: 2,
    annoyed: 2,
    huffy: 2,
    sore: 2,
    joy: 3,
    happy: 3,
    glad: 3,
    delight: 3,
    angrier: 0,
    angriest: 0,
    angrily: 0,
    madder: 6,
    maddest: 1,
    furies: 1,
    rages: 1,
    infuriates: 1,
    infuriate: 1,
    infuriating: 1,
  };
  // Frequency order: "the", "like", "cool" very common, then 6,000 fillers, then the emotion words (rare).
  const common = ['the', 'like', 'cool'];
  const rare = Object.keys(topics).filter((w) => !common.includes(w));
  const all = [...common, ...Array.from({ length: 6000 }, (_, i) => `filler${i}`), ...rare];
  const words = [...common, ...rare];
  const rows = new Int32Array(words.map((w) => all.indexOf(w)));
  const data = new Float32Array(words.length * DIMENSIONS);
  words.forEach((w, i) => (data[i * DIMENSIONS + topics[w]!] = 1));
  return new WordVectors(all, rows, data);
}

/** anger > {rage > {fury, wrath}, irritation > {annoyance, grouchiness}}; joy > {cheerfulness > {glee, delight}}. */
export function fixtureKb(): KnowledgeBase {
  const node = (id: string, label: string, tier: string, parent?: string) =>
    `emotion:${id} a emo:Emotion, skos:Concept ; skos:prefLabel "${label}"@en ; skos:definition "The feeling of ${label}."@en ; emo:tier emo:${tier} ; emo:valence emo:Negative${parent ? ` ; skos:broader emotion:${parent}` : ''} .`;
  const ttl = [
    '@prefix emo: <https://w3id.org/emokb/ontology#> . @prefix emotion: <https://w3id.org/emokb/emotion/> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .',
    node('anger-primary', 'anger', 'Primary'),
    node('rage-secondary', 'rage', 'Secondary', 'anger-primary'),
    node('fury', 'fury', 'Tertiary', 'rage-secondary'),
    node('wrath', 'wrath', 'Tertiary', 'rage-secondary'),
    node('irritation-secondary', 'irritation', 'Secondary', 'anger-primary'),
    node('annoyance', 'annoyance', 'Tertiary', 'irritation-secondary'),
    node('grouchiness', 'grouchiness', 'Tertiary', 'irritation-secondary'),
    node('joy-primary', 'joy', 'Primary'),
    node('cheerfulness-secondary', 'cheerfulness', 'Secondary', 'joy-primary'),
    node('glee', 'glee', 'Tertiary', 'cheerfulness-secondary'),
    node('delight', 'delight', 'Tertiary', 'cheerfulness-secondary'),
  ].join('\n');
  return KnowledgeBase.fromQuads(parseTurtle(ttl, 'fixture.ttl'), 1);
}

/** The fixture hierarchy plus a two-label scheme: "mad" -> annoyance (anger family), "happy" -> joy. */
export function kbWithScheme(): KnowledgeBase {
  const base = fixtureKb();
  const ttl = `@prefix emotion: <https://w3id.org/emokb/emotion/> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix t: <https://example.org/t/> .
    t:mad a skos:Concept ; skos:inScheme <https://example.org/scheme/toy> ; skos:notation "mad" .
    t:happy a skos:Concept ; skos:inScheme <https://example.org/scheme/toy> ; skos:notation "happy" .
    emotion:annoyance skos:exactMatch t:mad .
    emotion:joy-primary skos:exactMatch t:happy .`;
  return KnowledgeBase.fromQuads([...base.quads, ...parseTurtle(ttl, 'scheme.ttl')], 2);
}
