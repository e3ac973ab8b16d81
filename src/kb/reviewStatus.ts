// The review status of a term, a sense or a proposed edge (emo:status): one vocabulary for all of them.
import type { NamedNode } from '@rdfjs/types';
import { EMO } from '../rdf/namespaces.js';

export type ReviewStatus = 'candidate' | 'accepted' | 'rejected';

/** A status as its node in the graph. */
export const STATUS_NODE: Readonly<Record<ReviewStatus, NamedNode>> = {
  candidate: EMO.Candidate,
  accepted: EMO.Accepted,
  rejected: EMO.Rejected,
};

/** A node's IRI as its status (an unknown IRI: undefined, the caller's default applies). */
export const STATUS_OF: Readonly<Record<string, ReviewStatus>> = {
  [EMO.Candidate.value]: 'candidate',
  [EMO.Accepted.value]: 'accepted',
  [EMO.Rejected.value]: 'rejected',
};
