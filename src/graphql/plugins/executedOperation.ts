// What the limit plugins that check again at execution (page sizes and classify texts passed as
// variables) need from the request: the operation being run and a look-up of its fragments. The
// fragment table is made once per parsed document (yoga caches documents), not per request and
// plugin.
import { Kind, getOperationAST, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';

const fragmentTables = new WeakMap<DocumentNode, Map<string, FragmentDefinitionNode>>();

export interface ExecutedOperation {
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
  fragment: (name: string) => FragmentDefinitionNode | undefined;
}

/** The operation and its variables, or undefined when no variable was sent (validation checked it all). */
export function executedOperation(args: {
  document: DocumentNode;
  operationName?: string | null;
  variableValues?: Record<string, unknown> | null;
}): ExecutedOperation | undefined {
  const variables = args.variableValues;
  if (!variables || Object.keys(variables).length === 0) return undefined;
  const operation = getOperationAST(args.document, args.operationName);
  if (!operation) return undefined;
  let table = fragmentTables.get(args.document);
  if (!table) {
    table = new Map();
    for (const d of args.document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) table.set(d.name.value, d);
    fragmentTables.set(args.document, table);
  }
  const fragments = table;
  return { operation, variables, fragment: (name) => fragments.get(name) };
}
