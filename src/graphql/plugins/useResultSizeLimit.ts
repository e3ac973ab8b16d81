// An estimate of how many fields a query resolves, checked at validation: each list multiplies what
// is under it by its `first`/`limit` argument (a variable's value once known, at execution), or by a typical size for lists without one
// (children ~10, siblings ~10, descendants ~30). graphql-armor's cost counts only `first`/`last`,
// so without this `siblings { siblings { siblings ... } } }` would pass every other limit and fan out
// to billions of fields. Over the limit: LIMIT_EXCEEDED (limit `maxFields`) before execution.
import {
  GraphQLError, Kind, getNamedType, getNullableType, getOperationAST, isListType, isObjectType,
  type FieldNode, type FragmentDefinitionNode, type GraphQLObjectType, type GraphQLSchema, type SelectionSetNode, type ValidationContext, type ValueNode, type VariableDefinitionNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { settingOf } from '../config.js';
import { limitExtensions } from '../errors.js';

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

/** A page size given literally, as a variable's value, or else as the variable's declared default. */
function intValue(node: ValueNode | undefined, variables: Record<string, unknown> | undefined, defaults: ReadonlyMap<string, number>): number | undefined {
  if (!node) return undefined;
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) {
    const v = variables?.[node.name.value];
    return typeof v === 'number' ? v : defaults.get(node.name.value);
  }
  return undefined;
}

type Operation = { operation: string; selectionSet: SelectionSetNode; variableDefinitions?: ReadonlyArray<VariableDefinitionNode> };

/**
 * The estimate for one operation. Page sizes given as variables are read from `variables`; at
 * validation there are none yet, so a variable counts as its declared default there (else the
 * argument's default) and the plugin checks again at execution with the real values.
 */
function estimator(options: ResultSizeLimitOptions, schema: GraphQLSchema, getFragment: (name: string) => FragmentDefinitionNode | undefined | null, variables: Record<string, unknown> | undefined) {
  const sizes = { ...LIST_SIZES, ...options.listSizes };
  let defaults: ReadonlyMap<string, number> = new Map();
  const estimate = (set: SelectionSetNode, type: GraphQLObjectType, seen: Set<string>): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) total += field(selection, type, seen);
      else {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : getFragment(selection.name.value);
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
      const given = intValue(pageArgument?.value, variables, defaults);
      multiplier = Math.max(1, given ?? (typeof declared.defaultValue === 'number' ? declared.defaultValue : 50));
    } else if (definition.name === 'edges' && parent.name.endsWith('Connection')) {
      multiplier = 1; // the connection field's `first` already counted the page
    } else if (isListType(getNullableType(definition.type))) {
      multiplier = sizes[`${parent.name}.${definition.name}`] ?? 10;
    }
    const named = getNamedType(definition.type);
    const below = node.selectionSet && isObjectType(named) ? estimate(node.selectionSet, named, seen) : 0;
    return multiplier * (1 + below);
  };
  return (operation: Operation): number => {
    // `query($n: Int = 500)`: a variable not sent counts with its declared default, at validation
    // (no values yet) and at execution alike.
    defaults = new Map(
      (operation.variableDefinitions ?? []).flatMap((d) => (d.defaultValue?.kind === Kind.INT ? [[d.variable.name.value, Number(d.defaultValue.value)] as const] : [])),
    );
    const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
    return root ? Math.round(estimate(operation.selectionSet, root, new Set())) : 0;
  };
}

function tooManyFields(options: ResultSizeLimitOptions, total: number, operation: Operation): GraphQLError {
  const s = settingOf('maxFields');
  return new GraphQLError(`the query may resolve about ${total} fields, over the limit of ${options.maxFields} (maxFields: ${s.flag} or ${s.env}); ask for smaller pages or fewer nested lists`, {
    nodes: [operation as never],
    extensions: { ...limitExtensions('maxFields', options.maxFields, total), http: { status: 400 } },
  });
}

function resultSizeRule(options: ResultSizeLimitOptions) {
  return (context: ValidationContext) => {
    const estimate = estimator(options, context.getSchema(), (name) => context.getFragment(name), undefined);
    return {
      OperationDefinition: {
        enter(operation: Operation) {
          const total = estimate(operation);
          // Thrown, like graphql-armor's rejections, so the answer is HTTP 400 with this one error.
          if (total > options.maxFields) throw tooManyFields(options, total, operation);
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
    // Page sizes passed as variables are known only now: estimate again with their values.
    onExecute({ args, setResultAndStopExecution }) {
      const variables = args.variableValues;
      if (!variables || Object.keys(variables).length === 0) return;
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation) return;
      const fragments = new Map<string, FragmentDefinitionNode>();
      for (const d of args.document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
      const total = estimator(options, args.schema, (name) => fragments.get(name), variables)(operation);
      if (total > options.maxFields) setResultAndStopExecution({ errors: [tooManyFields(options, total, operation)] });
    },
  };
}
