// The immutable in-memory snapshot every reader uses: the hierarchy with its indexes, built once
// from the store's quads. Queries are map look-ups and short walks; nothing here touches the store.
import { createHash } from 'node:crypto';
import { distance } from 'fastest-levenshtein';
import type { Quad } from '@rdfjs/types';
import { EmokbError } from '../errors.js';
import { EMO, EMOTION_BASE, ONTOLEX, RDF, SKOS } from '../rdf/namespaces.js';
import { quadKey } from '../rdf/turtle.js';
import type { Emotion, Mapping, Tier, Valence } from './Emotion.js';
import { TIERS } from './Emotion.js';

const TIER_OF: Record<string, Tier> = {
  [EMO.Primary.value]: 'primary',
  [EMO.Secondary.value]: 'secondary',
  [EMO.Tertiary.value]: 'tertiary',
};
const VALENCE_OF: Record<string, Valence> = {
  [EMO.Positive.value]: 'positive',
  [EMO.Negative.value]: 'negative',
  [EMO.Ambiguous.value]: 'ambiguous',
};
const MATCH_PROPERTIES = ['exactMatch', 'closeMatch', 'broadMatch', 'narrowMatch', 'relatedMatch'] as const;

/** What a predicate contributes to the snapshot's indexes; MATCH_PROPERTIES follow Role.Match in order. */
const enum Role {
  Type,
  Label,
  Definition,
  Tier,
  Valence,
  Parent,
  Notation,
  Scheme,
  Opposite,
  Composition,
  Match,
}
/**
 * One map look-up per quad: most of the 96,000 (the lexicon's) have a predicate the indexes ignore,
 * and a chain of string comparisons and a search of MATCH_PROPERTIES for each took most of the
 * snapshot's build (the predicate's IRI string is shared by its quads, so its hash is computed once).
 */
const PREDICATE_ROLE = new Map<string, number>([
  [RDF.type.value, Role.Type],
  [SKOS.prefLabel.value, Role.Label],
  [SKOS.definition.value, Role.Definition],
  [EMO.tier.value, Role.Tier],
  [EMO.valence.value, Role.Valence],
  [SKOS.broader.value, Role.Parent],
  [SKOS.notation.value, Role.Notation],
  [SKOS.inScheme.value, Role.Scheme],
  [EMO.isOppositeOf.value, Role.Opposite],
  [EMO.isComposedOf.value, Role.Composition],
  ...MATCH_PROPERTIES.map((m, i) => [SKOS[m].value, Role.Match + i] as [string, number]),
]);

export interface KnowledgeCounts {
  emotions: number;
  tiers: Record<Tier, number>;
  terms: number;
  senses: number;
  relations: { opposites: number; compositions: number; transitions: number };
  mappings: number;
  triples: number;
}

export class KnowledgeBase {
  readonly #byIri: ReadonlyMap<string, Emotion>;
  readonly #byLabel: ReadonlyMap<string, readonly Emotion[]>;
  readonly #byId: ReadonlyMap<string, Emotion>;
  readonly #byTier: Readonly<Record<Tier, readonly Emotion[]>>;
  readonly #mappings: readonly Mapping[];
  readonly #counts: KnowledgeCounts;
  readonly #quads: readonly Quad[];
  #hash: string | undefined;
  readonly #identity: string | undefined;
  /** Increases with every committed change the snapshot reflects (the change-log id). */
  readonly version: number;

  private constructor(quads: readonly Quad[], version: number, identity: string | undefined) {
    this.#quads = quads;
    this.version = version;
    this.#identity = identity;
    const fields = new Map<string, Partial<Record<'label' | 'definition' | 'tier' | 'valence' | 'parent', string>>>();
    const emotions = new Set<string>();
    const children = new Map<string, string[]>();
    const notations = new Map<string, string>();
    const schemes = new Map<string, string>();
    const matches: Array<Omit<Mapping, 'notation' | 'scheme'>> = [];
    let terms = 0,
      senses = 0,
      opposites = 0,
      compositions = 0,
      transitions = 0;
    const field = (s: string) => fields.get(s) ?? (fields.set(s, {}), fields.get(s)!);

    for (const q of quads) {
      const p = q.predicate.value;
      const what = PREDICATE_ROLE.get(p);
      if (what === undefined) continue;
      const s = q.subject.value,
        o = q.object;
      switch (what) {
        case Role.Type:
          if (o.value === EMO.Emotion.value) emotions.add(s);
          else if (o.value === ONTOLEX.LexicalEntry.value) terms++;
          else if (o.value === ONTOLEX.LexicalSense.value) senses++;
          else if (o.value === EMO.Transition.value) transitions++;
          break;
        case Role.Label:
          field(s).label = o.value;
          break;
        case Role.Definition:
          field(s).definition = o.value;
          break;
        case Role.Tier:
          field(s).tier = o.value;
          break;
        case Role.Valence:
          field(s).valence = o.value;
          break;
        case Role.Parent:
          field(s).parent = o.value;
          break;
        case Role.Notation:
          notations.set(s, o.value);
          break;
        case Role.Scheme:
          schemes.set(s, o.value);
          break;
        case Role.Opposite:
          opposites++;
          break;
        case Role.Composition:
          compositions++;
          break;
        default:
          matches.push({ emotion: s, concept: o.value, relation: MATCH_PROPERTIES[what - Role.Match]! });
      }
    }

    const byIri = new Map<string, Emotion>();
    for (const iri of emotions) {
      const f = fields.get(iri) ?? {};
      if (f.parent) (children.get(f.parent) ?? (children.set(f.parent, []), children.get(f.parent)!)).push(iri);
      byIri.set(iri, {
        iri,
        id: iri.startsWith(EMOTION_BASE) ? iri.slice(EMOTION_BASE.length) : iri,
        label: f.label ?? '',
        definition: f.definition ?? '',
        tier: TIER_OF[f.tier ?? ''] ?? 'tertiary',
        valence: VALENCE_OF[f.valence ?? ''] ?? 'ambiguous',
        parent: f.parent ?? null,
        children: [],
      });
    }
    // Children sorted by label, then IRI, so every listing is stable.
    for (const [parent, list] of children) {
      const node = byIri.get(parent);
      if (!node) continue;
      list.sort((a, b) => compareEmotions(byIri.get(a)!, byIri.get(b)!));
      byIri.set(parent, { ...node, children: Object.freeze(list) });
    }
    for (const e of byIri.values()) Object.freeze(e);

    const byLabel = new Map<string, Emotion[]>();
    const byId = new Map<string, Emotion>();
    const byTier: Record<Tier, Emotion[]> = { primary: [], secondary: [], tertiary: [] };
    for (const e of [...byIri.values()].sort(compareEmotions)) {
      const key = normaliseLabel(e.label);
      (byLabel.get(key) ?? (byLabel.set(key, []), byLabel.get(key)!)).push(e);
      byId.set(e.id.toLowerCase(), e);
      byTier[e.tier].push(e);
    }
    // Ambiguous labels list the highest tier first: the family before its namesakes.
    for (const list of byLabel.values()) list.sort((a, b) => TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier));

    this.#byIri = byIri;
    this.#byLabel = byLabel;
    this.#byId = byId;
    this.#byTier = byTier;
    this.#mappings = matches
      .filter((m) => byIri.has(m.emotion))
      .map((m) => ({ ...m, notation: notations.get(m.concept) ?? m.concept, scheme: schemes.get(m.concept) ?? '' }))
      .sort((a, b) => (a.scheme + a.notation + a.emotion).localeCompare(b.scheme + b.notation + b.emotion));
    this.#counts = {
      emotions: byIri.size,
      tiers: { primary: byTier.primary.length, secondary: byTier.secondary.length, tertiary: byTier.tertiary.length },
      terms,
      senses,
      relations: { opposites: opposites / 2, compositions, transitions },
      mappings: this.#mappings.length,
      triples: quads.length,
    };
  }

  /**
   * `identity`: a name of this content that the store already keeps and that changes whenever the
   * content does (KnowledgeService passes the store's integrity record); without it, `identity`
   * falls back to the content hash.
   */
  static fromQuads(quads: readonly Quad[], version = 0, identity?: string): KnowledgeBase {
    return new KnowledgeBase(quads, version, identity);
  }

  /** The quads this snapshot was built from (read-only; copy before changing). */
  get quads(): readonly Quad[] {
    return this.#quads;
  }

  /** A hash of the content (sorted N-Triples), identical for identical knowledge wherever it lives. */
  get contentHash(): string {
    this.#hash ??= createHash('sha256').update(this.#quads.map(quadKey).sort().join('\n')).digest('hex');
    return this.#hash;
  }

  /**
   * A name of this content for HTTP caches (the ETag): the store's integrity record (change id,
   * triple count, set hash) where the snapshot came from a store, read at no cost, so the first
   * request after a change, or a replica's catch-up, does not first sort and hash every triple
   * (about a second on 122,000 triples under load); the content hash otherwise. Equal content read
   * from one shared store has one identity on every replica.
   */
  get identity(): string {
    return this.#identity ?? this.contentHash;
  }

  get counts(): KnowledgeCounts {
    return this.#counts;
  }

  emotion(iri: string): Emotion | undefined {
    return this.#byIri.get(iri);
  }

  /** Every emotion with this label (case-insensitive), highest tier first. */
  byLabel(label: string): readonly Emotion[] {
    return this.#byLabel.get(normaliseLabel(label)) ?? [];
  }

  /**
   * Finds one emotion from what a person types: a full IRI, `emotion:local-name`, a local name
   * (`sadness-secondary`), or a label. A label shared by nodes on one line of descent means the
   * broadest of them (`tier` picks another); a label shared by unrelated nodes is AMBIGUOUS_LABEL;
   * an unknown one is NOT_FOUND with the closest labels suggested.
   */
  resolve(reference: string, tier?: Tier): Emotion {
    const ref = reference.trim();
    const direct =
      this.#byIri.get(ref) ??
      this.#byIri.get(ref.replace(/^emotion:/, EMOTION_BASE)) ??
      this.#byId.get(ref.replace(/^emotion:/, '').toLowerCase());
    if (direct && (!tier || direct.tier === tier)) return direct;
    return this.resolveLabel(ref, tier);
  }

  /** Like `resolve`, but for labels only. */
  resolveLabel(label: string, tier?: Tier): Emotion {
    const ref = label.trim();
    const candidates = this.byLabel(ref).filter((e) => !tier || e.tier === tier);
    if (candidates.length === 1) return candidates[0]!;
    // Parrott names a cluster after its central member ("irritation" > "irritation"): when all
    // namesakes lie on one line of descent, the broadest one is meant; it contains the others.
    const broadest = candidates[0];
    if (broadest && candidates.slice(1).every((e) => this.ancestors(e.iri).some((a) => a.iri === broadest.iri))) return broadest;
    if (candidates.length > 1) {
      throw new EmokbError(
        'AMBIGUOUS_LABEL',
        `"${ref}" names ${candidates.length} emotions: ${candidates
          .map(
            (e) =>
              `${e.id} (${e.tier}: ${this.path(e.iri)
                .map((p) => p.label)
                .join(' > ')})`,
          )
          .join('; ')}; give the id or a tier`,
        { candidates: candidates.map((e) => ({ iri: e.iri, id: e.id, tier: e.tier })) },
      );
    }
    const suggestions = this.suggest(ref);
    const hint = suggestions.length ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
    throw new EmokbError('NOT_FOUND', `no emotion "${ref}"${tier ? ` at tier ${tier}` : ''}${hint}`, { reference: ref, suggestions });
  }

  /** Up to `limit` labels closest to `text` by edit distance (a prefix match counts as close). */
  suggest(text: string, limit = 3): string[] {
    const needle = normaliseLabel(text);
    const scored = [...this.#byLabel.keys()].map((label) => ({
      label,
      score: label.startsWith(needle) && needle.length >= 3 ? 0.5 : distance(needle, label),
    }));
    const maxDistance = Math.max(2, Math.floor(needle.length / 3));
    return scored
      .filter((s) => s.score <= maxDistance)
      .sort((a, b) => a.score - b.score || a.label.localeCompare(b.label))
      .slice(0, limit)
      .map((s) => s.label);
  }

  parent(iri: string): Emotion | null {
    const parent = this.#byIri.get(iri)?.parent;
    return parent ? (this.#byIri.get(parent) ?? null) : null;
  }

  children(iri: string): Emotion[] {
    return (this.#byIri.get(iri)?.children ?? []).map((c) => this.#byIri.get(c)!);
  }

  /** Parent first, root last. */
  ancestors(iri: string): Emotion[] {
    const out: Emotion[] = [];
    for (let p = this.parent(iri); p && out.length < 16; p = this.parent(p.iri)) out.push(p);
    return out;
  }

  /** Depth-first, children in label order. */
  descendants(iri: string): Emotion[] {
    const out: Emotion[] = [];
    const walk = (node: string) => {
      for (const child of this.children(node)) {
        out.push(child);
        walk(child.iri);
      }
    };
    walk(iri);
    return out;
  }

  /** The other children of the same parent; for a primary, the other primaries. */
  siblings(iri: string): Emotion[] {
    const self = this.#byIri.get(iri);
    if (!self) return [];
    const pool = self.parent ? this.children(self.parent) : this.#byTier.primary;
    return pool.filter((e) => e.iri !== iri);
  }

  /** From the primary down to the emotion itself. */
  path(iri: string): Emotion[] {
    const self = this.#byIri.get(iri);
    return self ? [...this.ancestors(iri).reverse(), self] : [];
  }

  tier(tier: Tier): readonly Emotion[] {
    return this.#byTier[tier];
  }

  /** All emotions: primaries first, then secondaries, then tertiaries, each by label. */
  emotions(): Emotion[] {
    return TIERS.flatMap((t) => this.#byTier[t]);
  }

  mappings(scheme?: string): readonly Mapping[] {
    return scheme ? this.#mappings.filter((m) => m.scheme === scheme || m.scheme.endsWith(`/${scheme}`)) : this.#mappings;
  }
}

export function normaliseLabel(label: string): string {
  return label.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

function compareEmotions(a: Emotion, b: Emotion): number {
  return a.label.localeCompare(b.label) || a.iri.localeCompare(b.iri);
}
