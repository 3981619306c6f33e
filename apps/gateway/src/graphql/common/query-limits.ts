import type { ApolloServerPlugin } from '@apollo/server';
import {
  BREAK,
  GraphQLError,
  Kind,
  getVariableValues,
  visit,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { ErrorCodes } from '@phoi-hop/contracts';
import { gqlError } from './gql-errors';

export const MAX_QUERY_DEPTH = 8;
export const MAX_QUERY_COMPLEXITY = 2000;

/**
 * The nesting depth of a selection set (introspection fields not counted). A fragment already on
 * the path (a cycle) or unknown adds nothing: the standard validation rules refuse such documents,
 * and this rule runs beside them, so it must neither loop nor throw on them.
 */
function depthOf(selectionSet: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, path: ReadonlySet<string>): number {
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__') || !selection.selectionSet) continue;
      deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, fragments, path));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, fragments, path));
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || path.has(name)) continue;
      deepest = Math.max(deepest, depthOf(fragment.selectionSet, fragments, new Set([...path, name])));
    }
  }
  return deepest;
}

/** A validation rule refusing operations nested deeper than MAX_QUERY_DEPTH, safe on any document. */
export function depthLimitRule(maxDepth = MAX_QUERY_DEPTH): (context: ValidationContext) => ASTVisitor {
  return (context) => ({
    Document(document) {
      const fragments = new Map<string, FragmentDefinitionNode>();
      for (const definition of document.definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
      }
      for (const definition of document.definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        // The depth is the number of fields enclosing the deepest leaf.
        if (depthOf(definition.selectionSet, fragments, new Set()) > maxDepth) {
          context.reportError(new GraphQLError(`'${definition.name?.value ?? ''}' exceeds maximum operation depth of ${maxDepth}`, { nodes: [definition] }));
        }
      }
    },
  });
}

interface KnownComplexity {
  schema: GraphQLSchema;
  /** @skip/@include with a variable: the complexity differs from one request to the next. */
  variesWithVariables: boolean;
  byOperation: Map<string, number>;
}

/**
 * Complexities already computed, per parsed document. Apollo hands out the same DocumentNode for
 * the same query text from its (bounded) document store, so entries live as long as Apollo keeps
 * the document, and need no other bound or invalidation.
 */
const known = new WeakMap<DocumentNode, KnownComplexity>();

function hasVariableDirective(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Directive(node) {
      if ((node.name.value === 'skip' || node.name.value === 'include') && node.arguments?.some((arg) => arg.value.kind === 'Variable')) {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * Whether the complexity computed once for `operation` holds for these variables. With the simple
 * estimator, variables change the result only through @skip/@include, and the walk fails only on
 * variables that do not coerce or on a null reaching a non-null argument; those go the full way.
 */
function reusable(entry: KnownComplexity, schema: GraphQLSchema, operation: OperationDefinitionNode | undefined, variables: Record<string, unknown>): boolean {
  if (!operation || entry.schema !== schema || entry.variesWithVariables) return false;
  const definitions = operation.variableDefinitions ?? [];
  if (definitions.length === 0) return true;
  const { coerced } = getVariableValues(schema, definitions, variables);
  return coerced !== undefined && Object.values(coerced).every((value) => value !== null);
}

function complexityOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode | undefined, operationName: string | undefined, variables: Record<string, unknown>): number {
  let entry = known.get(document);
  if (!entry || entry.schema !== schema) {
    entry = { schema, variesWithVariables: hasVariableDirective(document), byOperation: new Map() };
    known.set(document, entry);
  }
  const key = operationName ?? '';
  const cached = entry.byOperation.get(key);
  if (cached !== undefined && reusable(entry, schema, operation, variables)) return cached;
  const complexity = getComplexity({ schema, query: document, operationName, variables, estimators: [simpleEstimator({ defaultComplexity: 1 })] });
  if (!entry.variesWithVariables) entry.byOperation.set(key, complexity);
  return complexity;
}

/** A refusal of the whole request: BAD_USER_INPUT with HTTP 400 (Apollo answers 500 for errors from plugins otherwise). */
function refused(message: string): GraphQLError {
  const error = gqlError(ErrorCodes.BAD_USER_INPUT, message);
  return new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 400 } } });
}

/** Refuses operations whose estimated cost is above MAX_QUERY_COMPLEXITY, before any resolver runs. */
export function complexityLimitPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation }) {
          let complexity: number;
          try {
            complexity = complexityOf(schema, document, operation, request.operationName, request.variables ?? {});
          } catch (error) {
            // Variables that do not fit their declared types: the caller's mistake, as Apollo itself would say.
            if (error instanceof GraphQLError) throw refused(error.message);
            throw error;
          }
          if (complexity > MAX_QUERY_COMPLEXITY) {
            throw refused(`Query is too complex: ${complexity} > ${MAX_QUERY_COMPLEXITY}`);
          }
        },
      };
    },
  };
}
