// IRIs of new emotions. Published IRIs never change, so a new emotion gets one that no node has
// used: `emotion:<slug>` (lowercase label, spaces as '-', unsafe characters percent-encoded), and
// when that is taken, `emotion:<slug>-<tier>` as the shipped hierarchy does for repeated names,
// then `emotion:<slug>-<tier>-2`, `-3`, ... A rename keeps the IRI, so the slug may later differ
// from the label; that is intended.
import type { Tier } from '../kb/Emotion.js';
import { slugify } from '../kb/termQuads.js';
import { EMOTION_BASE } from '../rdf/namespaces.js';

/** `taken(iri)` tells whether any triple mentions the IRI already. */
export function mintEmotionIri(label: string, tier: Tier, taken: (iri: string) => boolean): string {
  const slug = slugify(label, '-');
  const first = `${EMOTION_BASE}${slug}`;
  if (!taken(first)) return first;
  const tiered = `${first}-${tier}`;
  if (!taken(tiered)) return tiered;
  for (let n = 2; ; n++) {
    const numbered = `${tiered}-${n}`;
    if (!taken(numbered)) return numbered;
  }
}
