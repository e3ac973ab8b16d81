// JSON for a TagResult, byte-identical to JSON.stringify(result), but faster on the hot path of
// `emokb tag`: the strings that repeat across documents (labels, paths, ids, lemmas) are escaped
// once and kept, so only the matched text and the numbers are formatted per match.
import type { DominantPath, SentenceResult, TagMatch, TagResult, TierScores } from './types.js';

const quoted = new Map<string, string>();
const QUOTED_LIMIT = 100_000;

/** JSON.stringify of a string that recurs (a label, an id, a lemma), memoised. */
function q(s: string): string {
  let j = quoted.get(s);
  if (j === undefined) {
    j = JSON.stringify(s);
    if (quoted.size < QUOTED_LIMIT) quoted.set(s, j);
  }
  return j;
}

const paths = new WeakMap<readonly string[], string>();
function path(p: readonly string[]): string {
  let j = paths.get(p);
  if (j === undefined) {
    j = `[${p.map(q).join(',')}]`;
    // Paths are shared frozen arrays per emotion: cache by identity.
    if (Object.isFrozen(p)) paths.set(p, j);
  }
  return j;
}

function label(s: string | null): string {
  return s === null ? 'null' : q(s);
}

function dominant(d: DominantPath): string {
  return `{"primary":${label(d.primary)},"secondary":${label(d.secondary)},"tertiary":${label(d.tertiary)}}`;
}

function scores(s: TierScores): string {
  let out = '{';
  let firstTier = true;
  for (const tier in s) {
    const values = s[tier as keyof TierScores];
    if (values === undefined) continue;
    out += `${firstTier ? '' : ','}${q(tier)}:{`;
    firstTier = false;
    let first = true;
    for (const key in values) {
      out += `${first ? '' : ','}${q(key)}:${JSON.stringify(values[key])}`;
      first = false;
    }
    out += '}';
  }
  return `${out}}`;
}

function match(m: TagMatch): string {
  let out =
    `{"text":${JSON.stringify(m.text)},"start":${m.start},"end":${m.end},"lemma":${q(m.lemma)},"emotion":${q(m.emotion)},` +
    `"emotionId":${q(m.emotionId)},"path":${path(m.path)},"weight":${JSON.stringify(m.weight)},"negated":${m.negated},` +
    `"intensity":${JSON.stringify(m.intensity)},"kind":${q(m.kind)},"via":${q(m.via)}`;
  if (m.countedAs !== undefined) out += `,"countedAs":${q(m.countedAs)}`;
  return `${out}}`;
}

function sentence(s: SentenceResult): string {
  return `{"start":${s.start},"end":${s.end},"dominant":${dominant(s.dominant)},"scores":${scores(s.scores)}}`;
}

/** The same string as JSON.stringify(result) for a result the tagger made. */
export function serializeResult(r: TagResult): string {
  let out = `{"id":${JSON.stringify(r.id)},"dominant":${dominant(r.dominant)},"scores":${scores(r.scores)}`;
  if (r.matches !== undefined) out += `,"matches":[${r.matches.map(match).join(',')}]`;
  if (r.sentences !== undefined) out += `,"sentences":[${r.sentences.map(sentence).join(',')}]`;
  return `${out}}`;
}
