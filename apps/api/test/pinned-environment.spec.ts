import { createApiKey, publishNewVersion, publishStrategy, rest } from './support/decision-api';
import { VALID_DOC, ADULTS_DOC } from './support/fixtures';
import { useScenario } from './support/scenario';
import { errorCode, ok, Role, useTestApp } from './support/test-app';

/**
 * What a reviewer approves is exactly what runs (issue 16, item 1): a submitted version keeps its
 * own copy of the catalog entries and declared fields it reads, covered by its content hash.
 */
describe('versions decide with the catalog and schema they were approved with', () => {
  const t = useTestApp();
  const s = useScenario(t);
  let key: string;

  beforeAll(async () => {
    key = (await createApiKey(t, (await t.user([Role.admin])).token)).secret;
  });

  const createAction = async (id: string, name: string, extra: Record<string, unknown> = {}) =>
    ok(
      await t.gql(
        `mutation($i: CreateActionInput!) { createAction(input: $i) { id revision } }`,
        { i: { id, name, ...extra } },
        s.designer.token,
      ),
    ).createAction;
  const updateAction = (id: string, input: Record<string, unknown>) =>
    t.gql(
      `mutation($id: String!, $i: UpdateActionInput!) { updateAction(id: $id, input: $i) { id revision } }`,
      { id, i: input },
      s.designer.token,
    );
  const defineField = (input: Record<string, unknown>) =>
    t.gql(
      `mutation($i: DefineSchemaFieldInput!) { defineSchemaField(input: $i) { name type allowedValues } }`,
      { i: { scope: 'customer', ...input } },
      s.designer.token,
    );
  const decide = async (strategyId: string, customer: Record<string, unknown>) => {
    const res = await rest(t, key).post('/api/v1/decisions', { strategy: strategyId, customer });
    expect(res.status).toBe(200);
    return (res.body.actions as { actionId: string; value?: number }[]).map(
      (a) => `${a.actionId}:${a.value ?? '-'}`,
    );
  };

  it('keeps deciding as approved after a catalog edit, and after a rollback offers no action added since', async () => {
    const revision = (await createAction('gold-card', 'Gold card', { value: 120, group: 'cards' })).revision;
    const doc = {
      ...VALID_DOC,
      nodes: [{ id: 'candidates', type: 'actions', config: { groups: ['cards'] } }, VALID_DOC.nodes[1]],
    };
    const v1 = await publishStrategy(t, s, doc);
    expect(await decide(v1.strategyId, { id: 'c-1' })).toEqual(['gold-card:120']);

    ok(await updateAction('gold-card', { value: 150, expectedRevision: revision }));
    await createAction('silver-card', 'Silver card', { value: 80, group: 'cards' });
    // Published: unchanged, and still valid.
    expect(await decide(v1.strategyId, { id: 'c-2' })).toEqual(['gold-card:120']);
    expect(
      ok(
        await t.gql(
          `query($v: ID!) { validateVersion(versionId: $v) { valid } }`,
          { v: v1.versionId },
          s.designer.token,
        ),
      ).validateVersion.valid,
    ).toBe(true);

    // A new version takes the edits; the review diff says so in words.
    const v2 = await publishNewVersion(t, s, v1, doc);
    expect(v2.contentHash).not.toBe(v1.contentHash);
    expect(await decide(v1.strategyId, { id: 'c-3' })).toEqual(['gold-card:150', 'silver-card:80']);
    const diff = ok(
      await t.gql(
        `query($a: ID!, $b: ID!) { diff(fromVersionId: $a, toVersionId: $b) { unchanged environment } }`,
        { a: v1.versionId, b: v2.versionId },
        s.reviewer.token,
      ),
    ).diff;
    expect(diff.unchanged).toBe(false);
    expect(diff.environment).toEqual(
      expect.arrayContaining([
        "action 'Gold card': value 120 → 150",
        "action 'Silver card' (silver-card) added",
      ]),
    );

    // Rollback: version 1 decides as it was approved, without the action added after it.
    ok(
      await t.gql(
        `mutation($s: ID!, $v: ID!) { rollbackStrategy(strategyId: $s, toVersionId: $v, reason: "back to the earlier version") { id } }`,
        { s: v1.strategyId, v: v1.versionId },
        s.publisher.token,
      ),
    );
    expect(await decide(v1.strategyId, { id: 'c-4' })).toEqual(['gold-card:120']);
  });

  it('refuses a schema change that would break a published version, listing it, and changes nothing', async () => {
    ok(await defineField({ name: 'age', type: 'number' }));
    await createAction('adult-offer', 'Adult offer', { group: 'adult' });
    const published = await publishStrategy(t, s, ADULTS_DOC, 'Adults only');
    expect(await decide(published.strategyId, { id: 'c-1', age: 30 })).toEqual(['adult-offer:-']);

    for (const change of [
      defineField({ name: 'age', type: 'string' }),
      t.gql(`mutation { removeSchemaField(scope: customer, name: "age") { name } }`, {}, s.designer.token),
    ]) {
      const res = await change;
      expect(errorCode(res)).toBe('CONFLICT');
      expect(res.errors![0]!.message).toMatch(/Adults only version 1 \(published\) reads customer\.age/);
      expect(res.errors![0]!.extensions!['details']).toEqual([
        expect.objectContaining({ field: `versions.${published.versionId}` }),
      ]);
    }
    // Nothing changed: the field is still a number and decisions go on.
    const fields = ok(await t.gql(`{ dataSchema { customer { name type } } }`, {}, s.designer.token))
      .dataSchema.customer;
    expect(fields).toEqual(expect.arrayContaining([{ name: 'age', type: 'number' }]));
    expect(await decide(published.strategyId, { id: 'c-2', age: 30 })).toEqual(['adult-offer:-']);
    // A change callers' data still fits is fine.
    ok(await defineField({ name: 'age', type: 'number', description: 'Age in years' }));
  });

  it('keeps deciding with a version approved before the field type checks existed', async () => {
    ok(await defineField({ name: 'housing', type: 'boolean' }));
    await createAction('home-offer', 'Home offer', { group: 'home' });
    // Comparing a true/false field with "yes" is refused today; a version published before was not.
    const legacy = {
      ...ADULTS_DOC,
      nodes: [
        { id: 'candidates', type: 'actions', config: { groups: ['home'] } },
        {
          id: 'adults',
          type: 'filter',
          config: {
            condition: { all: [{ fact: 'customer', path: '$.housing', operator: 'equal', value: 'yes' }] },
          },
        },
        { id: 'output', type: 'output', config: {} },
      ],
    };
    const created = ok(
      await t.gql(
        `mutation($i: CreateStrategyInput!) { createStrategy(input: $i) { id versions { id } } }`,
        { i: { name: s.unique('Legacy'), document: legacy } },
        s.designer.token,
      ),
    ).createStrategy;
    const versionId = created.versions[0].id as string;
    const submit = await t.gql(
      `mutation($v: ID!) { submitVersion(versionId: $v) { id } }`,
      { v: versionId },
      s.designer.token,
    );
    expect(errorCode(submit)).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(submit.errors![0]!.extensions)).toMatch(/housing is true\/false/);
    // As the upgrade finds it: the same content, published under the old checks.
    await t.sql.query(
      `UPDATE strategy_versions SET status = 'PUBLISHED', published_at = now() WHERE id = $1`,
      [versionId],
    );

    expect(await decide(created.id, { id: 'c-1', housing: true })).toEqual([]);
    const validation = ok(
      await t.gql(
        `query($v: ID!) { validateVersion(versionId: $v) { valid problems { code severity } } }`,
        { v: versionId },
        s.designer.token,
      ),
    ).validateVersion;
    expect(validation.valid).toBe(true);
    expect(validation.problems).toEqual(
      expect.arrayContaining([{ code: 'type_mismatch', severity: 'warning' }]),
    );
  });

  it('lets drafts take catalog and schema edits: their content hash follows', async () => {
    const created = ok(
      await t.gql(
        `mutation($i: CreateStrategyInput!) { createStrategy(input: $i) { id versions { id contentHash environment } } }`,
        { i: { name: s.unique('Draft'), document: VALID_DOC } },
        s.designer.token,
      ),
    ).createStrategy;
    const before = created.versions[0];
    await createAction('new-offer', 'New offer', { value: 5 });
    const after = ok(
      await t.gql(
        `query($v: ID!) { version(id: $v) { contentHash environment } }`,
        { v: before.id },
        s.designer.token,
      ),
    ).version;
    expect(after.contentHash).not.toBe(before.contentHash);
    expect(after.environment.actions.map((a: { id: string }) => a.id)).toContain('new-offer');
  });
});
