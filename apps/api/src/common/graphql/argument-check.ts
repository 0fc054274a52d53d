import type { ApolloServerPlugin } from '@apollo/server';
import {
  BREAK,
  GraphQLError,
  Kind,
  visit,
  type DocumentNode,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';
import type { NextFunction, Request, Response } from 'express';
import { validationFailed, type AppError, type ErrorDetail } from '../errors';
import { fieldPath, inputProblem, MAX_INPUT_DEPTH } from '../input-check';

/** Braces, brackets and parentheses a query text may nest: far more than the depth limits allow, far less than the parser's recursion survives. */
export const MAX_QUERY_NESTING = 2 * MAX_INPUT_DEPTH;

/** An AppError as an answer before execution: HTTP 400, formatted like any other (see format-error.ts). */
const refuse = (error: AppError) =>
  new GraphQLError(error.message, { originalError: error, extensions: { http: { status: 400 } } });

/** Whether the text nests deeper than `max`, counted outside strings and comments (the parser recurses once per level). */
export function nestedDeeperThan(source: string, max: number): boolean {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '#') {
      i = source.indexOf('\n', i);
      if (i < 0) return false;
    } else if (c === '"' && source.startsWith('"""', i)) {
      let end = source.indexOf('"""', i + 3);
      while (end > 0 && source[end - 1] === '\\') end = source.indexOf('"""', end + 3);
      if (end < 0) return false; // unterminated: the parser says so
      i = end + 2;
    } else if (c === '"') {
      for (i++; i < source.length && source[i] !== '"' && source[i] !== '\n'; i++)
        if (source[i] === '\\') i++;
    } else if (c === '{' || c === '[' || c === '(') {
      if (++depth > max) return true;
    } else if (c === '}' || c === ']' || c === ')') {
      depth--;
    }
  }
  return false;
}

/**
 * The first argument value (an inline literal, or the request variable it names, or the variable's
 * default) that holds a string PostgreSQL cannot store or nests too deeply. Fields are named by
 * argument path (`input.name`), as VALIDATION_FAILED details from the resolvers' own checks are.
 */
export function argumentProblem(
  document: DocumentNode,
  operation: OperationDefinitionNode | undefined,
  variables: Record<string, unknown>,
): ErrorDetail | undefined {
  const defaults = new Map(
    (operation?.variableDefinitions ?? []).map((d) => [d.variable.name.value, d.defaultValue]),
  );
  let found: ErrorDetail | undefined;
  visit(document, {
    Argument(argument) {
      const pending: { node: ValueNode; field: string; depth: number }[] = [
        { node: argument.value, field: argument.name.value, depth: 0 },
      ];
      while (pending.length && !found) {
        const { node, field, depth } = pending.pop()!;
        if (node.kind === Kind.STRING) found = inputProblem(node.value, field);
        else if (node.kind === Kind.VARIABLE) {
          const name = node.name.value;
          if (Object.hasOwn(variables, name)) found = inputProblem(variables[name], field, depth);
          else if (defaults.get(name)) pending.push({ node: defaults.get(name)!, field, depth });
        } else if (node.kind === Kind.OBJECT || node.kind === Kind.LIST) {
          if (depth + 1 > MAX_INPUT_DEPTH)
            found = {
              field,
              message: `nests objects or lists more than ${MAX_INPUT_DEPTH} levels deep (the limit); send flatter data`,
            };
          else if (node.kind === Kind.OBJECT)
            for (const f of node.fields)
              pending.push({ node: f.value, field: fieldPath(field, f.name.value), depth: depth + 1 });
          else
            node.values.forEach((v, i) =>
              pending.push({ node: v, field: fieldPath(field, i), depth: depth + 1 }),
            );
        }
      }
      return found ? BREAK : undefined;
    },
  });
  return found;
}

/**
 * Express middleware on the GraphQL path, before Apollo parses the query (the parser recurses once
 * per level, and Apollo answers an error thrown before parsing as a 500): a query text nested more
 * than MAX_QUERY_NESTING levels is 400 BAD_REQUEST in GraphQL's error format.
 */
export function queryNestingCheck() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const body: unknown = req.body;
    const query =
      req.method === 'GET'
        ? req.query['query']
        : body && typeof body === 'object'
          ? (body as Record<string, unknown>)['query']
          : undefined;
    if (typeof query === 'string' && nestedDeeperThan(query, MAX_QUERY_NESTING)) {
      const message = `The query nests braces, brackets or parentheses more than ${MAX_QUERY_NESTING} levels deep (the limit); send flatter input.`;
      res.status(400).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
    } else next();
  };
}

/**
 * The edge check of every GraphQL operation, before any resolver (or anything recursive) runs: an
 * argument or variable holding a string PostgreSQL cannot store (NUL, a lone surrogate) or nested
 * deeper than MAX_INPUT_DEPTH is 400 VALIDATION_FAILED naming it.
 */
export function argumentCheckPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          const problem = argumentProblem(document, operation, request.variables ?? {});
          if (problem) throw refuse(validationFailed([problem]));
        },
      };
    },
  };
}
