import type { PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { validationFailed, type ErrorDetail } from './errors';

/** Trimmed text of 1 to `max` characters, refused in the words every input check uses. */
export const nonEmptyText = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** Turns zod issues into VALIDATION_FAILED details with dotted field paths under `base`. */
export function zodDetails(issues: readonly z.core.$ZodIssue[], base?: string): ErrorDetail[] {
  return issues.map((issue) => ({
    field:
      [base, ...issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))]
        .filter((p) => p !== undefined && p !== '')
        .join('.')
        .replace(/\.\[/g, '[') || 'body', // the request body itself (REST)
    message: issue.message,
  }));
}

const ARTICLE: Record<string, string> = {
  array: 'a list',
  object: 'an object',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  int: 'a whole number',
};

/** Words for zod's default messages of a wrong or missing value (schemas' own messages win over these). */
const inWords: z.core.$ZodErrorMap = (issue) => {
  if (issue.code !== 'invalid_type') return undefined;
  if (issue.input === undefined) return 'is required';
  const got = issue.input === null ? 'null' : Array.isArray(issue.input) ? 'a list' : typeof issue.input;
  return `must be ${ARTICLE[issue.expected] ?? issue.expected}, not ${got}`;
};

/** Checks a value against a schema at the edge; throws VALIDATION_FAILED with a detail per problem. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, base?: string): z.output<S> {
  const result = schema.safeParse(value, { error: inWords });
  if (!result.success) throw validationFailed(zodDetails(result.error.issues, base));
  return result.data;
}

/** `@Args('input', new ZodPipe(schema, 'input'))`: validation of a GraphQL argument before the resolver runs. */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(
    private readonly schema: S,
    private readonly base?: string,
  ) {}

  transform(value: unknown): z.output<S> {
    return parseInput(this.schema, value, this.base);
  }
}
