// The dependency linkers: one per relation type (opposites.ts, composition.ts, transition.ts)
// over one shared set of emotion terms (terms.ts), proposing edges with evidence (edges.ts) that
// `emokb link review` accepts or rejects (review.ts). `emokb link propose` is src/cli/link.ts.
import { DataFactory } from '../rdf/n3.js';
import type { Emotion } from '../kb/Emotion.js';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import { GraphView } from '../kb/GraphView.js';
import { Emotionality } from '../wordnet/emotional.js';
import { WordNet } from '../wordnet/wordnet.js';
import { EMO, RDF } from '../rdf/namespaces.js';
import type { EdgeProposal, LinkType } from '../kb/edges.js';
import { normaliseProposal } from './edges.js';
import { proposeAppraisalCompositions, proposeAppraisalOpposites } from './appraisal.js';
import { RelationChecks } from './checks.js';
import { proposeCompositions } from './composition.js';
import { proposeOpposites } from './opposites.js';
import { EmotionTerms } from './terms.js';
import { proposeTransitions } from './transition.js';

const { namedNode, quad } = DataFactory;

export * from './edges.js';
export { EmotionTerms } from './terms.js';

export interface LinkerResources {
  wn: WordNet;
  emotionality: Emotionality;
}

export async function loadLinkerResources(options: { cache?: string } = {}): Promise<LinkerResources> {
  const wn = await WordNet.load(options);
  return { wn, emotionality: new Emotionality(wn) };
}

/**
 * Runs one linker over the snapshot, with the appraisal-theory proposals of its type; proposals of
 * one edge from several methods are merged (every method and evidence line kept), those the
 * structural checks refuse (checks.ts) are dropped, and the rest are normalised and sorted by edge.
 */
export function propose(
  kb: KnowledgeBase,
  resources: LinkerResources,
  type: LinkType,
  options: { emotion?: Emotion; terms?: EmotionTerms } = {},
): EdgeProposal[] {
  const terms = options.terms ?? new EmotionTerms(kb, resources.wn, resources.emotionality);
  const scope = options.emotion ? { emotion: options.emotion } : {};
  const raw =
    type === 'opposite'
      ? [...proposeOpposites(terms, scope), ...inScope(proposeAppraisalOpposites(kb), options.emotion)]
      : type === 'composition'
        ? [...proposeCompositions(terms, scope), ...inScope(proposeAppraisalCompositions(kb), options.emotion)]
        : proposeTransitions(terms, scope);
  const checks = new RelationChecks(kb);
  const merged = new Map<string, EdgeProposal>();
  for (const p of raw.map(normaliseProposal)) {
    if (checks.refusal(p)) continue;
    const key = `${p.from} ${p.to.join(' ')} ${p.trigger ?? ''}`;
    const prior = merged.get(key);
    if (!prior) merged.set(key, p);
    else
      merged.set(
        key,
        normaliseProposal({
          ...prior,
          methods: [...prior.methods, ...p.methods],
          evidence: [...prior.evidence, ...p.evidence],
          score: Math.max(prior.score, p.score) + 0.1,
        }),
      );
  }
  return [...merged.values()].sort((a, b) =>
    (a.from + a.to.join() + (a.trigger ?? '')).localeCompare(b.from + b.to.join() + (b.trigger ?? '')),
  );
}

function inScope(list: EdgeProposal[], emotion?: Emotion): EdgeProposal[] {
  return emotion ? list.filter((p) => p.from === emotion.iri || p.to.includes(emotion.iri) || p.trigger === emotion.iri) : list;
}

/** Whether the relation a proposal describes is already asserted in the snapshot. */
export function isAsserted(kb: KnowledgeBase, p: EdgeProposal): boolean {
  const view = GraphView.of(kb);
  switch (p.type) {
    case 'opposite':
      return view.has(quad(namedNode(p.from), EMO.isOppositeOf, namedNode(p.to[0]!)));
    case 'composition':
      return p.to.every((c) => view.has(quad(namedNode(p.from), EMO.isComposedOf, namedNode(c))));
    case 'transition':
      return view
        .subjects(EMO.from, p.from)
        .some(
          (node) =>
            view.objects(node, RDF.type).some((t) => t.equals(EMO.Transition)) &&
            view.objects(node, EMO.to).some((t) => t.value === p.to[0]) &&
            view.objects(node, EMO.trigger).some((t) => t.value === p.trigger),
        );
  }
}
