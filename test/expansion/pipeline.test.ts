// Unit tests of the pipeline steps on the small fixtures: candidate paths, ambiguity,
// overlap resolution, candidate writing (idempotent, rejections kept) and review decisions.
import { describe, expect, it } from 'vitest';
import { ambiguityOf } from '../../src/expansion/ambiguity.js';
import { planCandidates } from '../../src/expansion/candidateStore.js';
import { lexicalEntries } from '../../src/kb/lexicalEntries.js';
import { CandidateGenerator } from '../../src/expansion/candidates.js';
import { Emotionality } from '../../src/wordnet/emotional.js';
import { chooseSeeds } from '../../src/wordnet/seeds.js';
import { EmotionProfiles, makeMethod, runCheck } from '../../src/expansion/overlap.js';
import { expand, type Resources } from '../../src/expansion/pipeline.js';
import { parseDecisionsJson, parseDecisionsTsv, planDecisions, resolveDecisions } from '../../src/expansion/review.js';
import { KnowledgeBase } from '../../src/kb/KnowledgeBase.js';
import { EmokbError } from '../../src/errors.js';
import { quadKey } from '../../src/rdf/turtle.js';
import { fixtureKb, fixtureVectors, fixtureWordNet } from './fixtures.js';

function resources(): Resources {
  const wn = fixtureWordNet();
  const emotionality = new Emotionality(wn);
  return { wn, vectors: fixtureVectors(), emotionality, generator: new CandidateGenerator(wn, emotionality) };
}

const TIME = '2026-01-02T03:04:05.000Z';

function withQuads(
  kb: KnowledgeBase,
  add: readonly import('@rdfjs/types').Quad[],
  remove: readonly import('@rdfjs/types').Quad[] = [],
): KnowledgeBase {
  const map = new Map(kb.quads.map((q) => [quadKey(q), q]));
  for (const q of remove) map.delete(quadKey(q));
  for (const q of add) map.set(quadKey(q), q);
  return KnowledgeBase.fromQuads([...map.values()], kb.version + 1);
}

describe('candidate generation', () => {
  it('follows synonyms, derivations, similar-to and pertainyms with the relation path', () => {
    const r = resources();
    const seed = chooseSeeds(r.wn, r.emotionality, fixtureKb().resolve('anger-primary'));
    const reaches = r.generator.generate(seed);
    const byLemma = new Map(reaches.map((x) => [`${x.lemma}|${x.pos}`, x]));
    expect(byLemma.get('ire|noun')?.path).toBe('wordnet:synonym:anger.n.01');
    expect(byLemma.get('angry|adjective')?.path).toBe('wordnet:synonym:anger.n.01>derivation:angry.a.01');
    expect(byLemma.get('angry|adjective')?.method).toBe('wordnet:derivation');
    expect(byLemma.get('furious|adjective')?.path).toMatch(/furious\.s\.02$/);
    expect(byLemma.get('huffy|adjective')?.path).toBe('wordnet:synonym:anger.n.01>derivation:angry.a.01>similar-to:mad.s.01');
    expect(byLemma.get('huffy|adjective')?.method).toBe('wordnet:similar-to');
    expect(byLemma.get('angrily|adverb')?.path).toMatch(/pertainym:angrily\.r\.01$/);
    // Never into non-emotional senses: the fashion sense of "rage" is not followed.
    expect(byLemma.has('fad|noun')).toBe(false);
    // Scores fall along the path.
    expect(byLemma.get('ire|noun')!.pathScore).toBeGreaterThan(byLemma.get('furious|adjective')!.pathScore);
  });
});

describe('ambiguity', () => {
  it('rejects a very common word and down-weights a word that is mostly not emotional', () => {
    const r = resources();
    const labels = new Set(['anger', 'rage']);
    const cool = ambiguityOf(r.wn, r.emotionality, r.vectors, 'cool', 'a', labels);
    expect(cool.reject).toMatch(/too common/);
    const rage = ambiguityOf(r.wn, r.emotionality, r.vectors, 'rage', 'n', labels);
    expect(rage.reject).toBeNull(); // an emotion's own label is never rejected
    expect(rage.share).toBeGreaterThan(0.8); // 21 of its 23 tagged uses are the feeling
    const ire = ambiguityOf(r.wn, r.emotionality, r.vectors, 'ire', 'n', labels);
    expect(ire.factor).toBeGreaterThan(cool.factor);
  });
});

describe('overlap resolution', () => {
  it('scores both methods and the combination on the held-out tertiary check set', () => {
    const r = resources();
    const kb = fixtureKb();
    const { seeds } = expand(kb, r);
    const profiles = new EmotionProfiles(kb, seeds);
    const placed: Record<string, string[]> = {};
    for (const name of ['vectors', 'gloss', 'combined'] as const) {
      const check = runCheck(name, profiles, r.vectors);
      expect(check.total).toBe(6);
      expect(check.correct + check.misses.length).toBe(check.total);
      expect(check.accuracy).toBeCloseTo(check.correct / 6, 3);
      const missed = new Set(check.misses.map((m) => m.tertiary));
      placed[name] = ['annoyance', 'delight', 'fury', 'glee', 'grouchiness', 'wrath'].filter((t) => !missed.has(t));
    }
    // On the fixture each method places a different part of the six; the combination places
    // what either does (the reason it exists), and so more than each alone.
    expect(placed).toEqual({
      vectors: ['annoyance', 'fury'],
      gloss: ['delight', 'fury', 'glee'],
      combined: ['annoyance', 'delight', 'fury', 'glee'],
    });
    // "fury" held out is nearest to "rage" by vectors (same topic axis).
    expect(runCheck('vectors', profiles, r.vectors).misses.map((m) => m.tertiary)).not.toContain('fury');
  });

  it('sends a word reached from several emotions to the closest one', () => {
    const r = resources();
    const kb = fixtureKb();
    const { seeds } = expand(kb, r);
    const method = makeMethod('vectors', new EmotionProfiles(kb, seeds), r.vectors);
    const furious = { lemma: 'furious' };
    expect(method.similarity(furious, kb.resolve('rage-secondary').iri)).toBeGreaterThan(
      method.similarity(furious, kb.resolve('joy-primary').iri),
    );
  });
});

describe('candidate store', () => {
  it('writes candidates once, keeps rejections and acceptances on re-runs', () => {
    const r = resources();
    let kb = fixtureKb();
    const first = expand(kb, r);
    expect(first.candidates.length).toBeGreaterThan(5);
    const plan = planCandidates(kb, first.candidates, { time: TIME });
    expect(plan.added.candidates).toBeGreaterThan(0);
    expect(plan.added.rejected).toBeGreaterThan(0); // "cool" (too common)
    kb = withQuads(kb, plan.add);
    const entries = lexicalEntries(kb);
    const cool = [...entries.values()].find((e) => e.lemma === 'cool');
    expect(cool?.status).toBe('rejected');
    const angry = [...entries.values()].find((e) => e.lemma === 'angry')!;
    expect(angry.status).toBe('candidate');
    expect(angry.senses[0]!.evidence.some((e) => e.startsWith('wordnet:synonym:anger.n.01>derivation:'))).toBe(true);
    expect(angry.senses[0]!.score).not.toBeNull();
    // Re-run: nothing new, nothing duplicated.
    const again = planCandidates(kb, expand(kb, r).candidates, { time: '2030-01-01T00:00:00.000Z' });
    expect(again.add).toEqual([]);
    expect(again.kept.rejected).toBeGreaterThan(0);
    // Deterministic: same input, same quads.
    const replay = planCandidates(fixtureKb(), expand(fixtureKb(), r).candidates, { time: TIME });
    expect(replay.add.map(quadKey).sort()).toEqual(plan.add.map(quadKey).sort());
  });
});

describe('review decisions', () => {
  function candidates() {
    const r = resources();
    const kb0 = fixtureKb();
    const kb = withQuads(kb0, planCandidates(kb0, expand(kb0, r).candidates, { time: TIME }).add);
    return { r, kb };
  }

  it('names the line of an unknown term or emotion and applies nothing', () => {
    const { kb } = candidates();
    const entries = lexicalEntries(kb);
    const bad = parseDecisionsTsv('angry\tadjective\taccept\nnope\tnoun\treject\n', 'd.tsv');
    expect(() => resolveDecisions(kb, entries, bad)).toThrowError(/d\.tsv:2: no candidate "nope"/);
    const badEmotion = parseDecisionsTsv('# comment\nangry\tadjective\treassign\tnosuch\n', 'd.tsv');
    expect(() => resolveDecisions(kb, entries, badEmotion)).toThrowError(/d\.tsv:2: unknown emotion "nosuch"/);
    expect(() => parseDecisionsTsv('angry\tadjective\tmaybe\n', 'd.tsv')).toThrowError(EmokbError);
    expect(() => parseDecisionsJson('[{"term":"angry","decision":"reassign"}]', 'd.json')).toThrowError(
      /d\.json\[0\]: reassign needs an emotion/,
    );
  });

  it('accepts, rejects, reassigns and adds, recording the reviewer and time', () => {
    const { kb } = candidates();
    const entries = lexicalEntries(kb);
    const decisions = resolveDecisions(
      kb,
      entries,
      parseDecisionsTsv(
        [
          'angry\tadjective\taccept',
          'ire\tnoun\treassign\tfury:0.7,wrath:0.2',
          'choler\tnoun\treject',
          'fed up\tadjective\tadd\tirritation-secondary\t\tidiom',
        ].join('\n'),
        'd.tsv',
      ),
    );
    const plan = planDecisions(entries, decisions, { reviewer: 'Rita Reviewer', time: TIME });
    expect(plan.counts).toMatchObject({ accept: 1, reassign: 1, reject: 1, add: 1 });
    const after = lexicalEntries(withQuads(kb, plan.add, plan.remove));
    const byLemma = (l: string) => [...after.values()].find((e) => e.lemma === l)!;
    expect(byLemma('angry').status).toBe('accepted');
    expect(byLemma('choler').status).toBe('rejected');
    const ire = byLemma('ire');
    expect(ire.status).toBe('accepted');
    expect(ire.senses.map((s) => [s.emotion.split('/').pop(), s.weight])).toEqual([
      ['fury', 0.7],
      ['wrath', 0.2],
    ]);
    expect(ire.senses[0]!.evidence.some((e) => e.startsWith('reassigned-from:'))).toBe(true);
    const fedUp = byLemma('fed up');
    expect(fedUp.senses[0]).toMatchObject({ method: 'manual', weight: 0.8, kind: 'names' });
    for (const e of [byLemma('angry'), ire, fedUp]) {
      expect(
        e.quads.some(
          (q) => q.predicate.value.endsWith('wasAttributedTo') && q.object.value === 'https://w3id.org/emokb/agent/Rita_Reviewer',
        ),
      ).toBe(true);
      expect(
        e.quads.some((q) => q.predicate.value.endsWith('generatedAtTime') && q.object.value === TIME && q.subject.value === e.iri),
      ).toBe(true);
    }
  });

  it('blocks a non-emotional expression with its reason, refusing one without a reason, with an emotion, or with no emotion word', () => {
    const { kb: kb0 } = candidates();
    const accepted = planDecisions(
      lexicalEntries(kb0),
      resolveDecisions(kb0, lexicalEntries(kb0), parseDecisionsTsv('angry\tadjective\taccept', 'd.tsv')),
      {
        reviewer: 'Rita Reviewer',
        time: TIME,
      },
    );
    const kb = withQuads(kb0, accepted.add, accepted.remove);
    const entries = lexicalEntries(kb);
    const decisions = resolveDecisions(kb, entries, parseDecisionsTsv('angry birds\t\tblock\t\t\ta game, not anger', 'd.tsv'));
    const plan = planDecisions(entries, decisions, { reviewer: 'Rita Reviewer', time: TIME });
    expect(plan.counts.block).toBe(1);
    const after = withQuads(kb, plan.add, plan.remove);
    const iri = 'https://w3id.org/emokb/lexicon/en/angry_birds-nonemotional';
    const blocks = after.quads.filter((q) => q.subject.value === iri && q.predicate.value.endsWith('#blocks')).map((q) => q.object.value);
    expect(blocks).toEqual(['https://w3id.org/emokb/lexicon/en/angry-adjective']);
    expect(
      after.quads.some((q) => q.subject.value === iri && q.predicate.value.endsWith('#evidence') && q.object.value === 'a game, not anger'),
    ).toBe(true);
    expect(() => parseDecisionsTsv('angry birds\t\tblock', 'd.tsv')).toThrowError(/d\.tsv:1: block needs the reason/);
    expect(() => parseDecisionsTsv('angry birds\t\tblock\tfury\t\ta game', 'd.tsv')).toThrowError(/block takes no emotion/);
    expect(() => resolveDecisions(kb, entries, parseDecisionsTsv('the table\t\tblock\t\t\tfurniture', 'd.tsv'))).toThrowError(
      /d\.tsv:1: "the table" holds no word the lexicon matches/,
    );
  });
});
