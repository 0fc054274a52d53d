import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const invalid = (what: string) =>
  new GraphQLError(`DateTime must be an ISO 8601 date-time string such as 2026-12-31T23:59:59Z, not ${what}`);

function parse(value: unknown): Date {
  if (typeof value !== 'string') throw invalid(value === null ? 'null' : typeof value);
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw invalid(JSON.stringify(value));
  return date;
}

/**
 * GraphQL's DateTime, stricter than Nest's: only an ISO 8601 string is a date (Nest's turns 42 or
 * true into a day in 1970, and "yesterday" into an Invalid Date). A wrong value is a variable
 * error, answered 400 before any resolver runs. Same name and description, so the schema is unchanged.
 */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description:
    'A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format.',
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw invalid(`a ${ast.kind.toLowerCase()} literal`);
    return parse(ast.value);
  },
  serialize: (value) => (value instanceof Date ? value.toISOString() : null),
});
