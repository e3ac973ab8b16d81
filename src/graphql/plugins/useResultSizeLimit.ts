// An estimate of how many fields a query resolves, checked at validation: each list multiplies what
// is under it by its `first`/`limit` argument, or by a typical size for lists without one
// (children ~10, siblings ~10, descendants ~30). graphql-armor's cost counts only `first`/`last`,
// so without this `siblings { siblings { siblings ... } } }` would pass every other limit and fan out
// to billions of fields. Over the limit: LIMIT_EXCEEDED (limit `maxFields`) before execution.
import {
  GraphQLError, Kind, getNamedType, getNullableType, isListType, isObjectType, isInterfaceType,
  type FieldNode, type GraphQLObjectType, type SelectionSetNode, type ValidationContext, type ValueNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { settingOf } from '../config.js';

export interface ResultSizeLimitOptions {
  /** Most fields a query may be estimated to resolve. */
  maxFields: number;
  /** Typical sizes of lists that take no `first`/`limit` argument, by `Type.field` (default 10). */
  listSizes?: Record<string, number>;
}

const LIST_SIZES: Record<string, number> = {
  'Emotion.descendants': 30,
  'Emotion.ancestors': 2,
  'Emotion.path': 3,
  'Query.roots': 6,
  'Query.mappings': 500,
  'Query.classifyBatch': 100,
  'TagResult.matches': 50,
  'DominantPath.emotions': 3,
};
const PAGE_ARGUMENTS = ['first', 'last', 'limit'];

function intValue(node: ValueNode | undefined, variables: Record<string, unknown> | undefined): number | undefined {
  if (!node) return undefined;
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) {
    const v = variables?.[node.name.value];
    return typeof v === 'number' ? v : undefined;
  }
  return undefined;
}

export function resultSizeRule(options: ResultSizeLimitOptions) {
  const sizes = { ...LIST_SIZES, ...options.listSizes };
  return (context: ValidationContext) => {
    const schema = context.getSchema();
    const estimate = (set: SelectionSetNode, type: GraphQLObjectType, seen: Set<string>): number => {
      let total = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) total += field(selection, type, seen);
        else {
          const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : context.getFragment(selection.name.value);
          if (!fragment || (selection.kind === Kind.FRAGMENT_SPREAD && seen.has(selection.name.value))) continue;
          const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : type;
          const inner = selection.kind === Kind.FRAGMENT_SPREAD ? new Set([...seen, selection.name.value]) : seen;
          if (condition && isObjectType(condition)) total += estimate(fragment.selectionSet, condition, inner);
        }
        if (total > options.maxFields) return total;
      }
      return total;
    };
    const field = (node: FieldNode, parent: GraphQLObjectType, seen: Set<string>): number => {
      const definition = parent.getFields()[node.name.value];
      if (!definition) return 1;
      const pageArgument = node.arguments?.find((a) => PAGE_ARGUMENTS.includes(a.name.value));
      const declared = definition.args.find((a) => PAGE_ARGUMENTS.includes(a.name));
      let multiplier = 1;
      if (declared) {
        const given = intValue(pageArgument?.value, undefined);
        multiplier = Math.max(1, given ?? (typeof declared.defaultValue === 'number' ? declared.defaultValue : 50));
      } else if (definition.name === 'edges' && parent.name.endsWith('Connection')) {
        multiplier = 1; // the connection field's `first` already counted the page
      } else if (isListType(getNullableType(definition.type))) {
        multiplier = sizes[`${parent.name}.${definition.name}`] ?? 10;
      }
      const named = getNamedType(definition.type);
      const below = node.selectionSet && (isObjectType(named) || isInterfaceType(named)) && isObjectType(named) ? estimate(node.selectionSet, named, seen) : 0;
      return multiplier * (1 + below);
    };
    return {
      OperationDefinition: {
        enter(operation: { operation: string; selectionSet: SelectionSetNode }) {
          const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
          if (!root) return;
          const total = Math.round(estimate(operation.selectionSet, root, new Set()));
          if (total > options.maxFields) {
            const s = settingOf('maxFields');
            // Thrown, like graphql-armor's rejections, so the answer is HTTP 400 with this one error.
            throw (
              new GraphQLError(`the query may resolve about ${total} fields, over the limit of ${options.maxFields} (maxFields: ${s.flag} or ${s.env}); ask for smaller pages or fewer nested lists`, {
                nodes: [operation as never],
                extensions: { code: 'LIMIT_EXCEEDED', limit: 'maxFields', max: options.maxFields, actual: total, http: { status: 400 } },
              })
            );
          }
        },
      },
    };
  };
}

export function useResultSizeLimit(options: ResultSizeLimitOptions): Plugin {
  const rule = resultSizeRule(options);
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(rule);
    },
  };
}
