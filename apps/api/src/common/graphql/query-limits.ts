import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  getVariableValues,
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from './pagination';

/**
 * The cost of a field that does real work per call (recomputes the audit chain, compiles and runs
 * a strategy): `@Query(() => T, { complexity: EXPENSIVE_FIELD_COST })`. Such a field may also
 * appear only once per operation (see expensiveFieldRule), so aliases cannot multiply its work.
 */
export const EXPENSIVE_FIELD_COST = 1000;

/** The cost of a field that makes a real decision (runs the published strategy, logs it): aliases of it add up fast. */
export const DECISION_FIELD_COST = 10;

/** Rejects an operation that asks for the same expensive field more than once (under aliases, or in fragments). */
export function expensiveFieldRule(context: ValidationContext): ASTVisitor {
  const seen = new Map<string, number>();
  return {
    Field(node) {
      const field = context.getFieldDef();
      const cost = field?.extensions?.['complexity'];
      if (!field || typeof cost !== 'number' || cost < EXPENSIVE_FIELD_COST) return;
      const count = (seen.get(field.name) ?? 0) + 1;
      seen.set(field.name, count);
      if (count === 2) {
        context.reportError(
          new GraphQLError(
            `"${field.name}" does a lot of work per call, so one operation may ask for it only once (not under several aliases); send separate requests.`,
            {
              nodes: [node],
              extensions: { code: 'BAD_REQUEST' },
            },
          ),
        );
      }
    },
  };
}

/** Rejects operations nested deeper than `max` fields (fragments followed, introspection included). */
export function depthLimitRule(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions)
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    const depthOf = (set: SelectionSetNode | undefined, depth: number, seen: Set<string>): number => {
      if (!set) return depth;
      let deepest = depth;
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) deepest = Math.max(deepest, depthOf(sel.selectionSet, depth + 1, seen));
        else if (sel.kind === Kind.INLINE_FRAGMENT)
          deepest = Math.max(deepest, depthOf(sel.selectionSet, depth, seen));
        else if (!seen.has(sel.name.value)) {
          const fragment = fragments.get(sel.name.value);
          deepest = Math.max(
            deepest,
            depthOf(fragment?.selectionSet, depth, new Set([...seen, sel.name.value])),
          );
        }
        if (deepest > max) return deepest;
      }
      return deepest;
    };
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, 0, new Set());
        if (depth > max) {
          context.reportError(
            new GraphQLError(`The query is nested more than ${max} levels deep; ask for less nested data.`, {
              nodes: [node],
              extensions: { code: 'BAD_REQUEST' },
            }),
          );
        }
      },
    };
  };
}

/** The page size a list field asks for: `first`, or `page: { first }`. */
function pageSize(args: Record<string, unknown>): number | undefined {
  const page = args['page'] as { first?: unknown } | undefined;
  const first = args['first'] ?? page?.first;
  return typeof first === 'number' && first > 0 ? first : undefined;
}

/** Rejects operations whose cost (1 per field, EXPENSIVE_FIELD_COST for expensive ones; a paged list field counts its items times `first`) exceeds `max`. */
export function complexityLimitPlugin(max: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation }) {
          // Variables that do not fit their types are left to execution, which answers them with
          // the standard error (400, BAD_USER_INPUT → VALIDATION_FAILED); getComplexity would throw.
          if (
            operation &&
            getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}).errors
          )
            return;
          const complexity = costOf(() =>
            getComplexity({
              schema,
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables ?? {},
              estimators: [
                ({ args, childComplexity, field }) => {
                  const first =
                    pageSize(args) ??
                    (getNamedType(field.type).name.endsWith('Connection') ? DEFAULT_PAGE_SIZE : undefined);
                  return first === undefined ? undefined : 1 + childComplexity * first;
                },
                fieldExtensionsEstimator(),
                simpleEstimator({ defaultComplexity: 1 }),
              ],
            }),
          );
          if (complexity > max)
            throw tooCostly(
              `The query costs ${complexity} points, more than the limit of ${max}; ask for fewer items or fields.`,
            );
        },
      };
    },
  };
}

// A client error: Apollo answers 500 for errors thrown in didResolveOperation unless told the HTTP status.
const tooCostly = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });

/** The cost, or a 400 when the query is too big to even be costed (graphql-query-complexity stops at 10,000 fields). */
function costOf(measure: () => number): number {
  try {
    return measure();
  } catch (error) {
    if (error instanceof GraphQLError)
      throw tooCostly(
        `${error.message.replace(/\.$/, '')}: the query asks for too many fields; ask for fewer.`,
      );
    throw error;
  }
}
