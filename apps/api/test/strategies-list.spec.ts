import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { ok, Role, useTestApp, useUser } from './support/test-app';

/** The strategies list costs the same number of queries for 3 strategies as for 12 (no N+1). */
describe('strategies list', () => {
  const t = useTestApp();
  const designer = useUser(t, [Role.designer]);

  const LIST = `{ strategies(page: { first: 50 }) { edges { node { id name publishedVersion { id number } versions { id number status updatedAt } } } } }`;

  const create = async (count: number, from: number) => {
    for (let i = from; i < from + count; i += 1)
      ok(
        await t.gql(
          `mutation($n: String!) { createStrategy(input: { name: $n }) { id } }`,
          { n: `S${i}` },
          designer.token,
        ),
      );
  };

  /** The SQL statements one list request sends, and the list it answers. */
  const listed = async () => {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      const edges = ok(await t.gql(LIST, {}, designer.token)).strategies.edges;
      // Only the list's own reads: background jobs (partition maintenance, learners) query too.
      const statements = spy.mock.calls.map((call) => String(call[0])).filter((sql) => /strateg/i.test(sql));
      return { edges, statements };
    } finally {
      spy.mockRestore();
    }
  };

  it('reads versions and published versions in one query each, without the documents', async () => {
    await create(3, 0);
    const few = await listed();
    expect(few.edges).toHaveLength(3);
    expect(few.edges[0].node.versions).toEqual([expect.objectContaining({ number: 1, status: 'DRAFT' })]);
    expect(few.edges[0].node.publishedVersion).toBeNull();

    await create(9, 3);
    const many = await listed();
    expect(many.edges).toHaveLength(12);
    expect(many.statements.length).toBe(few.statements.length);
    const versionReads = many.statements.filter((sql) => /FROM "strategy_versions"/.test(sql));
    expect(versionReads).toHaveLength(2);
    for (const sql of versionReads) expect(sql).not.toMatch(/"document"/);
  });

  it('still serves the documents when the query asks for them', async () => {
    const edges = ok(
      await t.gql(`{ strategies { edges { node { versions { number document } } } } }`, {}, designer.token),
    ).strategies.edges;
    expect(edges[0].node.versions[0].document).toMatchObject({ nodes: expect.any(Array) });
  });
});
