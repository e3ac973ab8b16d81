// A variable of the wrong type (`$n: Int` given "many") or a missing required one: graphql-js
// refuses the request before executing anything, but its error has no `extensions.code`. Here it
// gets BAD_USER_INPUT (graphql-yoga's and Apollo's code for bad arguments) and HTTP 400, the status
// of every other request refused before execution (see src/errors.ts).
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ERRORS } from '../../errors.js';
import { REQUEST_REFUSED } from '../errors.js';

const VARIABLE_ERROR = /^Variable "\$[_A-Za-z][_0-9A-Za-z]*" /;

function coded(error: GraphQLError): GraphQLError {
  if (error.path || error.extensions?.code || !VARIABLE_ERROR.test(error.message)) return error;
  const variable = /^Variable "\$([_0-9A-Za-z]+)"/.exec(error.message)![1];
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    originalError: error.originalError,
    extensions: { ...error.extensions, code: ERRORS.BAD_INPUT.graphql, variable, http: { status: REQUEST_REFUSED, spec: false } },
  });
}

export function useVariableErrors(): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          const r = result as ExecutionResult;
          // Variable errors come with no `data` at all: execution never started.
          if (!r || typeof r !== 'object' || !('errors' in r) || !r.errors?.length || r.data !== undefined) return;
          const errors = r.errors.map(coded);
          if (errors.some((e, i) => e !== r.errors![i])) setResult({ ...r, errors });
        },
      };
    },
  };
}
