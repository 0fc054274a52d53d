import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from './pagination';

/** Rejects operations nested deeper than `max` fields (fragments followed, introspection included). */
export function depthLimitRule(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    const depthOf = (set: SelectionSetNode | undefined, depth: number, seen: Set<string>): number => {
      if (!set) return depth;
      let deepest = depth;
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) deepest = Math.max(deepest, depthOf(sel.selectionSet, depth + 1, seen));
        else if (sel.kind === Kind.INLINE_FRAGMENT) deepest = Math.max(deepest, depthOf(sel.selectionSet, depth, seen));
        else if (!seen.has(sel.name.value)) {
          const fragment = fragments.get(sel.name.value);
          deepest = Math.max(deepest, depthOf(fragment?.selectionSet, depth, new Set([...seen, sel.name.value])));
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

/** Rejects operations whose cost (1 per field; a paged list field counts its items times `first`) exceeds `max`. */
export function complexityLimitPlugin(max: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const complexity = getComplexity({
            schema,
            query: document,
            operationName: request.operationName ?? undefined,
            variables: request.variables ?? {},
            estimators: [
              ({ args, childComplexity, field }) => {
                const first = pageSize(args) ?? (getNamedType(field.type).name.endsWith('Connection') ? DEFAULT_PAGE_SIZE : undefined);
                return first === undefined ? undefined : 1 + childComplexity * first;
              },
              simpleEstimator({ defaultComplexity: 1 }),
            ],
          });
          if (complexity > max) {
            // A client error: Apollo answers 500 for errors thrown here unless told the HTTP status.
            throw new GraphQLError(`The query costs ${complexity} points, more than the limit of ${max}; ask for fewer items or fields.`, {
              extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
