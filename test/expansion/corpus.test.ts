// The corpus-association source: which words become candidates, where their sense goes, what the
// evidence says, and how a bad corpus file is refused.
import { DataFactory } from 'n3';
import { describe, expect, it } from 'vitest';
import {
  corpusCandidates,
  inPart,
  parseLabelNames,
  parseLabelledCorpus,
  parsePart,
  replacesWordNetRejection,
  type LabelledDocument,
} from '../../src/expansion/corpus.js';
import { KnowledgeBase } from '../../src/kb/KnowledgeBase.js';
import { EmokbError } from '../../src/errors.js';
import { planCandidates } from '../../src/expansion/candidateStore.js';
import { lexicalEntries } from '../../src/kb/lexicalEntries.js';
import { CandidateGenerator } from '../../src/expansion/candidates.js';
import { Emotionality } from '../../src/wordnet/emotional.js';
import { expand } from '../../src/expansion/pipeline.js';
import { planDecisions, resolveDecisions } from '../../src/expansion/review.js';
import { fixtureVectors, fixtureWordNet, kbWithScheme } from './fixtures.js';

function corpus(): LabelledDocument[] {
  const docs: LabelledDocument[] = [];
  const add = (n: number, text: string, labels: string[]) => {
    for (let i = 0; i < n; i++) docs.push({ text, labels });
  };
  add(12, 'You idiot, that was the worst parking ever', ['mad']);
  add(2, 'The idiot box is on again', ['happy']);
  add(10, 'What a splendid parking spot', ['happy']);
  add(30, 'The parking spot is on the left', ['neutral']); // background
  add(3, 'Rare word zebra', ['mad']); // too few documents
  return docs;
}

describe('corpusCandidates', () => {
  const kb = kbWithScheme();
  const wn = fixtureWordNet();

  it('proposes words associated with one primary, under the mapped node that holds their documents', () => {
    const result = corpusCandidates(kb, wn, corpus(), { scheme: 'toy', source: 'toy-corpus', minDocuments: 5, minLift: 2, minShare: 0.3 });
    const byLemma = new Map(result.candidates.map((c) => [c.lemma, c]));
    expect(result.documents).toBe(57);
    expect(result.labelled).toBe(27);
    expect(result.unmappedLabels).toEqual(['neutral']);
    // "idiot": 12 of 14 documents are "mad" -> annoyance; the sense goes to annoyance, not anger.
    const idiot = byLemma.get('idiot')!;
    expect(idiot.senses).toHaveLength(1);
    expect(idiot.senses[0]).toMatchObject({
      emotion: 'https://w3id.org/emokb/emotion/annoyance',
      kind: 'evokes',
      method: 'corpus',
      path: 'corpus:toy-corpus',
    });
    expect(idiot.senses[0]!.evidence[0]).toMatch(/^toy-corpus: 12 of 14 documents carry anger \(lift \d+\.\d\d\)$/);
    expect(byLemma.get('splendid')!.senses[0]!.emotion).toBe('https://w3id.org/emokb/emotion/joy-primary');
    // "parking" is everywhere, background included: no lift. "zebra": too few documents. Stop words never.
    expect(byLemma.has('parking')).toBe(false);
    expect(byLemma.has('zebra')).toBe(false);
    expect(byLemma.has('the')).toBe(false);
  });

  it('weights by lift and leaves out words the lexicon already has', () => {
    const all = corpusCandidates(kb, wn, corpus(), { scheme: 'toy', source: 's', minDocuments: 5 });
    const worst = all.candidates.find((c) => c.lemma === 'worst')!;
    const idiot = all.candidates.find((c) => c.lemma === 'idiot')!;
    expect(worst.senses[0]!.weight).toBeGreaterThan(idiot.senses[0]!.weight); // 12 of 12 beats 12 of 14
    const known = corpusCandidates(kb, wn, corpus(), { scheme: 'toy', source: 's', minDocuments: 5, isKnown: (word) => word === 'idiot' });
    expect(known.candidates.map((c) => c.lemma)).not.toContain('idiot');
  });

  it('groups inflected forms under their WordNet lemma with its part of speech', () => {
    const docs = [...corpus(), ...Array.from({ length: 8 }, () => ({ text: 'They angered me again', labels: ['mad'] }))];
    const result = corpusCandidates(kb, wn, docs, { scheme: 'toy', source: 's', minDocuments: 5 });
    const anger = result.candidates.find((c) => c.lemma === 'anger');
    expect(anger?.pos).toBe('verb');
    expect(anger?.senses[0]!.evidence[1]).toBe('surface forms: angered');
  });

  it('proposes again a word rejected as a WordNet proposal only when told to, never one rejected from the corpus', () => {
    // The WordNet pipeline rejects "cool" outright (too common); in this corpus it comes with joy.
    const emotionality = new Emotionality(wn);
    const proposals = expand(kb, {
      wn,
      vectors: fixtureVectors(),
      emotionality,
      generator: new CandidateGenerator(wn, emotionality),
    }).candidates;
    const time = '2026-01-01T00:00:00.000Z';
    const withWordNet = KnowledgeBase.fromQuads([...kb.quads, ...planCandidates(kb, proposals, { time }).add], 3);
    expect([...lexicalEntries(withWordNet).values()].find((e) => e.lemma === 'cool')?.status).toBe('rejected');
    const docs = [...corpus(), ...Array.from({ length: 8 }, () => ({ text: 'So cool, thank you', labels: ['happy'] }))];
    const cool = corpusCandidates(withWordNet, wn, docs, { scheme: 'toy', source: 's', minDocuments: 5 }).candidates.filter(
      (c) => c.lemma === 'cool',
    );
    expect(cool).toHaveLength(1);

    expect(planCandidates(withWordNet, cool, { time }).kept.rejected).toBe(1);
    const plan = planCandidates(withWordNet, cool, { time, replaces: replacesWordNetRejection });
    expect(plan).toMatchObject({ replaced: 1, added: { candidates: 1, rejected: 0 } });
    const replaced = KnowledgeBase.fromQuads([...withWordNet.quads.filter((q) => !plan.remove.includes(q)), ...plan.add], 4);
    const entry = [...lexicalEntries(replaced).values()].find((e) => e.lemma === 'cool')!;
    expect(entry.status).toBe('candidate');
    expect(entry.senses.map((s) => s.method)).toEqual(['corpus']);

    // Rejected from the corpus: stays rejected on the next run.
    const rejected = KnowledgeBase.fromQuads(
      replaced.quads.map((q) =>
        q.object.value.endsWith('#Candidate')
          ? DataFactory.quad(q.subject, q.predicate, DataFactory.namedNode(q.object.value.replace('#Candidate', '#Rejected')), q.graph)
          : q,
      ),
      5,
    );
    const rerun = planCandidates(rejected, cool, { time, replaces: replacesWordNetRejection });
    expect(rerun).toMatchObject({ replaced: 0, add: [], kept: { rejected: 1 } });

    // Accepted, then taken back by a reviewer (corrections.tsv): a judgement of the word, which
    // no corpus run reopens.
    const review = (base: KnowledgeBase, action: 'accept' | 'reject', version: number) => {
      const entries = lexicalEntries(base);
      const plan = planDecisions(entries, resolveDecisions(base, entries, [{ term: 'cool', action }]), { reviewer: 'r', time });
      return KnowledgeBase.fromQuads([...base.quads.filter((q) => !plan.remove.includes(q)), ...plan.add], version);
    };
    // A corpus candidate reassigned by the reviewer keeps its counts as evidence.
    {
      const entries = lexicalEntries(replaced);
      const plan = planDecisions(
        entries,
        resolveDecisions(replaced, entries, [{ term: 'cool', action: 'reassign', emotions: [{ emotion: 'joy-primary' }] }]),
        { reviewer: 'r', time },
      );
      const evidence = plan.add.filter((q) => q.predicate.value.endsWith('#evidence')).map((q) => q.object.value);
      expect(evidence).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^s: 8 of \d+ documents carry joy \(lift/),
          'surface forms: cool',
          expect.stringMatching(/^reassigned-from:/),
        ]),
      );
    }
    const takenBack = review(review(withWordNet, 'accept', 6), 'reject', 7);
    expect([...lexicalEntries(takenBack).values()].find((e) => e.lemma === 'cool')?.status).toBe('rejected');
    expect(planCandidates(takenBack, cool, { time, replaces: replacesWordNetRejection })).toMatchObject({
      replaced: 0,
      add: [],
      kept: { rejected: 1 },
    });
  });

  it('refuses a scheme the knowledge base has no crosswalk for, and a corpus with no mapped label', () => {
    expect(() => corpusCandidates(kb, wn, corpus(), { scheme: 'nope', source: 's' })).toThrow(/no crosswalk mappings for "nope"/);
    expect(() => corpusCandidates(kb, wn, [{ text: 'x', labels: ['neutral'] }], { scheme: 'toy', source: 's' })).toThrow(
      /no document label maps/,
    );
  });
});

describe('corpus parts', () => {
  it('splits a file into interleaved parts by line number, so one part can be held out', () => {
    const content = 'a\tmad\nb\tmad\nc\tmad\nd\tmad\ne\tmad\n';
    const texts = (part: string) => parseLabelledCorpus(content, 'c.tsv', undefined, parsePart(part)).map((d) => d.text);
    expect(texts('1/2')).toEqual(['a', 'c', 'e']);
    expect(texts('2/2')).toEqual(['b', 'd']);
    expect(texts('1/1')).toEqual(['a', 'b', 'c', 'd', 'e']);
    for (let line = 1; line <= 12; line++) expect([1, 2, 3].filter((i) => inPart(line, { index: i, of: 3 }))).toHaveLength(1);
    for (const bad of ['0/2', '3/2', '1/0', 'half', '1/2/3', '1/99999999999999999999'])
      expect(() => parsePart(bad)).toThrow(`--part: "${bad}" is not a part I/N`);
  });
});

describe('parseLabelledCorpus', () => {
  it('reads TSV with label names or indices, and JSON Lines', () => {
    expect(parseLabelledCorpus('one\tmad,happy\textra\n\ntwo\thappy\n', 'c.tsv')).toEqual([
      { text: 'one', labels: ['mad', 'happy'], at: 'c.tsv:1' },
      { text: 'two', labels: ['happy'], at: 'c.tsv:3' },
    ]);
    expect(parseLabelledCorpus('{not json}\t1\n', 'c.tsv', parseLabelNames('mad\nhappy\n', 'n.txt'))[0]!.labels).toEqual(['happy']);
    // Ids that do not start at 0 (XED: 1 = anger ...), given as ID<TAB>NAME lines.
    expect(parseLabelledCorpus('x\t1, 8\n', 'c.tsv', parseLabelNames('1\tanger\n8\ttrust\n', 'n.tsv'))[0]!.labels).toEqual([
      'anger',
      'trust',
    ]);
    expect(parseLabelledCorpus('{"text":"a","labels":["mad"]}\n', 'c.jsonl')[0]).toMatchObject({ text: 'a', labels: ['mad'] });
  });

  it('names the file and line of a malformed line', () => {
    const fails = (content: string, file: string, names?: string) => {
      try {
        parseLabelledCorpus(content, file, names === undefined ? undefined : parseLabelNames(names, 'n.txt'));
      } catch (error) {
        expect(error).toBeInstanceOf(EmokbError);
        expect((error as EmokbError).code).toBe('BAD_INPUT');
        return (error as Error).message;
      }
      throw new Error('no error');
    };
    expect(fails('ok\tmad\nno tab here\n', 'c.tsv')).toBe('c.tsv:2: expected text<TAB>labels');
    expect(fails('a\t7\n', 'c.tsv', 'mad\n')).toBe('c.tsv:1: label "7" is not one of the 1 label ids (0)');
    expect(fails('a\t1\n', 'c.tsv', '1\tanger\n\nfear\n')).toBe(
      'n.txt:3: "fear": expected one NAME a line, or ID<TAB>NAME lines with distinct whole-number ids',
    );
    expect(fails('a\t1\n', 'c.tsv', '\n\n')).toBe('n.txt: no label names');
    expect(fails('a\t1\n', 'c.tsv', 'mad\n\nhappy\n')).toBe("n.txt:2: a blank line among names (each line's position is its id)");
    expect(fails('{"text": 1, "labels": []}\n', 'c.jsonl')).toMatch(/^c\.jsonl:1: expected \{"text"/);
    expect(fails('{oops\n', 'c.jsonl')).toMatch(/^c\.jsonl:1: not valid JSON/);
  });
});
