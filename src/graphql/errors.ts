// GraphQL errors with stable `extensions.code`s; EmokbErrors from the model are translated here.
import { GraphQLError } from 'graphql';
import { isEmokbError } from '../errors.js';

const GRAPHQL_CODE: Record<string, string> = {
  BAD_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  AMBIGUOUS_LABEL: 'AMBIGUOUS_LABEL',
  VALIDATION_FAILED: 'VALIDATION_FAILED',
};

export function badUserInput(argument: string, message: string): GraphQLError {
  return new GraphQLError(`${argument}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', argument, http: { status: 200 } } });
}

/** Runs `fn`, turning a domain error into a GraphQL error with the same meaning. */
export function translate<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (isEmokbError(error) && GRAPHQL_CODE[error.code]) {
      throw new GraphQLError(error.message, { extensions: { code: GRAPHQL_CODE[error.code], ...(error.details ?? {}) } });
    }
    throw error;
  }
}
