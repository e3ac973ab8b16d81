// isOppositeOf from antonymy. Two emotions are proposed as opposites when WordNet's antonym
// pointers join their terms: for every term of A (label, lemmas of its chosen WordNet senses,
// accepted lexicon names) the antonyms of that word in its emotional senses, directly
// (joy ! sorrow) or through the adjectives the nouns derive from (hopefulness ~ hopeful ! hopeless
// ~ hopelessness), landing on a term of B. All term pairs are aggregated per emotion pair with
// counts. Constraints: one emotion positive and the other negative (antonymy between words of the
// same valence, such as calmness ! agitation, is about arousal, not contrary feelings), the same
// tier (a term shared by namesakes such as joy-primary and joy-tertiary pairs each node only with
// its peer), never an emotion and its ancestor. Plutchik's opposite pairs (joy-sadness,
// trust-disgust, fear-anger, surprise-anticipation) are proposed where the crosswalk reaches both
// sides, whatever the valence (Plutchik's axes are not valence), and an antonymy edge between two
// families that Plutchik opposes says so in its evidence and scores higher.
import type { Emotion } from '../kb/Emotion.js';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import type { Synset } from '../wordnet/wordnet.js';
import type { EdgeProposal } from '../kb/edges.js';
import type { EmotionTerms } from './terms.js';

export const PLUTCHIK_OPPOSITES: ReadonlyArray<readonly [string, string]> = [
  ['joy', 'sadness'],
  ['trust', 'disgust'],
  ['fear', 'anger'],
  ['surprise', 'anticipation'],
];

/**
 * The other rings of Plutchik's wheel (1980; 2001, "The Nature of Emotions", American Scientist 89):
 * each opposite pair at its intense, basic and mild intensity. Where both names are Parrott
 * tertiaries they are proposed at that tier (the primaries are paired through the crosswalk above).
 */
export const PLUTCHIK_RING_OPPOSITES: ReadonlyArray<readonly [string, string, string]> = [
  ['ecstasy', 'grief', 'intense'],
  ['admiration', 'loathing', 'intense'],
  ['terror', 'rage', 'intense'],
  ['amazement', 'vigilance', 'intense'],
  ['joy', 'sadness', 'basic'],
  ['trust', 'disgust', 'basic'],
  ['fear', 'anger', 'basic'],
  ['surprise', 'anticipation', 'basic'],
  ['serenity', 'pensiveness', 'mild'],
  ['acceptance', 'boredom', 'mild'],
  ['apprehension', 'annoyance', 'mild'],
  ['distraction', 'interest', 'mild'],
];

interface Support {
  a: string;
  b: string;
  pair: string;
  weight: number;
}

/** Antonym pointers leaving `word` in `synset`: direct, and through a derived adjective. */
function antonymsOf(
  terms: EmotionTerms,
  synset: Synset,
  word: string,
): Array<{ word: string; synset: string; path: string; factor: number }> {
  const wn = terms.wn;
  const out: Array<{ word: string; synset: string; path: string; factor: number }> = [];
  for (const { synset: t, word: w } of wn.related(synset, '!', word)) {
    for (const target of w ? [w] : t.words)
      out.push({ word: target.toLowerCase(), synset: t.name, path: `${word} (${synset.name}) ! ${target} (${t.name})`, factor: 1 });
  }
  for (const { synset: adj, word: adjWord } of wn.related(synset, '+', word)) {
    if (adj.pos !== 'a' || !adjWord) continue;
    for (const { synset: anti, word: antiWord } of wn.related(adj, '!', adjWord)) {
      if (!antiWord) continue;
      for (const { synset: noun, word: nounWord } of wn.related(anti, '+', antiWord)) {
        if (noun.pos !== 'n' || !nounWord || terms.emotionality.score(noun) < 0.9) continue;
        out.push({
          word: nounWord.toLowerCase(),
          synset: noun.name,
          path: `${word} (${synset.name}) ~ ${adjWord} ! ${antiWord} (${anti.name}) ~ ${nounWord} (${noun.name})`,
          factor: 0.8,
        });
      }
    }
  }
  return out;
}

export interface OppositeOptions {
  /** Only edges with this emotion on one side. */
  emotion?: Emotion;
}

export function proposeOpposites(terms: EmotionTerms, options: OppositeOptions = {}): EdgeProposal[] {
  const { kb, wn } = terms;
  const support = new Map<string, Support[]>();
  for (const a of kb.emotions()) {
    const seeds = terms.seeds(a.iri);
    for (const t of terms.termsOf(a.iri).values()) {
      // The senses a term is read in: the emotion's chosen senses that contain it, else the term's
      // own emotional noun and adjective senses.
      let senses = seeds.filter((s) => s.words.some((w) => w.toLowerCase() === t.term));
      if (!senses.length) senses = [...wn.lookup(t.term, 'n'), ...wn.lookup(t.term, 'a')].filter((s) => terms.emotionality.score(s) >= 0.9);
      for (const s of senses) {
        for (const anti of antonymsOf(terms, s, t.term)) {
          for (const target of targetsOf(terms, anti)) {
            const b = kb.emotion(target.emotion)!;
            if (!admissible(kb, a, b)) continue;
            const key = [a.iri, b.iri].sort().join(' ');
            const list = support.get(key) ?? (support.set(key, []), support.get(key)!);
            const [first, second] = a.iri < b.iri ? [t, target] : [target, t];
            list.push({
              a: first.term,
              b: second.term,
              pair: `${label(kb, a.iri < b.iri ? a : b)} "${first.term}" / ${label(kb, a.iri < b.iri ? b : a)} "${second.term}": ${a.iri < b.iri ? anti.path : reversePath(anti.path)}`,
              weight: t.strength * target.strength * anti.factor,
            });
          }
        }
      }
    }
  }
  const plutchik = plutchikPairs(kb);
  const out: EdgeProposal[] = [];
  for (const [key, list] of support) {
    const [x, y] = key.split(' ') as [string, string];
    const a = kb.emotion(x)!,
      b = kb.emotion(y)!;
    if (a.valence === b.valence || a.valence === 'ambiguous' || b.valence === 'ambiguous') continue;
    // Each pointer is found from both ends; count distinct term pairs.
    const pairs = new Map<string, Support>();
    for (const s of list) {
      const k = [s.a, s.b].join('|');
      if (!pairs.has(k) || pairs.get(k)!.weight < s.weight) pairs.set(k, s);
    }
    const distinct = [...pairs.values()].sort((p, q) => q.weight - p.weight || p.pair.localeCompare(q.pair));
    let score = 1 - distinct.reduce((acc, s) => acc * (1 - 0.75 * s.weight), 1);
    const evidence = [
      `${distinct.length} antonymous term pair(s) (WordNet ${wn.version}):`,
      ...distinct.map((s) => `term pair: ${s.pair}`),
    ];
    const agreement = plutchikAgreement(kb, a, b, plutchik);
    const methods = ['wordnet-antonymy'];
    if (agreement) {
      evidence.push(agreement);
      score = Math.min(1, score + 0.1);
      methods.push('plutchik-agreement');
    }
    out.push({ type: 'opposite', from: a.iri, to: [b.iri], methods, evidence, score });
  }
  for (const p of plutchik.pairs) {
    const existing = out.find((o) => (o.from === p.a.iri && o.to[0] === p.b.iri) || (o.from === p.b.iri && o.to[0] === p.a.iri));
    const line = `Plutchik's wheel sets ${p.x} against ${p.y}; crosswalk: ${p.via}`;
    if (existing) {
      existing.methods.push('plutchik-opposites');
      existing.evidence.push(line);
      existing.score = Math.min(1, existing.score + 0.2);
    } else if (admissible(kb, p.a, p.b)) {
      out.push({ type: 'opposite', from: p.a.iri, to: [p.b.iri], methods: ['plutchik-opposites'], evidence: [line], score: 0.8 });
    }
  }
  for (const [x, y, ring] of PLUTCHIK_RING_OPPOSITES) {
    const [a, b] = [x, y].map((l) => kb.byLabel(l).find((e) => e.tier === 'tertiary'));
    if (!a || !b || !admissible(kb, a, b)) continue;
    const line = `Plutchik's wheel sets ${x} against ${y} on its ${ring} ring (Plutchik 2001, American Scientist 89); Parrott's tertiaries ${a.id} and ${b.id}`;
    const existing = out.find((o) => (o.from === a.iri && o.to[0] === b.iri) || (o.from === b.iri && o.to[0] === a.iri));
    if (existing) {
      existing.methods.push('plutchik-opposites');
      existing.evidence.push(line);
      existing.score = Math.min(1, existing.score + 0.2);
    } else out.push({ type: 'opposite', from: a.iri, to: [b.iri], methods: ['plutchik-opposites'], evidence: [line], score: 0.7 });
  }
  const scope = options.emotion?.iri;
  return out.filter((p) => !scope || p.from === scope || p.to[0] === scope);
}

/**
 * The emotions an antonym lands on: those with the word as their label or lexicon name, or as a
 * lemma of the very sense the pointer reaches (sorrow.n.01, not sorrow.n.02 "regret"). A word no
 * emotion has is tried without -fulness ("hopefulness": hope), as a weaker match.
 */
function targetsOf(
  terms: EmotionTerms,
  anti: { word: string; synset: string },
): Array<{ emotion: string; term: string; strength: number }> {
  const fits = (s: { via: string }) => !s.via.startsWith('wordnet:') || s.via === `wordnet:${anti.synset}`;
  const direct = terms.emotionsOf(anti.word).filter(fits);
  if (direct.length) return direct;
  const stem = anti.word.replace(/fulness$/, '');
  if (stem === anti.word) return [];
  return terms
    .emotionsOf(stem)
    .filter((s) => s.via === 'label')
    .map((s) => ({ ...s, strength: s.strength * 0.8 }));
}

function admissible(kb: KnowledgeBase, a: Emotion, b: Emotion): boolean {
  if (a.iri === b.iri || a.tier !== b.tier) return false;
  return !kb.ancestors(a.iri).some((e) => e.iri === b.iri) && !kb.ancestors(b.iri).some((e) => e.iri === a.iri);
}

function label(kb: KnowledgeBase, e: Emotion): string {
  return e.id;
}

function reversePath(path: string): string {
  return `${path} (read from the other end)`;
}

interface PlutchikIndex {
  /** Plutchik notation -> the Parrott nodes mapped to it, with the mapping for the evidence. */
  nodes: Map<string, Array<{ emotion: Emotion; relation: string }>>;
  pairs: Array<{ x: string; y: string; a: Emotion; b: Emotion; via: string }>;
}

export function plutchikPairs(kb: KnowledgeBase): PlutchikIndex {
  const nodes = new Map<string, Array<{ emotion: Emotion; relation: string }>>();
  for (const m of kb.mappings('plutchik')) {
    const e = kb.emotion(m.emotion);
    if (!e) continue;
    (nodes.get(m.notation) ?? (nodes.set(m.notation, []), nodes.get(m.notation)!)).push({ emotion: e, relation: m.relation });
  }
  const pairs: PlutchikIndex['pairs'] = [];
  for (const [x, y] of PLUTCHIK_OPPOSITES) {
    for (const a of nodes.get(x) ?? []) {
      for (const b of nodes.get(y) ?? []) {
        // Pair the crosswalk's nodes at one tier; the primaries here (joy, sadness, fear, anger).
        if (a.emotion.tier !== b.emotion.tier) continue;
        pairs.push({
          x,
          y,
          a: a.emotion,
          b: b.emotion,
          via: `${a.emotion.id} ${a.relation} plutchik:${x}, ${b.emotion.id} ${b.relation} plutchik:${y}`,
        });
      }
    }
  }
  return { nodes, pairs };
}

/** Whether the families of a and b are nodes Plutchik sets against each other. */
function plutchikAgreement(kb: KnowledgeBase, a: Emotion, b: Emotion, index: PlutchikIndex): string | undefined {
  const root = (e: Emotion) => kb.path(e.iri)[0]!;
  const ra = root(a),
    rb = root(b);
  const pair = index.pairs.find((p) => (p.a.iri === ra.iri && p.b.iri === rb.iri) || (p.a.iri === rb.iri && p.b.iri === ra.iri));
  return pair
    ? `agrees with Plutchik's opposite pair ${pair.x}-${pair.y}: ${a.id} is in the ${ra.label} family, ${b.id} in the ${rb.label} family (${pair.via})`
    : undefined;
}
