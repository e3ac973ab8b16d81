// Resolvers read one immutable snapshot per request (taken in the context), so a request never
// mixes two versions of the knowledge base.
import type { GraphQLResolveInfo } from 'graphql';
import type { Emotion, Mapping, Tier, Valence } from '../kb/Emotion.js';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import { normaliseLabel } from '../kb/KnowledgeBase.js';
import { badUserInput, translate } from './errors.js';
import type { SnapshotLoaders } from './loaders.js';
import { lookup, type EvokedEmotionView, type EvokedSense } from './lookup.js';
import { relationResolvers } from './relations.js';
import { pathOptions, relationPath, type PathStep } from './relationPath.js';
import { TERM_STATUSES, termCatalog, type SenseView, type TermStatus, type TermView } from './terms.js';

export interface RequestContext {
  kb: KnowledgeBase;
  /** Per-request batching of the fields that fan out. */
  loaders: SnapshotLoaders;
  /** The request id (`x-request-id`), as logged. */
  requestId?: string;
}

type Args = Record<string, unknown>;
const MAX_PAGE = 500;

const lower = <T extends string>(value: unknown) => (typeof value === 'string' ? (value.toLowerCase() as T) : undefined);
const encodeCursor = (index: number, kind = 'emotion') => Buffer.from(`${kind}:${index}`).toString('base64url');
function decodeCursor(cursor: string, kind = 'emotion'): number {
  const match = new RegExp(`^${kind}:(\\d+)$`).exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw badUserInput('after', `"${cursor}" is not a cursor returned by this API`);
  return Number(match[1]);
}

const PARTS_OF_SPEECH = new Set(['noun', 'verb', 'adjective', 'adverb']);

/**
 * Whether a field sits under a list (its path has an index): only then can sibling objects ask for
 * the same field, so only then is batching worth a promise. A single emotion reads the snapshot at once.
 */
function inList(path: GraphQLResolveInfo['path'] | undefined): boolean {
  for (let p = path?.prev; p; p = p.prev) if (typeof p.key === 'number') return true;
  return false;
}

/** A connection edge; its cursor is encoded only if a query asks for it (most ask for the nodes). */
class Edge<T> {
  constructor(
    readonly node: T,
    readonly index: number,
    readonly kind: string,
  ) {}

  get cursor(): string {
    return encodeCursor(this.index, this.kind);
  }
}

/** A page's bounds: a class like Edge (an object literal with a getter is slow to create in V8). */
class PageInfo {
  constructor(
    readonly hasNextPage: boolean,
    /** Forward pagination only (`first`/`after`): a page that does not start at the first item has items before it. */
    readonly hasPreviousPage: boolean,
    readonly firstIndex: number,
    readonly lastIndex: number,
    readonly kind: string,
  ) {}

  get startCursor(): string | null {
    return this.firstIndex >= 0 ? encodeCursor(this.firstIndex, this.kind) : null;
  }

  get endCursor(): string | null {
    return this.lastIndex >= 0 ? encodeCursor(this.lastIndex, this.kind) : null;
  }
}

/** A page of `all` from `start`: edges, pageInfo (cursors encoded on demand) and totalCount. */
function connection<T>(all: readonly T[], start: number, first: number, kind: string) {
  const page = all.slice(start, start + first);
  const edges = page.map((node, i) => new Edge(node, start + i, kind));
  return {
    edges,
    pageInfo: new PageInfo(
      start + first < all.length,
      start > 0 && all.length > 0,
      page.length ? start : -1,
      page.length ? start + page.length - 1 : -1,
      kind,
    ),
    totalCount: all.length,
  };
}

/** Per snapshot: sense IRI to sense (node(id:) of a sense). */
const sensesByIri = new WeakMap<KnowledgeBase, Map<string, SenseView>>();

/** The Node with this id: an emotion (id or IRI, exactly: no label matching), a term or a sense. */
function nodeById(kb: KnowledgeBase, id: string): Emotion | TermView | SenseView | null {
  const emotion = kb.emotion(id) ?? kb.emotions().find((e) => e.id === id);
  if (emotion) return emotion;
  const catalog = termCatalog(kb);
  const term = catalog.byIri.get(id);
  if (term) return term;
  let senses = sensesByIri.get(kb);
  if (!senses) {
    senses = new Map([...catalog.byIri.values()].flatMap((t) => t.senses.map((s) => [s.iri, s] as const)));
    sensesByIri.set(kb, senses);
  }
  return senses.get(id) ?? null;
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
      return connection(all, start, first, 'emotion');
    },
    roots: (_: unknown, __: Args, { kb }: RequestContext) => kb.tier('primary'),
    mappings: (_: unknown, args: Args, { kb }: RequestContext) => kb.mappings(args.scheme as string | undefined),
    stats: (_: unknown, __: Args, { kb }: RequestContext) => kb.counts,
    // contentHash is computed only when asked for: it sorts and hashes every triple of a new
    // snapshot (about a second under load), which a client asking only for `version`, as a replica's
    // watcher does after each change, must not wait for.
    version: (_: unknown, __: Args, { kb }: RequestContext) => ({
      version: kb.version,
      get contentHash() {
        return kb.contentHash;
      },
    }),
    lookup: (_: unknown, args: Args, { kb }: RequestContext) => lookup(kb, args.text as string),
    term: (_: unknown, args: Args, { kb }: RequestContext) => termCatalog(kb).byIri.get(args.iri as string) ?? null,
    relationPath(_: unknown, args: Args, { kb }: RequestContext) {
      const from = translate(() => kb.resolve(args.from as string), 'from');
      const to = translate(() => kb.resolve(args.to as string), 'to');
      const { types, maxDepth } = translate(() => pathOptions(args.types as string[] | null, args.maxDepth as number | null));
      return relationPath(kb, from, to, types, maxDepth);
    },
    node: (_: unknown, args: Args, { kb }: RequestContext) => nodeById(kb, args.id as string),
  },
  Node: {
    __resolveType: (node: Emotion | TermView | SenseView) => ('tier' in node ? 'Emotion' : 'lemma' in node ? 'Term' : 'Sense'),
  },
  RelationStep: {
    type: (s: PathStep) => s.type.toUpperCase(),
  },
  Emotion: {
    tier: (e: Emotion) => e.tier.toUpperCase(),
    valence: (e: Emotion) => e.valence.toUpperCase(),
    parent: (e: Emotion, _: Args, { kb, loaders }: RequestContext, info: GraphQLResolveInfo) =>
      !e.parent ? null : inList(info.path) ? loaders.parent.load(e.iri) : (loaders.reads.direct++, kb.parent(e.iri)),
    children: (e: Emotion, _: Args, { kb, loaders }: RequestContext, info: GraphQLResolveInfo) =>
      !e.children.length ? [] : inList(info.path) ? loaders.children.load(e.iri) : (loaders.reads.direct++, kb.children(e.iri)),
    ancestors: (e: Emotion, _: Args, { kb }: RequestContext) => kb.ancestors(e.iri),
    descendants: (e: Emotion, _: Args, { kb }: RequestContext) => kb.descendants(e.iri),
    siblings: (e: Emotion, _: Args, { kb }: RequestContext) => kb.siblings(e.iri),
    path: (e: Emotion, _: Args, { kb }: RequestContext) => kb.path(e.iri),
    mappings: (e: Emotion, _: Args, { kb }: RequestContext) => kb.mappings().filter((m) => m.emotion === e.iri),
    terms(e: Emotion, args: Args, { kb, loaders }: RequestContext, info: GraphQLResolveInfo) {
      const first = (args.first as number | null) ?? 20;
      if (first < 0 || first > MAX_PAGE) throw badUserInput('first', `must be between 0 and ${MAX_PAGE}`);
      const status = lower<TermStatus>(args.status);
      const start = typeof args.after === 'string' ? decodeCursor(args.after, 'term') + 1 : 0;
      const page = (all: readonly TermView[]) => connection(status ? all.filter((t) => t.status === status) : all, start, first, 'term');
      if (inList(info.path)) return loaders.terms.load(e.iri).then(page);
      loaders.reads.direct++;
      return page(termCatalog(kb).byEmotion.get(e.iri) ?? []);
    },
    ...relationResolvers.Emotion,
  },
  Term: {
    id: (t: TermView) => t.iri,
    partOfSpeech: (t: TermView) => (t.partOfSpeech && PARTS_OF_SPEECH.has(t.partOfSpeech) ? t.partOfSpeech.toUpperCase() : null),
    status: (t: TermView) => t.status.toUpperCase(),
  },
  Sense: {
    id: (s: SenseView) => s.iri,
    emotion: (s: SenseView, _: Args, { kb }: RequestContext) => kb.emotion(s.emotion) ?? null,
    kind: (s: SenseView) => s.kind.toUpperCase(),
    status: (s: SenseView) => (TERM_STATUSES.includes(s.status) ? s.status.toUpperCase() : 'CANDIDATE'),
  },
  EvokedSense: {
    path: (s: EvokedSense, _: Args, { kb }: RequestContext) => kb.path(s.emotion.iri),
  },
  EvokedEmotion: {
    path: (s: EvokedEmotionView, _: Args, { kb }: RequestContext) => kb.path(s.emotion.iri),
  },
  Mapping: {
    emotion: (m: Mapping, _: Args, { kb }: RequestContext) => kb.emotion(m.emotion),
  },
};
