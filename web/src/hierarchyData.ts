// The whole hierarchy once per page load: every emotion with its parent and vocabulary size.
import { graphql } from './api.js';

export interface EmotionNode {
  id: string;
  label: string;
  tier: 'PRIMARY' | 'SECONDARY' | 'TERTIARY';
  definition: string;
  parent: { id: string } | null;
  terms: { totalCount: number };
  /** Label of its primary (itself for a primary). */
  primary: string;
}

const QUERY = `{ emotions(first: 500) { edges { node { id label tier definition parent { id } terms(first: 0) { totalCount } } } } }`;
let loaded: Promise<EmotionNode[]> | undefined;

export function allEmotions(): Promise<EmotionNode[]> {
  loaded ??= graphql<{ emotions: { edges: { node: Omit<EmotionNode, 'primary'> }[] } }>(QUERY).then(({ emotions }) => {
    const nodes = emotions.edges.map((e) => ({ ...e.node, primary: '' }));
    const byId = new Map(nodes.map((n) => [n.id, n]));
    for (const node of nodes) {
      let top = node;
      while (top.parent) top = byId.get(top.parent.id) ?? top;
      node.primary = top.label;
    }
    return nodes;
  });
  loaded.catch(() => (loaded = undefined));
  return loaded;
}
