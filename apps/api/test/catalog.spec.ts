import { errorCode, ok, Role, useTestApp, useUser } from './support/test-app';

const GOLD_CARD = {
  id: 'gold-card',
  name: 'Gold card',
  group: 'cards',
  channel: 'web',
  value: 120,
  cost: 10,
  validFrom: '2026-01-01T00:00:00.000Z',
  tags: ['acquisition'],
  attributes: { minIncome: 30000 },
};

describe('action catalog and customer schema', () => {
  const t = useTestApp();
  const designer = useUser(t, [Role.designer]);
  const analyst = useUser(t, [Role.analyst]);

  const create = (input: Record<string, unknown>) =>
    t.gql(
      `mutation($i: CreateActionInput!) { createAction(input: $i) { id name group channel value cost validFrom validTo tags attributes revision } }`,
      { i: input },
      designer.token,
    );

  it('creates, reads, updates (optimistic) and deletes actions', async () => {
    const created = ok(await create(GOLD_CARD)).createAction;
    // Every field as sent, no end date, the first revision.
    expect(created).toEqual({ ...GOLD_CARD, validTo: null, revision: 1 });
    expect(errorCode(await create({ id: 'gold-card', name: 'Again' }))).toBe('CONFLICT');
    const read = ok(await t.gql(`{ action(id: "gold-card") { name } }`, {}, analyst.token)).action;
    expect(read.name).toBe('Gold card');

    const updated = ok(
      await t.gql(
        `mutation { updateAction(id: "gold-card", input: { expectedRevision: 1, value: 150, channel: null }) { value channel name revision } }`,
        {},
        designer.token,
      ),
    ).updateAction;
    expect(updated).toEqual({ value: 150, channel: null, name: 'Gold card', revision: 2 });
    const stale = await t.gql(
      `mutation { updateAction(id: "gold-card", input: { expectedRevision: 1, value: 1 }) { value } }`,
      {},
      designer.token,
    );
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(stale.errors![0]!.extensions!['currentRevision']).toBe(2);

    expect(
      errorCode(
        await t.gql(
          `mutation { deleteAction(id: "gold-card", expectedRevision: 1) { id } }`,
          {},
          designer.token,
        ),
      ),
    ).toBe('CONFLICT');
    ok(
      await t.gql(
        `mutation { deleteAction(id: "gold-card", expectedRevision: 2) { id } }`,
        {},
        designer.token,
      ),
    );
    expect(errorCode(await t.gql(`{ action(id: "gold-card") { name } }`, {}, analyst.token))).toBe(
      'NOT_FOUND',
    );
    expect(
      errorCode(
        await t.gql(
          `mutation { updateAction(id: "gold-card", input: { expectedRevision: 2 }) { id } }`,
          {},
          designer.token,
        ),
      ),
    ).toBe('NOT_FOUND');
  });

  it('pages through the catalog by cursor and filters it', async () => {
    for (let i = 0; i < 7; i++)
      ok(await create({ id: `offer-${i}`, name: `Offer ${i}`, group: i % 2 ? 'odd' : 'even' }));
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: {
        edges: { node: { id: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      } = ok(
        await t.gql(
          `query($a: String) { actions(page: { first: 3, after: $a }) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
          { a: after },
          analyst.token,
        ),
      ).actions;
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(Array.from({ length: 7 }, (_, i) => `offer-${i}`));
    const odd = ok(
      await t.gql(`{ actions(filter: { group: "odd" }) { edges { node { id } } } }`, {}, analyst.token),
    ).actions.edges;
    expect(odd.map((e: { node: { id: string } }) => e.node.id)).toEqual(['offer-1', 'offer-3', 'offer-5']);
    const search = ok(
      await t.gql(`{ actions(filter: { search: "offer 6" }) { edges { node { id } } } }`, {}, analyst.token),
    ).actions.edges;
    expect(search).toEqual([{ node: { id: 'offer-6' } }]);
    expect(
      errorCode(await t.gql(`{ actions(page: { first: 0 }) { edges { cursor } } }`, {}, analyst.token)),
    ).toBe('VALIDATION_FAILED');
  });

  it('declares, redefines and removes customer and context fields', async () => {
    ok(
      await t.gql(
        `mutation { defineSchemaField(input: { scope: customer, name: "segment", type: string, allowedValues: ["gold", "silver"] }) { name } }`,
        {},
        designer.token,
      ),
    );
    ok(
      await t.gql(
        `mutation { defineSchemaField(input: { scope: context, name: "channel", type: string }) { name } }`,
        {},
        designer.token,
      ),
    );
    ok(
      await t.gql(
        `mutation { defineSchemaField(input: { scope: customer, name: "segment", type: string, allowedValues: ["gold", "silver", "bronze"], label: "Segment" }) { name } }`,
        {},
        designer.token,
      ),
    );
    const schema = ok(
      await t.gql(
        `{ dataSchema { customer { name type allowedValues label } context { name type } } }`,
        {},
        analyst.token,
      ),
    ).dataSchema;
    expect(schema).toEqual({
      customer: [
        { name: 'segment', type: 'string', allowedValues: ['gold', 'silver', 'bronze'], label: 'Segment' },
      ],
      context: [{ name: 'channel', type: 'string' }],
    });
    const actions = (
      await t.sql.query(
        `SELECT action, before_hash IS NULL AS created FROM audit_log WHERE entity_type = 'schemaField' ORDER BY seq`,
      )
    ).rows;
    expect(actions).toEqual([
      { action: 'schemaField.define', created: true },
      { action: 'schemaField.define', created: true },
      { action: 'schemaField.define', created: false },
    ]);
    ok(
      await t.gql(
        `mutation { removeSchemaField(scope: context, name: "channel") { name } }`,
        {},
        designer.token,
      ),
    );
    expect(
      errorCode(
        await t.gql(
          `mutation { removeSchemaField(scope: context, name: "channel") { name } }`,
          {},
          designer.token,
        ),
      ),
    ).toBe('NOT_FOUND');
  });

  it('conditions are validated against the declared fields', async () => {
    const doc = {
      schemaVersion: 1,
      nodes: [
        { id: 'candidates', type: 'actions', config: {} },
        {
          id: 'gold',
          type: 'filter',
          config: {
            condition: { all: [{ fact: 'customer', path: '$.tier', operator: 'equal', value: 'platinum' }] },
          },
        },
        { id: 'output', type: 'output', config: {} },
      ],
      edges: [
        { source: 'candidates', target: 'gold' },
        { source: 'gold', target: 'output' },
      ],
    };
    const created = ok(
      await t.gql(
        `mutation($i: CreateStrategyInput!) { createStrategy(input: $i) { versions { id } } }`,
        { i: { name: 'Schema check', document: doc } },
        designer.token,
      ),
    );
    const validation = ok(
      await t.gql(
        `query($v: ID!) { validateVersion(versionId: $v) { valid problems { code nodeId field } } }`,
        { v: created.createStrategy.versions[0].id },
        designer.token,
      ),
    ).validateVersion;
    expect(validation.valid).toBe(false);
    expect(validation.problems).toEqual([
      expect.objectContaining({
        nodeId: 'gold',
        code: 'unknown_field',
        field: 'config.condition.all[0].path',
      }),
    ]);
  });
});
