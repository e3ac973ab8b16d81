// isComposedOf: a blend and its components. Two sources.
//  1. Text: our definition of the emotion, and the glosses of its chosen WordNet senses, joining
//     two emotion words with a mixing phrase ("hatred mixed with disgust", "fear mingled with
//     revulsion", "anger and ill will", "a blend of X and Y"). The genus of a definition alone
//     ("anger that grows...") is a hypernym, not a component, so a single emotion word never counts.
//  2. Plutchik's dyads (primary, secondary and tertiary dyads of his wheel) whose name is a Parrott
//     label and whose two components the crosswalk reaches. A component maps to the Parrott node
//     the crosswalk gives for it, taken down to its namesake tertiary (plutchik:sadness ~ the
//     primary Sadness -> the tertiary "sadness"): the specific emotion, never an ancestor of the blend.
// Components are never the blend itself, its ancestors or its descendants.
import type { Emotion } from '../kb/Emotion.js';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import type { EdgeProposal } from '../kb/edges.js';
import { plutchikPairs } from './opposites.js';
import type { EmotionTerms, Mention } from './terms.js';

/** Plutchik's dyads: [blend, component, component, kind]. (Plutchik 1980; 2001, "The Nature of Emotions".) */
export const PLUTCHIK_DYADS: ReadonlyArray<readonly [string, string, string, string]> = [
  ['love', 'joy', 'trust', 'primary'],
  ['submission', 'trust', 'fear', 'primary'],
  ['awe', 'fear', 'surprise', 'primary'],
  ['disapproval', 'surprise', 'sadness', 'primary'],
  ['remorse', 'sadness', 'disgust', 'primary'],
  ['contempt', 'disgust', 'anger', 'primary'],
  ['aggressiveness', 'anger', 'anticipation', 'primary'],
  ['optimism', 'anticipation', 'joy', 'primary'],
  ['guilt', 'joy', 'fear', 'secondary'],
  ['curiosity', 'trust', 'surprise', 'secondary'],
  ['despair', 'fear', 'sadness', 'secondary'],
  ['unbelief', 'surprise', 'disgust', 'secondary'],
  ['envy', 'sadness', 'anger', 'secondary'],
  ['cynicism', 'disgust', 'anticipation', 'secondary'],
  ['pride', 'anger', 'joy', 'secondary'],
  ['hope', 'anticipation', 'trust', 'secondary'],
  ['delight', 'joy', 'surprise', 'tertiary'],
  ['sentimentality', 'trust', 'sadness', 'tertiary'],
  ['shame', 'fear', 'disgust', 'tertiary'],
  ['outrage', 'surprise', 'anger', 'tertiary'],
  ['pessimism', 'sadness', 'anticipation', 'tertiary'],
  ['morbidness', 'disgust', 'joy', 'tertiary'],
  ['dominance', 'anger', 'trust', 'tertiary'],
  ['anxiety', 'anticipation', 'fear', 'tertiary'],
  // Further language labels Plutchik gave the same dyads (1962, The Emotions: Facts, Theories and a
  // New Model; listed again in Plutchik 1980, Emotion: A Psychoevolutionary Synthesis, ch. 8).
  ['alarm', 'fear', 'surprise', 'primary (1962 label)'],
  ['disappointment', 'surprise', 'sadness', 'primary (1962 label)'],
  ['misery', 'sadness', 'disgust', 'primary (1962 label)'],
  ['scorn', 'disgust', 'anger', 'primary (1962 label)'],
  ['hate', 'disgust', 'anger', 'primary (1962 label)'],
  ['resentment', 'disgust', 'anger', 'primary (1962 label)'],
  ['hostility', 'disgust', 'anger', 'primary (1962 label)'],
];

/** Between two emotion words: what makes them parts of one feeling. */
const MIXING =
  /^(?:\s*,\s*|\s+and\s+|\s*,?\s+(?:mixed|mingled|combined|blended|tinged|joined|fused|laced|coupled)\s+with\s+(?:[a-z-]+\s+)?|\s+(?:with|plus)\s+)$/i;
const BLEND_OF = /\b(?:blend|mixture|mix|combination|compound|fusion)\s+of\s+$/i;

export function proposeCompositions(terms: EmotionTerms, options: { emotion?: Emotion } = {}): EdgeProposal[] {
  const { kb } = terms;
  const out = new Map<string, EdgeProposal>();
  const add = (p: EdgeProposal) => {
    const key = `${p.from} ${[...p.to].sort().join(' ')}`;
    const prior = out.get(key);
    if (!prior) out.set(key, { ...p, to: [...p.to].sort() });
    else {
      prior.methods.push(...p.methods);
      prior.evidence.push(...p.evidence);
      prior.score = Math.min(1, Math.max(prior.score, p.score) + 0.15);
    }
  };

  // Only the specific emotions: a secondary's or primary's definition lists its members
  // ("feelings of sorrow and dejection"), which is the hierarchy, not a blend.
  for (const blend of kb.tier('tertiary')) {
    for (const { text, source } of terms.blendTexts(blend)) {
      const mentions = terms.mentions(text).filter((m) => !m.negated);
      const groups = mixedGroups(text, mentions);
      const genus = modifiedGenus(text, mentions);
      if (genus && !groups.some((g) => g[0] === genus[0])) groups.push(genus);
      for (const group of groups) {
        const components = uniqueNodes(group.map((m) => terms.resolveMention(m, blend)));
        if (components.length < 2) continue;
        add({
          type: 'composition',
          from: blend.iri,
          to: components.map((c) => c.iri),
          methods: [`${source.startsWith('definition') ? 'definition' : 'gloss'}-${group === genus ? 'modified-genus' : 'mixture'}`],
          evidence: [
            group === genus
              ? `${source}: "${text}" opens with ${group.map((m) => `"${m.text}"`).join(' ')}: the genus qualified by another feeling (${components.map((c) => c.id).join(' + ')})`
              : `${source}: "${text}" names ${group.map((m) => `"${m.text}"`).join(' and ')} as parts of one feeling (${components.map((c) => c.id).join(' + ')})`,
          ],
          score: source.startsWith('definition') ? 0.8 : 0.75,
        });
      }
    }
  }

  const { nodes } = plutchikPairs(kb);
  for (const [name, x, y, kind] of PLUTCHIK_DYADS) {
    const blends = kb.byLabel(name);
    if (!blends.length) continue;
    // The specific emotion: the tertiary namesake when the label names a cluster and its centre.
    const blend = [...blends].sort((a, b) => tierRank(a) - tierRank(b))[0]!;
    const parts = [x, y].map((p) => {
      const mapped = nodes.get(p)?.[0];
      if (!mapped) return undefined;
      return { plutchik: p, mapped, node: namesakeLeaf(kb, mapped.emotion) };
    });
    if (parts.some((p) => !p)) continue;
    const components = parts.map((p) => p!.node);
    const excluded = new Set([blend.iri, ...kb.ancestors(blend.iri).map((e) => e.iri), ...kb.descendants(blend.iri).map((e) => e.iri)]);
    if (components.some((c) => excluded.has(c.iri)) || components[0]!.iri === components[1]!.iri) continue;
    add({
      type: 'composition',
      from: blend.iri,
      to: components.map((c) => c.iri),
      methods: ['plutchik-dyad'],
      evidence: [
        `Plutchik's ${kind} dyad: ${name} = ${x} + ${y}; crosswalk: ${parts.map((p) => `plutchik:${p!.plutchik} ~ ${p!.mapped.emotion.id} (${p!.mapped.relation}) -> ${p!.node.id}`).join(', ')}`,
      ],
      score: 0.7,
    });
  }
  const scope = options.emotion?.iri;
  return [...out.values()].filter((p) => !scope || p.from === scope || p.to.includes(scope));
}

/** Runs of mentions joined by mixing phrases ("A mixed with B", "A, B and C", "a blend of A and B"). */
function mixedGroups(text: string, mentions: Mention[]): Mention[][] {
  const groups: Mention[][] = [];
  let current: Mention[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    const prev = current.at(-1);
    if (prev && MIXING.test(text.slice(prev.end, m.start))) current.push(m);
    else {
      if (current.length > 1) groups.push(current);
      current = [m];
    }
  }
  if (current.length > 1) groups.push(current);
  // "a blend of A and B" is a mixture even when the joiner is plain "and"; plain "A and B" is
  // accepted too (a definition listing two feelings as what the emotion is), but not "A or B".
  return groups.filter((g) => g.length >= 2 || BLEND_OF.test(text.slice(0, g[0]!.start)));
}

/**
 * The genus of a definition qualified by another feeling: "Sad yearning for home...", "Anxious,
 * resentful fear of losing...": emotion words at the very start (after at most two other
 * modifiers), joined by a space or a comma, the last of them the genus noun.
 */
function modifiedGenus(text: string, mentions: Mention[]): Mention[] | undefined {
  const first = mentions[0];
  if (!first) return undefined;
  const opening = text.slice(0, first.start).replace(/^(?:an?|the)\s+(?:feeling|state|sense)\s+of\s+/i, '');
  if (!/^(?:[A-Za-z-]+,?\s+){0,2}$/.test(opening)) return undefined;
  const run = [first];
  for (const m of mentions.slice(1)) {
    if (!/^,?\s+$/.test(text.slice(run.at(-1)!.end, m.start))) break;
    run.push(m);
  }
  return run.length >= 2 ? run : undefined;
}

function uniqueNodes(list: Array<Emotion | undefined>): Emotion[] {
  const seen = new Map<string, Emotion>();
  for (const e of list) if (e && !seen.has(e.iri)) seen.set(e.iri, e);
  return [...seen.values()];
}

function tierRank(e: Emotion): number {
  return e.tier === 'tertiary' ? 0 : e.tier === 'secondary' ? 1 : 2;
}

/** Down from a node through children of the same label to the most specific namesake. */
export function namesakeLeaf(kb: KnowledgeBase, e: Emotion): Emotion {
  let node = e;
  for (let depth = 0; depth < 3; depth++) {
    const same = kb.descendants(node.iri).find((c) => c.label.toLowerCase() === e.label.toLowerCase() && c.tier !== node.tier);
    if (!same) break;
    node = same;
  }
  return node;
}
