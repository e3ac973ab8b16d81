// The one refusal every store gives a commit validated against a version the store has left:
// CONFLICT, with `details.conflict` `stale-version`, which KnowledgeService retries (re-validating).
import { EmokbError } from '../errors.js';

export function staleVersion(location: string, expected: number, found: number | null): EmokbError {
  const now = found === null ? 'a newer version' : `version ${found}`;
  return new EmokbError(
    'CONFLICT',
    `${location}: the change was validated against version ${expected}, but another writer committed first (the store is at ${now}); nothing was written`,
    { conflict: 'stale-version', expected, found },
  );
}

export function isStaleVersion(error: unknown): boolean {
  return error instanceof EmokbError && error.code === 'CONFLICT' && error.details?.conflict === 'stale-version';
}
