// The standard metadata of the shipped release (issue 15, item 4), read as an RDF tool would:
// every lexical entry has a part of speech and is a Word or a MultiwordExpression, every
// attribution is an agent node, the lime counts match the entries, each emotion carries its naming
// terms as skos:altLabel, and WordNet-derived senses link to WordNet 3.1 synsets.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from 'n3';
import type { Quad } from '@rdfjs/types';
import { readSeed } from '../../src/kb/seed.js';
import { WordNet } from '../../src/wordnet/wordnet.js';
import { TEST_CACHE } from '../expansion/cache.js';
import { evidenceSynset } from '../../src/kb/lexiconMetadata.js';
import { KnowledgeBase } from '../../src/kb/KnowledgeBase.js';
import { SparqlEngine } from '../../src/sparql/SparqlEngine.js';

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const ONTOLEX = 'http://www.w3.org/ns/lemon/ontolex#';
const LEXINFO = 'http://www.lexinfo.net/ontology/3.0/lexinfo#';
const LIME = 'http://www.w3.org/ns/lemon/lime#';
const PROV = 'http://www.w3.org/ns/prov#';
const SKOS = 'http://www.w3.org/2004/02/skos/core#';
const RDFS_LABEL = 'http://www.w3.org/2000/01/rdf-schema#label';
const EMO = 'https://w3id.org/emokb/ontology#';
const EMOTION = 'https://w3id.org/emokb/emotion/';

let store: Store;
let seed: Quad[];
const engine = new SparqlEngine();
afterAll(() => engine.close());
const objects = (s: string, p: string) => store.getObjects(s, p, null);
const subjectsOfType = (type: string) => store.getSubjects(RDF_TYPE, type, null).map((t) => t.value);
const lemmaOf = (entry: string) => objects(objects(entry, `${ONTOLEX}canonicalForm`)[0]!.value, `${ONTOLEX}writtenRep`)[0]!.value;

beforeAll(async () => {
  seed = await readSeed();
  store = new Store(seed);
}, 120_000);

describe('the released lexicon in standard vocabularies', () => {
  it('gives every lexical entry exactly one lexinfo part of speech; exclamations are interjections', () => {
    const entries = subjectsOfType(`${ONTOLEX}LexicalEntry`);
    expect(entries.length).toBeGreaterThan(4000);
    const without = entries.filter((e) => objects(e, `${LEXINFO}partOfSpeech`).length !== 1);
    expect(without).toEqual([]);
    const byLemma = new Map(entries.map((e) => [`${lemmaOf(e)}|${e}`, objects(e, `${LEXINFO}partOfSpeech`)[0]!.value]));
    for (const [lemma, iri] of [
      ['ugh', 'https://w3id.org/emokb/lexicon/en/ugh'],
      ['omg', 'https://w3id.org/emokb/lexicon/en/omg'],
      ['holy cow', 'https://w3id.org/emokb/lexicon/en/holy_cow'],
    ]) {
      expect(byLemma.get(`${lemma}|${iri}`)).toBe(`${LEXINFO}interjection`);
    }
    // a reviewed part of speech is kept
    expect(objects('https://w3id.org/emokb/lexicon/en/furious-adjective', `${LEXINFO}partOfSpeech`)[0]!.value).toBe(`${LEXINFO}adjective`);
  });

  it('types every entry as an ontolex:Word or, with a space in its lemma, an ontolex:MultiwordExpression', () => {
    const wrong = subjectsOfType(`${ONTOLEX}LexicalEntry`).filter((e) => {
      const types = objects(e, RDF_TYPE).map((t) => t.value);
      const multi = lemmaOf(e).includes(' ');
      return types.includes(`${ONTOLEX}Word`) === multi || types.includes(`${ONTOLEX}MultiwordExpression`) !== multi;
    });
    expect(wrong).toEqual([]);
  });

  it('attributes everything to agent nodes: IRIs typed prov:Agent with a name', () => {
    const attributions = store.getQuads(null, `${PROV}wasAttributedTo`, null, null);
    expect(attributions.length).toBeGreaterThan(9000);
    const agents = new Set(attributions.map((q) => q.object));
    for (const agent of agents) {
      expect(agent.termType, `${agent.value} is not a node`).toBe('NamedNode');
      const types = objects(agent.value, RDF_TYPE).map((t) => t.value);
      expect(types).toContain(`${PROV}Agent`);
      expect(types.some((t) => [`${PROV}Person`, `${PROV}Organization`, `${PROV}SoftwareAgent`].includes(t))).toBe(true);
      expect(objects(agent.value, RDFS_LABEL)).toHaveLength(1);
    }
    expect(objects('https://w3id.org/emokb/agent/emokb_curator', RDFS_LABEL)[0]!.value).toBe('emokb curator');
    expect(objects('https://w3id.org/emokb/agent/emokb_link', RDF_TYPE).map((t) => t.value)).toContain(`${PROV}SoftwareAgent`);
  });

  it('describes the lexicon with lime: language, entries and lexicalization counts that match the data', () => {
    const [lexicon, ...more] = subjectsOfType(`${LIME}Lexicon`);
    expect(more).toEqual([]);
    expect(lexicon).toBe('https://w3id.org/emokb/lexicon/en');
    expect(objects(lexicon!, `${LIME}language`)[0]!.value).toBe('en');
    expect(objects(lexicon!, 'http://purl.org/dc/terms/language')[0]!.value).toBe('http://lexvo.org/id/iso639-1/en');
    const entries = subjectsOfType(`${ONTOLEX}LexicalEntry`);
    const listed = objects(lexicon!, `${LIME}entry`).map((t) => t.value);
    expect(new Set(listed)).toEqual(new Set(entries));
    expect(Number(objects(lexicon!, `${LIME}lexicalEntries`)[0]!.value)).toBe(entries.length);

    const [lexicalization] = store.getSubjects(`${LIME}lexicon`, lexicon!, null).map((t) => t.value);
    const senses = subjectsOfType(`${ONTOLEX}LexicalSense`).filter(
      (s) => !objects(s, `${EMO}status`).some((o) => o.value !== `${EMO}Accepted`),
    );
    expect(Number(objects(lexicalization!, `${LIME}lexicalizations`)[0]!.value)).toBe(senses.length);
    const referenced = new Set(senses.map((s) => objects(s, `${ONTOLEX}reference`)[0]!.value));
    expect(Number(objects(lexicalization!, `${LIME}references`)[0]!.value)).toBe(referenced.size);
  });

  it('labels each emotion with its naming terms (skos:altLabel), so a SKOS tool finds "furious"', () => {
    const furious = store
      .getSubjects(`${SKOS}altLabel`, null, null)
      .filter((s) => objects(s.value, `${SKOS}altLabel`).some((l) => l.value === 'furious'));
    expect(furious.map((t) => t.value)).toContain(`${EMOTION}anger-tertiary`);
    // each altLabel is the lemma of an entry with a naming sense of that emotion, never the prefLabel
    for (const q of store.getQuads(null, `${SKOS}altLabel`, null, null).slice(0, 500)) {
      expect(q.object.value).not.toBe(objects(q.subject.value, `${SKOS}prefLabel`)[0]!.value);
      const senses = store
        .getSubjects(`${ONTOLEX}reference`, q.subject, null)
        .filter((s) => objects(s.value, `${EMO}senseKind`)[0]?.value === `${EMO}Names`);
      const lemmas = senses.map((s) => lemmaOf(s.value.slice(0, s.value.indexOf('#'))));
      expect(lemmas, `${q.subject.value} ${q.object.value}`).toContain(q.object.value);
    }
  });

  it('links senses proposed from WordNet to their WordNet 3.1 synset (Princeton WordNet RDF IRIs)', async () => {
    const wordnet = await WordNet.load({ cache: TEST_CACHE });
    const sense = 'https://w3id.org/emokb/lexicon/en/humiliation-noun#sense-humiliation';
    expect(objects(sense, `${EMO}evidence`).map((o) => o.value)).toContain('wordnet:synonym:chagrin.n.01');
    const chagrin = wordnet.byName('chagrin.n.01')!;
    expect(objects(sense, `${PROV}wasDerivedFrom`).map((t) => t.value)).toEqual([
      `http://wordnet-rdf.princeton.edu/id/${chagrin.id.slice(1)}-n`,
    ]);
    // every link is the synset its WordNet evidence path ends in, by its WordNet 3.1 offset
    const fromLexicon = (q: Quad) => q.subject.value.startsWith('https://w3id.org/emokb/lexicon/');
    for (const q of store.getQuads(null, `${PROV}wasDerivedFrom`, null, null).filter(fromLexicon)) {
      const names = objects(q.subject.value, `${EMO}evidence`)
        .map((o) => evidenceSynset(o.value))
        .filter((n): n is string => n !== undefined);
      const iris = names
        .map((n) => wordnet.byName(n))
        .map((s) => s && `http://wordnet-rdf.princeton.edu/id/${s.id.slice(1)}-${s.satellite ? 's' : s.pos}`);
      expect(iris, q.subject.value).toContain(q.object.value);
    }
    const derived = store.getQuads(null, `${PROV}wasDerivedFrom`, null, null).filter(fromLexicon);
    expect(derived.length).toBeGreaterThan(1500);
    expect(derived.every((q) => /^http:\/\/wordnet-rdf\.princeton\.edu\/id\/\d{8}-[nvasr]$/.test(q.object.value))).toBe(true);
  });

  it("links emokb's EmotionML categories to the Onyx EmotionML vocabulary", () => {
    expect(objects('https://w3id.org/emokb/scheme/emotionml-big6/fear', `${SKOS}exactMatch`).map((t) => t.value)).toEqual([
      'http://www.gsi.dit.upm.es/ontologies/onyx/vocabularies/emotionml/ns#big6fear',
    ]);
  });

  it('says which curation run generated every sense and relation edge: a prov:Activity with its agents and sources', () => {
    const senses = subjectsOfType(`${ONTOLEX}LexicalSense`);
    const edges = store
      .getSubjects(RDF_TYPE, `${EMO}EdgeEvidence`, null)
      .map((t) => t.value)
      .filter((e) => objects(e, `${EMO}status`)[0]?.value !== `${EMO}Candidate`);
    expect(senses.length).toBeGreaterThan(4000);
    expect(edges.length).toBeGreaterThan(100);
    const activities = new Set<string>();
    for (const node of [...senses, ...edges]) {
      const generatedBy = objects(node, `${PROV}wasGeneratedBy`).map((t) => t.value);
      expect(generatedBy, node).toHaveLength(1);
      activities.add(generatedBy[0]!);
    }
    for (const activity of activities) {
      expect(activity).toMatch(/^https:\/\/w3id\.org\/emokb\/activity\/[a-z-]+\/[A-Za-z0-9._-]+$/);
      expect(objects(activity, RDF_TYPE).map((t) => t.value)).toContain(`${PROV}Activity`);
      const agents = objects(activity, `${PROV}wasAssociatedWith`);
      expect(agents.length, activity).toBeGreaterThan(0);
      for (const agent of agents) expect(objects(agent.value, RDF_TYPE).map((t) => t.value)).toContain(`${PROV}Agent`);
      expect(objects(activity, `${PROV}startedAtTime`)).toHaveLength(1);
      for (const source of objects(activity, `${PROV}used`)) {
        expect(objects(source.value, RDF_TYPE).map((t) => t.value)).toContain(`${PROV}Entity`);
        expect(objects(source.value, RDFS_LABEL)).toHaveLength(1);
      }
    }
    // One run per decisions file of the curation record, named by the file: a rebuild names them alike.
    const run = (name: string) => `https://w3id.org/emokb/activity/review/${name}`;
    for (const name of ['review-wordnet', 'manual', 'review-corpus', 'review-xed', 'situations']) expect(activities).toContain(run(name));
    const used = (name: string) => objects(run(name), `${PROV}used`).map((t) => t.value);
    expect(used('review-wordnet')).toEqual(['https://w3id.org/emokb/source/wordnet-3.1']);
    expect(used('review-corpus')).toContain('https://w3id.org/emokb/source/goemotions-train');
    expect(used('review-xed')).toContain('https://w3id.org/emokb/source/xed-en-part1');
    // the situation phrases of both corpora (evidence corpus-phrase:<corpus>)
    expect(used('situations').sort()).toEqual([
      'https://w3id.org/emokb/source/goemotions-train',
      'https://w3id.org/emokb/source/xed-en-part1',
    ]);
    expect(objects(run('review-wordnet'), `${PROV}wasAssociatedWith`).map((t) => t.value)).toEqual([
      'https://w3id.org/emokb/agent/emokb_curator',
    ]);
    expect(objects('https://w3id.org/emokb/source/goemotions-train', 'http://purl.org/dc/terms/license').map((t) => t.value)).toEqual([
      'https://creativecommons.org/licenses/by/4.0/',
    ]);
    // a WordNet proposal accepted in the WordNet review
    expect(objects('https://w3id.org/emokb/lexicon/en/humiliation-noun#sense-humiliation', `${PROV}wasGeneratedBy`)[0]!.value).toBe(
      run('review-wordnet'),
    );
    // a relation edge: its review run, with the linker and the reviewers
    const edge = 'https://w3id.org/emokb/edge/composition/alarm--fear-tertiary--surprise-tertiary';
    const review = objects(edge, `${PROV}wasGeneratedBy`)[0]!.value;
    expect(objects(review, `${PROV}wasAssociatedWith`).map((t) => t.value)).toEqual([
      'https://w3id.org/emokb/agent/emokb_link',
      'https://w3id.org/emokb/agent/emokb_maintainers',
    ]);
  });
});

describe("the README's query of the curation runs", () => {
  it('lists each run of the release with who ran it, the sources it read and how many senses it made', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const after = readme.slice(readme.indexOf('# the curation runs (PROV activities)'));
    const query = /node bin\/emokb\.js sparql '([^']+)'/.exec(after)![1]!;
    const { body } = await engine.query(KnowledgeBase.fromQuads(seed, 1), query, 'tsv');
    const rows = body
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t'));
    const row = (name: string) => rows.find(([run]) => run === `<https://w3id.org/emokb/activity/review/${name}>`);
    expect(row('review-wordnet')).toEqual([
      '<https://w3id.org/emokb/activity/review/review-wordnet>',
      '"emokb curator"',
      '"WordNet 3.1"',
      expect.stringMatching(/^\d{4,}$/),
    ]);
    expect(row('review-corpus')![2]).toContain('GoEmotions, training split');
    expect(row('review-xed')![2]).toContain('XED English annotations, part 1 of 2');
    // every sense of the release is counted under one run
    const senses = rows.reduce((n, r) => n + Number(r[3]), 0);
    expect(senses).toBe(new Set(store.getSubjects(RDF_TYPE, `${ONTOLEX}LexicalSense`, null).map((t) => t.value)).size);
  }, 120_000);
});

describe('curation runs as activities', () => {
  it('names a run deterministically and describes it from what it generated', async () => {
    const { activityQuads, reviewActivity, editActivity } = await import('../../src/kb/activities.js');
    expect(reviewActivity('curation/en/review-wordnet.tsv').value).toBe('https://w3id.org/emokb/activity/review/review-wordnet');
    expect(reviewActivity('/tmp/x/review-wordnet.json').value).toBe('https://w3id.org/emokb/activity/review/review-wordnet');
    expect(editActivity('edit', '2026-11-30T00:00:00.000Z').value).toBe('https://w3id.org/emokb/activity/edit/20261130T000000000Z');
    const senseQuads = store.getQuads('https://w3id.org/emokb/lexicon/en/humiliation-noun#sense-humiliation', null, null, null);
    const once = activityQuads(senseQuads);
    expect(activityQuads([...senseQuads].reverse())).toEqual(once);
    expect(once.filter((q) => q.predicate.value === `${PROV}used`).map((q) => q.object.value)).toEqual([
      'https://w3id.org/emokb/source/wordnet-3.1',
    ]);
  });
});
