// An estimate of how many fields a query resolves, checked at validation: each list multiplies what
// is under it by its `first`/`limit` argument (a variable's value once known, at execution), or by a typical size for lists without one
// (children ~10, siblings ~10, descendants ~30). graphql-armor's cost counts only `first`/`last`,
// so without this `siblings { siblings { siblings ... } } }` would pass every other limit and fan out
// to billions of fields. `classify` and `classifyBatch` are counted from their texts: a text has at
// most one match per word (or run of ! and ?) and one sentence per run of sentence-ending marks, so
// a 1 MB batch that asks for every match field (about 25 MB of JSON, measured) is refused instead
// of answered. Over the limit: LIMIT_EXCEEDED (limit `maxFields`, HTTP 400) before execution.
import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
  type VariableDefinitionNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { limitError } from '../errors.js';
import { executedOperation } from './executedOperation.js';

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

/** Upper bounds of a text's matches and sentences. */
interface TextBounds {
  words: number;
  sentences: number;
}

const WORD = /[\p{L}\p{N}]+|[!?]+/gu;
const SENTENCE_END = /[.!?\n]+/g;

function count(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.exec(text)) n++;
  return n;
}

/** The texts of a classify field: literal or a variable's value; undefined when not known yet. */
function textsOf(node: FieldNode, variables: Record<string, unknown> | undefined): string[] | undefined {
  const argument = node.arguments?.find((a) => a.name.value === 'text' || a.name.value === 'texts');
  const value = argument?.value;
  if (!value) return undefined;
  const literal = (v: ValueNode): string | undefined =>
    v.kind === Kind.STRING
      ? v.value
      : v.kind === Kind.VARIABLE && typeof variables?.[v.name.value] === 'string'
        ? (variables[v.name.value] as string)
        : undefined;
  if (value.kind === Kind.LIST) {
    const texts = value.values.map(literal);
    return texts.every((t) => t !== undefined) ? (texts as string[]) : undefined;
  }
  if (value.kind === Kind.VARIABLE) {
    const v = variables?.[value.name.value];
    if (typeof v === 'string') return [v];
    if (Array.isArray(v) && v.every((t) => typeof t === 'string')) return v as string[];
    return undefined;
  }
  const one = literal(value);
  return one === undefined ? undefined : [one];
}

function passesVariable(node: FieldNode): boolean {
  const value = node.arguments?.find((a) => a.name.value === 'text' || a.name.value === 'texts')?.value;
  return value?.kind === Kind.VARIABLE || (value?.kind === Kind.LIST && value.values.some((v) => v.kind === Kind.VARIABLE));
}

/**
 * Per-text averages over the texts, so that n texts times the average is the exact sum. Counted
 * only when a `matches` or `sentences` field asks (most classify queries select neither, and a
 * regular expression over every text would be paid by each of them).
 */
function boundsOf(texts: string[]): TextBounds {
  const n = Math.max(1, texts.length);
  let words: number | undefined;
  let sentences: number | undefined;
  return {
    get words() {
      return (words ??= texts.reduce((sum, t) => sum + count(WORD, t), 0) / n);
    },
    get sentences() {
      return (sentences ??= texts.reduce((sum, t) => sum + count(SENTENCE_END, t) + 1, 0) / n);
    },
  };
}

/** A page size given literally, as a variable's value, or else as the variable's declared default. */
function intValue(
  node: ValueNode | undefined,
  variables: Record<string, unknown> | undefined,
  defaults: ReadonlyMap<string, number>,
): number | undefined {
  if (!node) return undefined;
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) {
    const v = variables?.[node.name.value];
    return typeof v === 'number' ? v : defaults.get(node.name.value);
  }
  return undefined;
}

interface Estimate {
  total: number;
  /**
   * Whether a variable's value entered the estimate (a page size, a batch's number of texts, the
   * words or sentences of a text that `matches` or `sentences` multiply): when none did, every
   * request that runs the operation gets the same estimate, whatever its variables.
   */
  dependsOnValues: boolean;
}

type Operation = { operation: string; selectionSet: SelectionSetNode; variableDefinitions?: ReadonlyArray<VariableDefinitionNode> };

/**
 * The estimate for one operation. Page sizes given as variables are read from `variables`; at
 * validation there are none yet, so a variable counts as its declared default there (else the
 * argument's default) and the plugin checks again at execution with the real values.
 */
function estimator(
  options: ResultSizeLimitOptions,
  sizes: Readonly<Record<string, number>>,
  schema: GraphQLSchema,
  getFragment: (name: string) => FragmentDefinitionNode | undefined | null,
  variables: Record<string, unknown> | undefined,
) {
  let defaults: ReadonlyMap<string, number> = new Map();
  // The bounds of the classify texts whose result is being estimated, and whether they come from variables.
  let text: TextBounds | undefined;
  let textVaries = false;
  // Whether the estimate read a variable's value that can change it (see `Estimate.dependsOnValues`).
  let dependsOnValues = false;
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
      if (pageArgument?.value.kind === Kind.VARIABLE) dependsOnValues = true;
      const given = intValue(pageArgument?.value, variables, defaults);
      multiplier = Math.max(1, given ?? (typeof declared.defaultValue === 'number' ? declared.defaultValue : 50));
    } else if (definition.name === 'edges' && parent.name.endsWith('Connection')) {
      multiplier = 1; // the connection field's `first` already counted the page
    } else if (isListType(getNullableType(definition.type))) {
      multiplier = sizes[`${parent.name}.${definition.name}`] ?? 10;
    }
    const outer = text;
    const outerVaries = textVaries;
    if (parent === schema.getQueryType() && (definition.name === 'classify' || definition.name === 'classifyBatch')) {
      textVaries = passesVariable(node);
      // A batch's size is its number of texts; one text's answer has a size of its own.
      if (textVaries && definition.name === 'classifyBatch') dependsOnValues = true;
      const texts = textsOf(node, variables);
      // Texts passed as variables are known only at execution, where this runs again with them:
      // until then the answer's size is not guessed (a typical size would refuse small batches).
      if (!texts && variables === undefined && textVaries) {
        textVaries = outerVaries;
        return 1;
      }
      if (texts) {
        text = boundsOf(texts);
        if (definition.name === 'classifyBatch') multiplier = texts.length;
      }
    } else if (textVaries && parent.name === 'TagResult' && (definition.name === 'matches' || definition.name === 'sentences')) {
      // Counted from the texts' words and sentences, or at a typical size when a text is not a string.
      dependsOnValues = true;
    }
    if (text && parent.name === 'TagResult' && definition.name === 'matches') {
      multiplier = text.words;
    } else if (text && parent.name === 'TagResult' && definition.name === 'sentences') {
      multiplier = text.sentences;
    }
    const named = getNamedType(definition.type);
    const below = node.selectionSet && isObjectType(named) ? estimate(node.selectionSet, named, seen) : 0;
    text = outer;
    textVaries = outerVaries;
    return multiplier * (1 + below);
  };
  return (operation: Operation): Estimate => {
    dependsOnValues = false;
    // `query($n: Int = 500)`: a variable not sent counts with its declared default, at validation
    // (no values yet) and at execution alike.
    defaults = new Map(
      (operation.variableDefinitions ?? []).flatMap((d) =>
        d.defaultValue?.kind === Kind.INT ? [[d.variable.name.value, Number(d.defaultValue.value)] as const] : [],
      ),
    );
    const root =
      operation.operation === 'mutation'
        ? schema.getMutationType()
        : operation.operation === 'subscription'
          ? schema.getSubscriptionType()
          : schema.getQueryType();
    return { total: root ? Math.round(estimate(operation.selectionSet, root, new Set())) : 0, dependsOnValues };
  };
}

function tooManyFields(options: ResultSizeLimitOptions, total: number, operation: Operation): GraphQLError {
  return limitError('maxFields', options.maxFields, total, 'estimated fields of the answer', {
    nodes: [operation as never],
    hint: 'ask for smaller pages, fewer nested lists, or fewer texts or match fields in classify',
  });
}

function resultSizeRule(options: ResultSizeLimitOptions, sizes: Readonly<Record<string, number>>) {
  return (context: ValidationContext) => {
    const estimate = estimator(options, sizes, context.getSchema(), (name) => context.getFragment(name), undefined);
    return {
      OperationDefinition: {
        enter(operation: Operation) {
          const { total } = estimate(operation);
          // Thrown, like graphql-armor's rejections, so the answer is HTTP 400 with this one error.
          if (total > options.maxFields) throw tooManyFields(options, total, operation);
        },
      },
    };
  };
}

export function useResultSizeLimit(options: ResultSizeLimitOptions): Plugin {
  const sizes = { ...LIST_SIZES, ...options.listSizes };
  const rule = resultSizeRule(options, sizes);
  // Operations (of parsed documents, which yoga caches) whose estimate with variables was found not
  // to depend on their values: estimated once, not again on every request. Most classify queries
  // are such: `classify(text: $t)` asking for scores has the same size whatever the text.
  const sameForAnyValues = new WeakSet<OperationDefinitionNode>();
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(rule);
    },
    // Page sizes and texts passed as variables are known only now: estimate again with their values.
    onExecute({ args, setResultAndStopExecution }) {
      const executed = executedOperation(args);
      if (!executed || sameForAnyValues.has(executed.operation)) return;
      const { total, dependsOnValues } = estimator(options, sizes, args.schema, executed.fragment, executed.variables)(executed.operation);
      if (total > options.maxFields) setResultAndStopExecution({ errors: [tooManyFields(options, total, executed.operation)] });
      else if (!dependsOnValues) sameForAnyValues.add(executed.operation);
    },
  };
}
