// GraphQL classify and classifyBatch through yoga.fetch (no socket).
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmokbYoga, type EmokbYoga } from '../../src/graphql/yoga.js';
import type { KnowledgeBase } from '../../src/kb/KnowledgeBase.js';
import { fixtureKb } from './helpers.js';

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
  matches { text start end lemma emotion emotionId path weight negated intensity kind via countedAs node { id tier } }`;

describe('classify', () => {
  it('returns the tagger contract', async () => {
    const r = await query(`query($t: String!) { classify(text: $t) { ${RESULT} } }`, { t: 'I am not happy, I am fed up!' });
    expect(r.errors).toBeUndefined();
    const c = r.data.classify;
    expect(c.id).toBeNull();
    expect(c.dominant).toEqual({
      primary: 'anger',
      secondary: 'exasperation',
      tertiary: null,
      emotions: [{ id: 'anger-primary' }, { id: 'exasperation-secondary' }],
    });
    expect(c.scores.primary).toEqual([{ label: 'anger', score: 1, emotion: { id: 'anger-primary' } }]);
    expect(c.scores.tertiary).toEqual([]);
    expect(c.matches).toHaveLength(2);
    expect(c.matches[0]).toMatchObject({
      text: 'happy',
      start: 9,
      end: 14,
      negated: true,
      kind: 'NAMES',
      via: 'derivation',
      node: { id: 'happiness', tier: 'TERTIARY' },
    });
    expect(c.matches[1]).toMatchObject({
      text: 'fed up',
      emotion: 'exasperation',
      emotionId: 'exasperation-secondary',
      path: ['anger', 'exasperation'],
    });
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

  it('takes punctuationCues: a question with no emotion word is weak surprise unless it is off', async () => {
    const r = await query(`{ on: classify(text: "Why?") { dominant { primary } matches { text lemma kind } }
      off: classify(text: "Why?", options: { punctuationCues: false }) { dominant { primary } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.on).toEqual({ dominant: { primary: 'surprise' }, matches: [{ text: '?', lemma: '?', kind: 'EVOKES' }] });
    expect(r.data.off.dominant.primary).toBeNull();
  });

  it('takes the appraisal options: a silent self-report gets a weak valence match unless valence is off', async () => {
    const r = await query(`{ on: classify(text: "I feel so talented") { dominant { primary } matches { text emotion rules } }
      off: classify(text: "I feel so talented", options: { valence: false }) { dominant { primary } }
      others: classify(text: "I feel so talented", options: { appraisal: false, evaluativeFrame: false, undergoer: false }) { dominant { primary } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.on).toEqual({
      dominant: { primary: 'joy' },
      matches: [{ text: 'talented', emotion: 'contentment', rules: ['appraisal-self', 'valence'] }],
    });
    expect(r.data.off.dominant.primary).toBeNull();
    expect(r.data.others.dominant.primary).toBe('joy');
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
