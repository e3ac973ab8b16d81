// classify's input limits (characters per text, texts per batch, characters per batch), checked
// before execution like every other limit: at validation for texts written in the query, at
// execution start for texts passed as variables. A request over one is refused as a whole
// (LIMIT_EXCEEDED, HTTP 400, no `data`), the same shape and status as the query limits, instead of
// a field error inside an HTTP 200 answer.
import {
  Kind,
  type FieldNode,
  type GraphQLError,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
  type FragmentDefinitionNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ApiLimits } from '../config.js';
import { limitError } from '../errors.js';
import { executedOperation } from './executedOperation.js';

export type ClassifyLimits = Pick<ApiLimits, 'maxText' | 'maxBatch' | 'maxBatchChars'>;

function stringsOf(value: ValueNode | undefined, variables: Record<string, unknown> | undefined): Array<string | undefined> {
  if (!value) return [];
  if (value.kind === Kind.STRING) return [value.value];
  if (value.kind === Kind.LIST) return value.values.flatMap((v) => stringsOf(v, variables));
  if (value.kind === Kind.VARIABLE) {
    const v = variables?.[value.name.value];
    if (typeof v === 'string') return [v];
    if (Array.isArray(v)) return v.map((t) => (typeof t === 'string' ? t : undefined));
  }
  return [undefined];
}

/** The first limit a classify field breaks, or undefined. */
function check(limits: ClassifyLimits, node: FieldNode, variables: Record<string, unknown> | undefined): GraphQLError | undefined {
  const name = node.name.value;
  if (name !== 'classify' && name !== 'classifyBatch') return undefined;
  const argument = name === 'classify' ? 'text' : 'texts';
  const value = node.arguments?.find((a) => a.name.value === argument)?.value;
  // A variable not yet known (validation) is checked at execution; a list given as a variable is one value.
  if (value?.kind === Kind.VARIABLE && variables === undefined) return undefined;
  const texts = stringsOf(value, variables);
  if (name === 'classifyBatch' && texts.length > limits.maxBatch) {
    return limitError('maxBatch', limits.maxBatch, texts.length, 'number of texts', { nodes: node, argument });
  }
  let total = 0;
  for (const [i, text] of texts.entries()) {
    if (text === undefined) continue;
    const where = name === 'classify' ? argument : `${argument}[${i}]`;
    if (text.length > limits.maxText)
      return limitError('maxText', limits.maxText, text.length, 'length in characters', { nodes: node, argument: where });
    total += text.length;
  }
  if (name === 'classifyBatch' && total > limits.maxBatchChars) {
    return limitError('maxBatchChars', limits.maxBatchChars, total, 'characters of all texts', { nodes: node, argument });
  }
  return undefined;
}

/** The root fields of an operation, through fragments. */
function rootFields(
  set: SelectionSetNode,
  fragment: (name: string) => FragmentDefinitionNode | undefined | null,
  seen = new Set<string>(),
): FieldNode[] {
  return set.selections.flatMap((s) => {
    if (s.kind === Kind.FIELD) return [s];
    if (s.kind === Kind.INLINE_FRAGMENT) return rootFields(s.selectionSet, fragment, seen);
    if (seen.has(s.name.value)) return [];
    seen.add(s.name.value);
    const f = fragment(s.name.value);
    return f ? rootFields(f.selectionSet, fragment, seen) : [];
  });
}

function firstBroken(
  limits: ClassifyLimits,
  operation: OperationDefinitionNode,
  fragment: (name: string) => FragmentDefinitionNode | undefined | null,
  variables: Record<string, unknown> | undefined,
) {
  if (operation.operation !== 'query') return undefined;
  for (const node of rootFields(operation.selectionSet, fragment)) {
    const error = check(limits, node, variables);
    if (error) return error;
  }
  return undefined;
}

/** Whether a classify field's texts come, at least in part, from variables (known only at execution). */
function passesVariable(node: FieldNode): boolean {
  const name = node.name.value;
  if (name !== 'classify' && name !== 'classifyBatch') return false;
  const value = node.arguments?.find((a) => a.name.value === (name === 'classify' ? 'text' : 'texts'))?.value;
  return value?.kind === Kind.VARIABLE || (value?.kind === Kind.LIST && value.values.some((v) => v.kind === Kind.VARIABLE));
}

export function useClassifyLimits(limits: ClassifyLimits): Plugin {
  // The classify fields of an operation whose texts are variables, found once per parsed operation
  // (yoga caches documents) instead of walking its root fields and fragments on every request:
  // texts written in the query were checked at validation, so the variables' values are all that
  // is left to check. For most operations the list is empty and execution costs nothing here.
  const variableFields = new WeakMap<OperationDefinitionNode, FieldNode[]>();

  const rule = (context: ValidationContext) => ({
    OperationDefinition: {
      enter(operation: OperationDefinitionNode) {
        const error = firstBroken(limits, operation, (name) => context.getFragment(name), undefined);
        // Thrown, like graphql-armor's rejections, so the answer is HTTP 400 with this one error.
        if (error) throw error;
      },
    },
  });
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(rule);
    },
    onExecute({ args, setResultAndStopExecution }) {
      const executed = executedOperation(args);
      if (!executed) return;
      const { operation } = executed;
      let fields = variableFields.get(operation);
      if (!fields) {
        fields = operation.operation === 'query' ? rootFields(operation.selectionSet, executed.fragment).filter(passesVariable) : [];
        variableFields.set(operation, fields);
      }
      for (const node of fields) {
        const error = check(limits, node, executed.variables);
        if (error) return setResultAndStopExecution({ errors: [error] });
      }
    },
  };
}
