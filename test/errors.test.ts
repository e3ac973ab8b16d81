// The error table: one exit status per code, one GraphQL code and HTTP status each; the README's
// table is the table; GraphQL names a field under its argument from data, not from the message.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERRORS, EXIT_CODES, EmokbError, errorTable, fieldError, inTermsOf } from '../src/errors.js';
import { toGraphQLError } from '../src/graphql/errors.js';

describe('error table', () => {
  it('gives every code its own exit status', () => {
    const statuses = Object.values(EXIT_CODES);
    expect(new Set(statuses).size).toBe(statuses.length);
    expect(statuses).not.toContain(0);
    expect(statuses).not.toContain(1);
    expect(new EmokbError('LISTEN_FAILED', 'x').exitCode).toBe(ERRORS.LISTEN_FAILED.exit);
  });

  it("matches the README's exit-code table row for row", () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf('| exit | code | GraphQL `extensions.code` | HTTP | meaning |');
    expect(start).toBeGreaterThan(0);
    // On a mismatch, paste errorTable()'s output into the README (or fix the table).
    expect(readme.slice(start, readme.indexOf('\n\n', start))).toBe(errorTable());
  });

  it('carries the field and the reason as data, so each front door names the field its own way', () => {
    const error = fieldError('BAD_INPUT', 'weight', '"2" is not a weight');
    expect(error.message).toBe('weight: "2" is not a weight');
    expect(inTermsOf(error, '--weight').message).toBe('--weight: "2" is not a weight');
    const graphql = toGraphQLError(error, 'edit');
    expect(graphql.message).toBe('edit.weight: "2" is not a weight');
    expect(graphql.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'edit.weight',
      argument: 'edit.weight',
      reason: '"2" is not a weight',
      http: { status: 200 },
    });
    expect(toGraphQLError(new EmokbError('UNAUTHENTICATED', 'no token')).extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      http: { status: 401 },
    });
  });
});
