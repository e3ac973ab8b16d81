// The domain vocabulary of the hierarchy as plain, immutable values.

export type Tier = 'primary' | 'secondary' | 'tertiary';
export const TIERS: readonly Tier[] = ['primary', 'secondary', 'tertiary'];

export type Valence = 'positive' | 'negative' | 'ambiguous';
export const VALENCES: readonly Valence[] = ['positive', 'negative', 'ambiguous'];

export interface Emotion {
  /** The stable IRI. */
  readonly iri: string;
  /** The IRI's local name (e.g. `sadness-secondary`), unique and handy on a command line. */
  readonly id: string;
  readonly label: string;
  readonly definition: string;
  readonly tier: Tier;
  readonly valence: Valence;
  /** IRI of the parent, null for primaries. */
  readonly parent: string | null;
  /** IRIs of the children, ordered by label. */
  readonly children: readonly string[];
}

/** A mapping from a Parrott node to a concept of another scheme (Ekman, Plutchik, GoEmotions...). */
export interface Mapping {
  readonly emotion: string;
  readonly scheme: string;
  readonly concept: string;
  readonly notation: string;
  readonly relation: 'exactMatch' | 'closeMatch' | 'broadMatch' | 'narrowMatch' | 'relatedMatch';
}
