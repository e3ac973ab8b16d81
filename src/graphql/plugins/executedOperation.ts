// What the limit plugins that check again at execution (page sizes and classify texts passed as
// variables) need from the request: the operation being run and a look-up of its fragments. The
// fragment look-up is made once per parsed document (yoga caches documents), and the answer once per
// request (both plugins ask; envelop hands every onExecute hook the same `args`).
import { Kind, getOperationAST, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';

type FragmentLookup = (name: string) => FragmentDefinitionNode | undefined;

const fragmentLookups = new WeakMap<DocumentNode, FragmentLookup>();

export interface ExecutedOperation {
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
  fragment: FragmentLookup;
}

interface ExecutionArgs {
  document: DocumentNode;
  operationName?: string | null;
  variableValues?: Record<string, unknown> | null;
}

const answers = new WeakMap<ExecutionArgs, ExecutedOperation | undefined>();

function fragmentLookup(document: DocumentNode): FragmentLookup {
  let lookup = fragmentLookups.get(document);
  if (!lookup) {
    const table = new Map<string, FragmentDefinitionNode>();
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) table.set(d.name.value, d);
    lookup = (name) => table.get(name);
    fragmentLookups.set(document, lookup);
  }
  return lookup;
}

function hasAny(variables: Record<string, unknown>): boolean {
  for (const _ in variables) return true;
  return false;
}

/** The operation and its variables, or undefined when no variable was sent (validation checked it all). */
export function executedOperation(args: ExecutionArgs): ExecutedOperation | undefined {
  const variables = args.variableValues;
  if (!variables || !hasAny(variables)) return undefined;
  if (answers.has(args)) return answers.get(args);
  const operation = getOperationAST(args.document, args.operationName);
  const answer = operation ? { operation, variables, fragment: fragmentLookup(args.document) } : undefined;
  answers.set(args, answer);
  return answer;
}
