// The expansion pipeline end to end, as a pure computation over a snapshot and the compiled
// resources: seeds -> WordNet reaches -> overlap resolution -> ambiguity weighting -> candidates.
// Writing them to the store is candidateStore.ts; the CLI is src/cli/expand.ts.
import type { Emotion } from '../kb/Emotion.js';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import { EmokbError } from '../errors.js';
import type { PartOfSpeech, SenseKind } from '../kb/termQuads.js';
import { ambiguityOf, type Ambiguity } from './ambiguity.js';
import { CandidateGenerator, glossReaches, lexfileReaches, round, type Reach } from './candidates.js';
import { Emotionality } from '../wordnet/emotional.js';
import { EmotionProfiles, makeMethod, type OverlapMethod, type OverlapMethodName } from './overlap.js';
import { chooseSeeds, type Seed } from '../wordnet/seeds.js';
import { WordVectors } from './vectors.js';
import { WordNet, type Synset, type WnPos } from '../wordnet/wordnet.js';

export interface Resources {
  wn: WordNet;
  vectors: WordVectors;
  emotionality: Emotionality;
  generator: CandidateGenerator;
}

export async function loadResources(options: { cache?: string } = {}): Promise<Resources> {
  const wn = await WordNet.load(options);
  const vectors = await WordVectors.load(() => wordnetTokens(wn), options);
  const emotionality = new Emotionality(wn);
  return { wn, vectors, emotionality, generator: new CandidateGenerator(wn, emotionality) };
}

function* wordnetTokens(wn: WordNet): Iterable<string> {
  for (const key of wn.lemmaKeys()) yield* key.slice(0, key.lastIndexOf('|')).split(/[\s-]+/);
}

export interface CandidateSense {
  emotion: string;
  weight: number;
  /** The pipeline's confidence before the name/evoke factor: path score x ambiguity factor. */
  score: number;
  kind: SenseKind;
  method: string;
  path: string;
  evidence: string[];
}

export interface Candidate {
  lemma: string;
  /** Undefined for words WordNet does not have (interjections, slang) from the corpus source. */
  pos: PartOfSpeech | undefined;
  senses: CandidateSense[];
  /** WordNet-based ambiguity figures; null for corpus candidates, whose lift already measures it. */
  ambiguity: Ambiguity | null;
  /** WordNet sense the candidate came from (its gloss is shown at review); '' for corpus candidates. */
  synset: string;
  /** Set when the ambiguity rules reject the word outright. */
  rejected: string | null;
}

export interface ExpandOptions {
  /** Only candidates that resolve to these emotions (default: all). */
  scope?: ReadonlySet<string>;
  method?: OverlapMethodName;
  onProgress?: (done: number, total: number, label: string) => void;
}

export interface ExpandResult {
  seeds: Map<string, Seed>;
  candidates: Candidate[];
  reaches: number;
}

/** The overlap method kept after the check-set comparison (see README: vectors vs gloss). */
export const DEFAULT_METHOD: OverlapMethodName = 'combined';

/** Seed synonyms too broad or too physical to mark a gloss as emotional. */
const GLOSS_STOP = new Set([
  'belonging',
  'suffering',
  'distress',
  'hurt',
  'heart',
  'pleasure',
  'torture',
  'torment',
  'agony',
  'harassment',
  'desire',
  'passion',
  'madness',
  'temper',
  'wonder',
  'excruciation',
  'trouble',
  'concern',
  'caring',
  'satisfaction',
  'relief',
  'alleviation',
  'warmness',
  'tenderness',
  'attraction',
  'arousal',
  'rousing',
  'agitation',
  'depression',
  'defeat',
  'isolation',
  'neglect',
  'rejection',
  'insult',
  'shock',
  'alarm',
  'pride',
  'lightness',
  'gravity',
  'triumph',
  'zest',
  'relish',
  'gusto',
  'hunger',
  'hungriness',
  'thirst',
  'appetite',
  'delectation',
  'fascination',
  'enchantment',
  'captivation',
  'worship',
  'sympathy',
  'disgust',
  'despite',
  'feelings',
]);

/** Names a word; evokes: it tends to call the emotion up (weaker evidence). */
export const KIND_FACTOR: Record<SenseKind, number> = { names: 1, evokes: 0.6 };
/** Two emotions share a word only when the second is this close to the first (and in another family). */
const SPLIT_RATIO = 0.95;

const POS_LETTER: Record<PartOfSpeech, WnPos> = { noun: 'n', verb: 'v', adjective: 'a', adverb: 'r' };

export function expand(kb: KnowledgeBase, resources: Resources, options: ExpandOptions = {}): ExpandResult {
  const emotions = kb.emotions();
  if (!emotions.length) {
    throw new EmokbError(
      'NOT_FOUND',
      'the store holds no emotions: expansion needs the ontology (seed a fresh data directory, or `emokb import ontology/parrott.ttl`)',
    );
  }
  const { wn, vectors, emotionality, generator } = resources;
  const seeds = new Map<string, Seed>();
  const byWord = new Map<string, Reach[]>();
  let reaches = 0;
  emotions.forEach((emotion, i) => {
    const seed = chooseSeeds(wn, emotionality, emotion);
    seeds.set(emotion.iri, seed);
    for (const reach of generator.generate(seed)) {
      const key = `${reach.lemma.toLowerCase()}|${reach.pos}`;
      (byWord.get(key) ?? (byWord.set(key, []), byWord.get(key)!)).push(reach);
      reaches++;
    }
    options.onProgress?.(i + 1, emotions.length, emotion.label);
  });
  // Words the pointer pass tied to an emotion as (near) synonyms: the gloss pass looks for them.
  // Only words that are mostly emotional in use ("heart", "trouble", "wound" are not).
  const labels = new Set(emotions.map((e) => e.label.toLowerCase()));
  const lexicon = new Map<string, Set<string>>();
  const mostlyEmotional = new Map<string, boolean>();
  for (const list of byWord.values()) {
    for (const r of list) {
      if (
        r.pathScore < 1 ||
        GLOSS_STOP.has(r.lemma.toLowerCase()) ||
        r.kind !== 'names' ||
        r.lemma.includes(' ') ||
        (r.pos !== 'noun' && r.pos !== 'adjective')
      )
        continue;
      const key = r.lemma.toLowerCase();
      if (!mostlyEmotional.has(key)) {
        const a = ambiguityOf(wn, emotionality, vectors, key, POS_LETTER[r.pos], labels);
        mostlyEmotional.set(key, a.share >= 0.6 && !a.reject);
      }
      if (!mostlyEmotional.get(key)) continue;
      (lexicon.get(key) ?? (lexicon.set(key, new Set()), lexicon.get(key)!)).add(r.emotion);
    }
  }
  for (const reach of glossReaches(wn, emotionality, lexicon)) {
    const key = `${reach.lemma.toLowerCase()}|${reach.pos}`;
    (byWord.get(key) ?? (byWord.set(key, []), byWord.get(key)!)).push(reach);
    reaches++;
  }
  const profiles = new EmotionProfiles(kb, seeds);
  const method = makeMethod(options.method ?? DEFAULT_METHOD, profiles, vectors);
  const fallback = makeMethod(method.name === 'gloss' ? 'vectors' : 'gloss', profiles, vectors);
  // Feeling senses no seed reached: their nearest two emotions by the overlap method compete.
  const reached = new Set<number>();
  for (const list of byWord.values()) for (const r of list) reached.add(r.synset.index);
  const nearest = (synset: Synset) => {
    if (reached.has(synset.index)) return [];
    const word = { lemma: synset.words[0]!, synset };
    return emotions
      .map((e) => ({ iri: e.iri, sim: method.similarity(word, e.iri) }))
      .filter((x) => Number.isFinite(x.sim) && x.sim > 0)
      .sort((a, b) => b.sim - a.sim || a.iri.localeCompare(b.iri))
      .slice(0, 2)
      .map((x) => x.iri);
  };
  for (const reach of lexfileReaches(wn, emotionality, nearest)) {
    const key = `${reach.lemma.toLowerCase()}|${reach.pos}`;
    (byWord.get(key) ?? (byWord.set(key, []), byWord.get(key)!)).push(reach);
    reaches++;
  }
  const candidates: Candidate[] = [];
  for (const key of [...byWord.keys()].sort()) {
    const list = byWord.get(key)!;
    const candidate = resolve(kb, list, method, fallback);
    const first = list[0]!;
    const ambiguity = ambiguityOf(wn, emotionality, vectors, first.lemma, POS_LETTER[first.pos], labels);
    for (const sense of candidate.senses) {
      sense.score = round(sense.score * ambiguity.factor, 3);
      sense.weight = round(sense.weight * ambiguity.factor, 2);
      sense.evidence.push(
        `ambiguity:share=${ambiguity.share},senses=${ambiguity.senses},rank=${Number.isFinite(ambiguity.rank) ? ambiguity.rank : 'none'}`,
      );
    }
    if (options.scope && !candidate.senses.some((s) => options.scope!.has(s.emotion))) continue;
    candidates.push({ ...candidate, ambiguity, rejected: ambiguity.reject });
  }
  return { seeds, candidates, reaches };
}

function resolve(
  kb: KnowledgeBase,
  reaches: Reach[],
  method: OverlapMethod,
  fallback: OverlapMethod,
): Omit<Candidate, 'ambiguity' | 'rejected'> {
  // Best reach per emotion.
  const best = new Map<string, Reach>();
  for (const r of reaches) {
    const prev = best.get(r.emotion);
    if (!prev || r.pathScore > prev.pathScore || (r.pathScore === prev.pathScore && r.path < prev.path)) best.set(r.emotion, r);
  }
  const top = [...best.values()].sort((a, b) => b.pathScore - a.pathScore || a.path.localeCompare(b.path))[0]!;
  // A word reached from several children of one secondary may belong to the family as a whole.
  const parents = new Map<string, number>();
  for (const iri of best.keys()) {
    const p = kb.emotion(iri)?.parent;
    if (p && kb.emotion(p)?.tier === 'secondary') parents.set(p, (parents.get(p) ?? 0) + 1);
  }
  const options = new Map<string, Reach>(best);
  for (const [p, n] of parents)
    if (n >= 2 && !options.has(p)) options.set(p, { ...top, emotion: p, pathScore: round(top.pathScore * 0.95) });
  const word = { lemma: top.lemma, synset: top.synset };
  const scored = [...options.values()].map((r) => {
    let sim = method.similarity(word, r.emotion);
    let via = method.name;
    if (!Number.isFinite(sim)) ((sim = fallback.similarity(word, r.emotion)), (via = fallback.name));
    return { reach: r, sim: Number.isFinite(sim) ? sim : 0, via, combined: (Number.isFinite(sim) ? sim : 0) + 0.05 * r.pathScore };
  });
  scored.sort((a, b) => b.combined - a.combined || a.reach.emotion.localeCompare(b.reach.emotion));
  const winner = scored[0]!;
  const chosen = [winner];
  const second = scored[1];
  if (second && second.combined >= winner.combined * SPLIT_RATIO && differentFamilies(kb, winner.reach.emotion, second.reach.emotion))
    chosen.push(second);
  const total = chosen.reduce((s, c) => s + Math.max(c.combined, 1e-6), 0);
  const short = (iri: string) => `emotion:${kb.emotion(iri)?.id ?? iri}`;
  const senses = chosen.map((c): CandidateSense => {
    const share = chosen.length > 1 ? Math.max(c.combined, 1e-6) / total : 1;
    const base = KIND_FACTOR[c.reach.kind] * (0.7 + 0.3 * c.reach.pathScore);
    const evidence = [`overlap:${c.via}=${round(c.sim)}`];
    for (const other of scored) {
      if (other === c) continue;
      evidence.push(`competing:${short(other.reach.emotion)}=${round(other.sim)}:${other.reach.path}`);
    }
    if (chosen.length > 1) evidence.push(`split:${round(share)}`);
    return {
      emotion: c.reach.emotion,
      weight: round(base * share, 2),
      score: round(c.reach.pathScore, 3),
      kind: c.reach.kind,
      method: c.reach.method,
      path: c.reach.path,
      evidence: evidence.slice(0, 6),
    };
  });
  return { lemma: top.lemma, pos: top.pos, senses, synset: top.synset.name };
}

function differentFamilies(kb: KnowledgeBase, a: string, b: string): boolean {
  // A word of "anger" and of its descendant "fury" is one emotion at two depths, not two emotions.
  if (kb.ancestors(a).some((e) => e.iri === b) || kb.ancestors(b).some((e) => e.iri === a)) return false;
  const family = (iri: string) => {
    const path = kb.path(iri);
    return path.find((e) => e.tier === 'secondary')?.iri ?? path[0]?.iri ?? iri;
  };
  return family(a) !== family(b);
}

/** The emotion and its descendants. */
export function scopeOf(kb: KnowledgeBase, emotion: Emotion): Set<string> {
  return new Set([emotion.iri, ...kb.descendants(emotion.iri).map((e) => e.iri)]);
}
