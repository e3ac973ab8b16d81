// GraphQL classify and classifyBatch through yoga.fetch (no socket).
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmokbYoga, type EmokbYoga } from '../../src/graphql/yoga.js';
import type { KnowledgeBase } from '../../src/kb/KnowledgeBase.js';
import { fixtureKb, shippedKb } from './helpers.js';

let yoga: EmokbYoga;
let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await fixtureKb();
  yoga = createEmokbYoga({ snapshot: () => kb });
});

async function query(source: string, variables?: Record<string, unknown>) {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: source, variables }),
  });
  return (await response.json()) as { data?: any; errors?: any[] };
}

const RESULT = `id dominant { primary secondary tertiary emotions { id } } scores { primary { label score emotion { id } } secondary { label score } tertiary { label score } }
  matches { text start end lemma emotion emotionId path weight negated intensity kind via countedAs rules readAs readAsId node { id tier } }`;

describe('classify', () => {
  it('returns the tagger contract', async () => {
    const r = await query(`query($t: String!) { classify(text: $t) { ${RESULT} } }`, { t: 'I am not happy, I am fed up!' });
    expect(r.errors).toBeUndefined();
    const c = r.data.classify;
    expect(c.id).toBeNull();
    expect(c.dominant).toEqual({
      primary: 'anger',
      secondary: 'exasperation',
      tertiary: 'exasperation',
      emotions: [{ id: 'anger-primary' }, { id: 'exasperation-secondary' }, { id: 'exasperation-tertiary' }],
    });
    expect(c.scores.primary).toEqual([{ label: 'anger', score: 1, emotion: { id: 'anger-primary' } }]);
    expect(c.scores.tertiary).toEqual([{ label: 'exasperation', score: 1 }]);
    expect(c.matches).toHaveLength(2);
    expect(c.matches[0]).toMatchObject({
      text: 'happy',
      start: 9,
      end: 14,
      negated: true,
      kind: 'NAMES',
      via: 'derivation',
      node: { id: 'happiness', tier: 'TERTIARY' },
      rules: [],
      readAs: null,
      readAsId: null,
    });
    // a match on a secondary keeps its emotion and path, and says what it was read as
    expect(c.matches[1]).toMatchObject({
      text: 'fed up',
      emotion: 'exasperation',
      emotionId: 'exasperation-secondary',
      path: ['anger', 'exasperation'],
      rules: ['default-narrower'],
      readAs: ['anger', 'exasperation', 'exasperation'],
      readAsId: 'exasperation-tertiary',
    });
  });

  it('takes defaultNarrower: false leaves a broad match at its own tier', async () => {
    const r = await query(
      `{ classify(text: "fed up", options: { defaultNarrower: false }) { dominant { tertiary } matches { rules readAs } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.classify).toEqual({ dominant: { tertiary: null }, matches: [{ rules: [], readAs: null }] });
  });

  it('takes options: tiers, negation, perSentence, matches', async () => {
    const r = await query(
      `{ classify(text: "Not happy. Grief.", options: { tiers: [PRIMARY], negation: OPPOSITE, perSentence: true, matches: false }) {
      scores { primary { label score } secondary { label } } matches sentences { start end dominant { primary } } } }`.replace(
        'matches sentences',
        'matches { text } sentences',
      ),
    );
    expect(r.errors).toBeUndefined();
    const c = r.data.classify;
    expect(c.scores.secondary).toBeNull();
    expect(c.scores.primary).toEqual([{ label: 'sadness', score: 1 }]);
    expect(c.matches).toBeNull();
    expect(c.sentences).toEqual([
      { start: 0, end: 10, dominant: { primary: 'sadness' } },
      { start: 11, end: 17, dominant: { primary: 'sadness' } },
    ]);
  });

  it('takes punctuationCues and questionCue: an incredulous question with no emotion word is weak surprise', async () => {
    const r = await query(`{ on: classify(text: "Really?") { dominant { primary } matches { text lemma kind rules } }
      info: classify(text: "Why?") { dominant { primary } }
      any: classify(text: "Why?", options: { questionCue: ANY }) { dominant { primary } matches { rules } }
      off: classify(text: "Really?", options: { punctuationCues: false }) { dominant { primary } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.on).toEqual({
      dominant: { primary: 'surprise' },
      matches: [{ text: '?', lemma: '?', kind: 'EVOKES', rules: ['question-incredulity', 'default-narrower'] }],
    });
    expect(r.data.info.dominant.primary).toBeNull();
    expect(r.data.any).toEqual({ dominant: { primary: 'surprise' }, matches: [{ rules: ['default-narrower'] }] });
    expect(r.data.off.dominant.primary).toBeNull();
  });

  it('takes collocations: a non-emotional expression ("bittersweet chocolate") blocks the word inside it unless it is off', async () => {
    const { KnowledgeBase } = await import('../../src/kb/KnowledgeBase.js');
    const { nonEmotionalQuads } = await import('../../src/kb/nonEmotional.js');
    const blocker = nonEmotionalQuads({
      lemma: 'bittersweet chocolate',
      blocks: [],
      reason: 'a flavour, not a feeling',
      provenance: { method: 'manual', time: '2026-01-01T00:00:00Z' },
    });
    const blocked = KnowledgeBase.fromQuads([...kb.quads, ...blocker], kb.version + 1);
    const y = createEmokbYoga({ snapshot: () => blocked });
    const res = await y.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ on: classify(text: "bittersweet chocolate") { matches { text } }
          off: classify(text: "bittersweet chocolate", options: { collocations: false }) { matches { text } } }`,
      }),
    });
    const r = (await res.json()) as { data: any; errors?: unknown };
    expect(r.errors).toBeUndefined();
    expect(r.data.on.matches).toEqual([]);
    expect(r.data.off.matches.map((m: { text: string }) => m.text)).toContain('bittersweet');
  });

  it('takes the appraisal options: a silent self-report gets a weak valence match unless valence is off', async () => {
    const r = await query(`{ on: classify(text: "I feel so talented") { dominant { primary } matches { text emotion rules } }
      off: classify(text: "I feel so talented", options: { valence: false }) { dominant { primary } }
      others: classify(text: "I feel so talented", options: { appraisal: false, evaluativeFrame: false, undergoer: false }) { dominant { primary } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.on).toEqual({
      dominant: { primary: 'joy' },
      matches: [{ text: 'talented', emotion: 'contentment', rules: ['default-narrower', 'appraisal-self', 'valence'] }],
    });
    expect(r.data.off.dominant.primary).toBeNull();
    expect(r.data.others.dominant.primary).toBe('joy');
  });

  it('takes evaluativeInfinitive: "good to hear" is gladness unless it is off', async () => {
    const r = await query(`{ on: classify(text: "That's good to hear") { dominant { tertiary } matches { text rules } }
      off: classify(text: "That's good to hear", options: { evaluativeInfinitive: false }) { dominant { primary } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.on).toEqual({ dominant: { tertiary: 'gladness' }, matches: [{ text: 'good', rules: ['evaluative-infinitive'] }] });
    expect(r.data.off.dominant.primary).toBeNull();
  });

  it('takes apology, valenceFrames and stretchedSpellings', async () => {
    const r = await query(`{ on: classify(text: "Sorry, I messed up") { dominant { tertiary } matches { text rules } }
      off: classify(text: "Sorry, I messed up", options: { apology: false }) { dominant { tertiary } }
      frames: classify(text: "I was ambitious then.") { dominant { primary } }
      noFrames: classify(text: "I was ambitious then.", options: { valenceFrames: false }) { dominant { primary } }
      stretched: classify(text: "pure jooooy") { dominant { primary } }
      notStretched: classify(text: "pure jooooy", options: { stretchedSpellings: false }) { dominant { primary } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.on).toEqual({ dominant: { tertiary: 'regret' }, matches: [{ text: 'Sorry', rules: ['apology'] }] });
    expect(r.data.off.dominant.tertiary).toBeNull();
    expect(r.data.frames.dominant.primary).toBeNull();
    expect(r.data.noFrames.dominant.primary).toBe('joy');
    expect(r.data.stretched.dominant.primary).toBe('joy');
    expect(r.data.notStretched.dominant.primary).toBeNull();
  });

  it('takes tagQuestion, physicalSense, expressiveIntensifier, afraidHedge, quotedMention, wellWish, askedFeeling and conduciveQuestion (on the shipped lexicon: the fixture has none of their words)', async () => {
    const shipped = await shippedKb();
    const shippedYoga = createEmokbYoga({ snapshot: () => shipped });
    const response = await shippedYoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ tag: classify(text: "Nice day, huh?") { matches { text } }
      noTag: classify(text: "Nice day, huh?", options: { tagQuestion: false }) { matches { text } }
      body: classify(text: "My feet hurt.") { dominant { primary } }
      noBody: classify(text: "My feet hurt.", options: { physicalSense: false }) { dominant { primary } }
      swear: classify(text: "I fucking love it") { dominant { primary } matches { text } }
      noSwear: classify(text: "I fucking love it", options: { expressiveIntensifier: false }) { matches { text } }
      hedge: classify(text: "I'm afraid it can't be done.") { dominant { primary } }
      noHedge: classify(text: "I'm afraid it can't be done.", options: { afraidHedge: false }) { dominant { primary } }
      quoted: classify(text: "words like 'racist'") { matches { text } }
      notQuoted: classify(text: "words like 'racist'", options: { quotedMention: false }) { matches { text } }
      wish: classify(text: "Enjoy your stay.") { matches { text } }
      noWish: classify(text: "Enjoy your stay.", options: { wellWish: false }) { matches { text } }
      asked: classify(text: "Did you enjoy it?") { matches { text } }
      notAsked: classify(text: "Did you enjoy it?", options: { askedFeeling: false }) { matches { text } }
      conducive: classify(text: "Isn't it wonderful?") { dominant { primary } }
      notConducive: classify(text: "Isn't it wonderful?", options: { conduciveQuestion: false }) { dominant { primary } } }`,
      }),
    });
    const r = (await response.json()) as { data?: any; errors?: any[] };
    expect(r.errors).toBeUndefined();
    expect(r.data.tag.matches.map((m: { text: string }) => m.text)).not.toContain('huh');
    expect(r.data.noTag.matches.map((m: { text: string }) => m.text)).toContain('huh');
    expect(r.data.body.dominant.primary).toBeNull();
    expect(r.data.noBody.dominant.primary).toBe('sadness');
    expect(r.data.swear).toEqual({ dominant: { primary: 'love' }, matches: [{ text: 'love' }] });
    expect(r.data.noSwear.matches.map((m: { text: string }) => m.text)).toEqual(['fucking', 'love']);
    expect(r.data.hedge.dominant.primary).toBeNull();
    expect(r.data.noHedge.dominant.primary).toBe('fear');
    expect(r.data.quoted.matches).toEqual([]);
    expect(r.data.notQuoted.matches).toEqual([{ text: 'racist' }]);
    expect(r.data.wish.matches).toEqual([]);
    expect(r.data.noWish.matches).toEqual([{ text: 'Enjoy' }]);
    expect(r.data.asked.matches).toEqual([]);
    expect(r.data.notAsked.matches).toEqual([{ text: 'enjoy' }]);
    expect(r.data.conducive.dominant.primary).toBe('joy');
    expect(r.data.notConducive.dominant.primary).toBeNull();
  });

  it('classifyBatch keeps order and numbers the results', async () => {
    const r = await query(`{ classifyBatch(texts: ["joy", "", "terror"], options: { matches: false }) { id dominant { primary } } }`);
    expect(r.data.classifyBatch).toEqual([
      { id: '0', dominant: { primary: 'joy' } },
      { id: '1', dominant: { primary: null } },
      { id: '2', dominant: { primary: 'fear' } },
    ]);
  });

  it('rejects bad options as BAD_USER_INPUT naming the option', async () => {
    const r = await query(`{ classify(text: "x", options: { minScore: 1.5 }) { id } }`);
    expect(r.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'options.minScore' });
  });

  // Changed with the settings table: limits are given to the app, not read from process.env per
  // request, and an over-limit text is LIMIT_EXCEEDED (was BAD_USER_INPUT), like every other limit.
  it('enforces the configurable limits, naming the one exceeded', async () => {
    const limited = (limits: Record<string, number>) => {
      const app = createEmokbYoga({ snapshot: () => kb, limits });
      return async (source: string) =>
        (await (
          await app.fetch('http://localhost/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: source }),
          })
        ).json()) as any;
    };
    let r = await limited({ maxText: 10 })(`{ classify(text: "this is longer than ten") { id } }`);
    expect(r.errors![0].message).toMatch(/exceeds the limit of 10 \(maxText: --max-text or EMOKB_CLASSIFY_MAX_TEXT\)/);
    expect(r.errors![0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'maxText', max: 10 });
    r = await limited({ maxText: 10 })(`{ classifyBatch(texts: ["ok", "this is longer than ten"]) { id } }`);
    expect(r.errors![0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', argument: 'texts[1]', limit: 'maxText' });
    r = await limited({ maxBatch: 2 })(`{ classifyBatch(texts: ["a", "b", "c"]) { id } }`);
    expect(r.errors![0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'maxBatch', max: 2 });
    r = await limited({ maxBatchChars: 5 })(`{ classifyBatch(texts: ["abc", "def"]) { id } }`);
    expect(r.errors![0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'maxBatchChars', max: 5, actual: 6 });
  });

  it('defaults allow 100 texts of 100000 characters each within 1000000 in all', async () => {
    const r = await query(`query($t: [String!]!) { classifyBatch(texts: $t, options: { matches: false }) { id } }`, {
      t: Array.from({ length: 100 }, () => 'sad '.repeat(2500)),
    });
    expect(r.errors).toBeUndefined();
    expect(r.data.classifyBatch).toHaveLength(100);
  });
});
