// Resolvers read one immutable snapshot per request (taken in the context), so a request never
// mixes two versions of the knowledge base.
import type { Emotion, Mapping, Tier, Valence } from '../kb/Emotion.js';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import { normaliseLabel } from '../kb/KnowledgeBase.js';
import { classifyResolvers } from './classify.js';
import { badUserInput, translate } from './errors.js';
import { relationResolvers } from './relations.js';

export interface RequestContext {
  kb: KnowledgeBase;
}

type Args = Record<string, unknown>;
const MAX_PAGE = 500;

const lower = <T extends string>(value: unknown) => (typeof value === 'string' ? (value.toLowerCase() as T) : undefined);
const encodeCursor = (index: number) => Buffer.from(`emotion:${index}`).toString('base64url');
function decodeCursor(cursor: string): number {
  const match = /^emotion:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw badUserInput('after', `"${cursor}" is not a cursor returned by this API`);
  return Number(match[1]);
}

export const resolvers = {
  Query: {
    emotion(_: unknown, args: Args, { kb }: RequestContext): Emotion {
      const { id, label } = args as { id?: string | null; label?: string | null };
      const tier = lower<Tier>(args.tier);
      if ((id == null) === (label == null)) throw badUserInput(id == null ? 'id' : 'label', 'give exactly one of id and label');
      if (id != null) return translate(() => kb.resolve(id, tier));
      return translate(() => kb.resolveLabel(label!, tier));
    },
    emotions(_: unknown, args: Args, { kb }: RequestContext) {
      const first = (args.first as number | null) ?? 50;
      if (first < 0 || first > MAX_PAGE) throw badUserInput('first', `must be between 0 and ${MAX_PAGE}`);
      const tier = lower<Tier>(args.tier);
      const valence = lower<Valence>(args.valence);
      const search = typeof args.search === 'string' ? normaliseLabel(args.search) : '';
      const all = kb
        .emotions()
        .filter((e) => (!tier || e.tier === tier) && (!valence || e.valence === valence) && (!search || e.label.includes(search)));
      const start = typeof args.after === 'string' ? decodeCursor(args.after) + 1 : 0;
      const page = all.slice(start, start + first);
      return {
        edges: page.map((node, i) => ({ cursor: encodeCursor(start + i), node })),
        pageInfo: { hasNextPage: start + first < all.length, endCursor: page.length ? encodeCursor(start + page.length - 1) : null },
        totalCount: all.length,
      };
    },
    roots: (_: unknown, __: Args, { kb }: RequestContext) => kb.tier('primary'),
    mappings: (_: unknown, args: Args, { kb }: RequestContext) => kb.mappings(args.scheme as string | undefined),
    stats: (_: unknown, __: Args, { kb }: RequestContext) => kb.counts,
    version: (_: unknown, __: Args, { kb }: RequestContext) => ({ version: kb.version, contentHash: kb.contentHash }),
    ...classifyResolvers.Query,
  },
  Emotion: {
    tier: (e: Emotion) => e.tier.toUpperCase(),
    valence: (e: Emotion) => e.valence.toUpperCase(),
    parent: (e: Emotion, _: Args, { kb }: RequestContext) => kb.parent(e.iri),
    children: (e: Emotion, _: Args, { kb }: RequestContext) => kb.children(e.iri),
    ancestors: (e: Emotion, _: Args, { kb }: RequestContext) => kb.ancestors(e.iri),
    descendants: (e: Emotion, _: Args, { kb }: RequestContext) => kb.descendants(e.iri),
    siblings: (e: Emotion, _: Args, { kb }: RequestContext) => kb.siblings(e.iri),
    path: (e: Emotion, _: Args, { kb }: RequestContext) => kb.path(e.iri),
    mappings: (e: Emotion, _: Args, { kb }: RequestContext) => kb.mappings().filter((m) => m.emotion === e.iri),
    ...relationResolvers.Emotion,
  },
  Mapping: {
    emotion: (m: Mapping, _: Args, { kb }: RequestContext) => kb.emotion(m.emotion),
  },
};
