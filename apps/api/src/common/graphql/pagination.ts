import { Args, Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import { z } from 'zod';
import { validationFailed } from '../errors';
import { ZodPipe } from '../validation';

export const MAX_PAGE_SIZE = 100;
/** What a paged list returns when `page` (or its `first`) is left out. */
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor: string | null;
}

@InputType('PageInput', {
  description:
    'Cursor pagination: `first` items after the cursor `after` (an `endCursor` of a previous page).',
})
export class PageArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE })
  first: number;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

export interface Edge<T> {
  node: T;
  cursor: string;
}
export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount?: number;
}

/** Makes `<Name>Connection` and `<Name>Edge` object types for a node type. */
export function connectionType<T>(node: Type<T>, name: string): Type<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => node)
    node: T;

    @Field()
    cursor: string;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;
  }
  return ConnectionType;
}

export const pageSchema = z.object({
  first: z.number().int().min(1, 'must be at least 1').max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`),
  after: z.string().max(500).nullish(),
});
export type Page = { first: number; after?: string | null };

/** The optional `page` argument of a connection query, checked against pageSchema; left out, the first DEFAULT_PAGE_SIZE items. */
export const PageArg = () =>
  Args(
    'page',
    { type: () => PageArgs, nullable: true },
    new ZodPipe(
      pageSchema.optional().transform((page): Page => page ?? { first: DEFAULT_PAGE_SIZE }),
      'page',
    ),
  );

/** Cursors are opaque to clients: base64url of the JSON sort key of the last item. */
export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T>(
  cursor: string | null | undefined,
  check: (value: unknown) => value is T,
): T | undefined {
  if (cursor === null || cursor === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (check(value)) return value;
  } catch {
    // fall through to the error below
  }
  throw validationFailed([
    {
      field: 'after',
      message: 'is not a cursor returned by this list; pass an endCursor from a previous page',
    },
  ]);
}

/** Builds a connection from `first + 1` fetched rows (the extra row only tells whether there is a next page). */
export function toConnection<T>(rows: T[], first: number, cursorKey: (row: T) => unknown): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(cursorKey(node)) }));
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}

/** Cursor keys: a string sort key (a name, an email, an id) or an integer one (a sequence number). */
export const isStringKey = (value: unknown): value is string => typeof value === 'string';
export const isIntegerKey = (value: unknown): value is number => Number.isInteger(value);

/**
 * One page of a list sorted by a unique key: `rowsAfter` reads up to `limit` rows after the key of
 * `page.after` (undefined: from the start), and each row's cursor is its `keyOf`.
 */
export async function keysetPage<T, K>(
  page: Page,
  isKey: (value: unknown) => value is K,
  rowsAfter: (limit: number, after: K | undefined) => Promise<T[]>,
  keyOf: (row: T) => K,
): Promise<Connection<T>> {
  const after = decodeCursor(page.after, isKey);
  return toConnection(await rowsAfter(page.first + 1, after), page.first, keyOf);
}
