import { graphql } from './generated';

/** What `nextCursor` and `allNodes` read of a page: spread into each connection query's `pageInfo`. */
graphql(`
  fragment PageInfoFields on PageInfo {
    hasNextPage
    endCursor
  }
`);

/** A page of a GraphQL connection (`edges { node }` and `pageInfo`), as the API's lists answer. */
export interface Connection<N> {
  edges: readonly { node: N }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** The cursor to read the page after this one from; undefined on the last page. */
export const nextCursor = ({ pageInfo }: Connection<unknown>): string | undefined =>
  pageInfo.hasNextPage ? (pageInfo.endCursor ?? undefined) : undefined;

/** Every node of a connection, reading page after page from the first. */
export async function allNodes<N>(
  readPage: (after: string | undefined) => Promise<Connection<N>>,
): Promise<N[]> {
  const all: N[] = [];
  let after: string | undefined;
  do {
    const page = await readPage(after);
    all.push(...page.edges.map((e) => e.node));
    after = nextCursor(page);
  } while (after);
  return all;
}
