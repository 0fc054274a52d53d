import { uploadDataset, waitForSimulation } from './support/datasets';
import { createStrategy, mutate, atLeast, pipelineDoc } from './support/fixtures';
import { RUN } from './support/simulations';
import { useScenario } from './support/scenario';
import { ok, Role, TEST_PASSWORD, useTestApp, useUser } from './support/test-app';

/** Names, not ids (issue 16, item 8): the audit log and simulation results name what they are about. */
describe('names, not ids', () => {
  const t = useTestApp();
  const s = useScenario(t);
  const analyst = useUser(t, [Role.analyst]);
  const admin = useUser(t, [Role.admin]);

  const DOC = pipelineDoc(
    { id: 'candidates', type: 'actions', label: 'All offers' },
    { id: 'n2', type: 'filter', label: 'Adults only', config: { condition: atLeast('age', 18) } },
    { id: 'output', type: 'output' },
  );

  it('names the strategy, version, action, field, comment, simulation, dataset, user and API key of every audit entry, keeping the id', async () => {
    ok(
      await t.gql(
        `mutation { defineSchemaField(input: { scope: customer, name: "age", type: number, label: "Age in years" }) { name } }`,
        {},
        s.designer.token,
      ),
    );
    ok(
      await t.gql(
        `mutation { createAction(input: { id: "gold-card", name: "Gold card", value: 120 }) { id } }`,
        {},
        s.designer.token,
      ),
    );
    const { strategyId, version } = await createStrategy(t, s.designer.token, 'Retention', DOC);
    ok(
      await t.gql(
        `mutation($i: AddCommentInput!) { addComment(input: $i) { id } }`,
        { i: { versionId: version.id, nodeId: 'n2', body: 'Why 18?' } },
        s.reviewer.token,
      ),
    );
    ok(await mutate.submit(t, s.designer.token, version.id));
    const upload = await uploadDataset(t, analyst.token, 'Customers 2025', 'id,age\nc1,30\nc2,12\n', {
      customerId: 'id',
    });
    expect(upload.status).toBe(201);
    const sim = ok(await t.gql(RUN, { v: version.id, d: upload.body.id }, analyst.token)).runSimulation;
    expect((await waitForSimulation(t, analyst.token, sim.id)).status).toBe('COMPLETED');

    const person = ok(
      await t.gql(
        `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
        {
          i: {
            email: 'ada@test.local',
            displayName: 'Ada Lovelace',
            password: TEST_PASSWORD,
            roles: [Role.analyst],
          },
        },
        admin.token,
      ),
    ).createUser;
    ok(
      await t.gql(
        `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }`,
        { i: { name: 'Call centre', rateLimitPerSecond: 50 } },
        admin.token,
      ),
    );

    const entries = ok(
      await t.gql(
        `{ auditLog(page: { first: 50 }) { edges { node { action entityType entityId entityName comment } } } }`,
        {},
        admin.token,
      ),
    ).auditLog.edges.map((e: { node: Record<string, string | null> }) => e.node);
    const entry = (action: string) => entries.find((e: { action: string }) => e.action === action);
    expect(entry('schemaField.define')).toMatchObject({
      entityId: 'customer.age',
      entityName: "field 'Age in years' (customer.age)",
    });
    expect(entry('action.create')).toMatchObject({ entityId: 'gold-card', entityName: "action 'Gold card'" });
    expect(entry('strategy.create')).toMatchObject({ entityId: strategyId, entityName: "'Retention'" });
    expect(entry('version.submit')).toMatchObject({
      entityId: version.id,
      entityName: "'Retention' version 1",
    });
    expect(entry('comment.add')).toMatchObject({
      entityName: "comment on 'Retention' version 1",
      comment: `on 'Retention' version 1, step "Adults only" (n2)`,
    });
    expect(entry('simulation.run')).toMatchObject({
      entityId: sim.id,
      entityName: "simulation of 'Retention' version 1 on dataset 'Customers 2025'",
      comment: `'Retention' version 1 on dataset "Customers 2025" (2 rows)`,
    });
    expect(entry('dataset.upload')).toMatchObject({ entityName: "dataset 'Customers 2025'" });
    expect(entry('user.create')).toMatchObject({ entityId: person.id, entityName: 'Ada Lovelace' });
    expect(entry('apiKey.create')).toMatchObject({ entityName: "API key 'Call centre'" });
    // No entry's comment spells out a version's id.
    expect(entries.filter((e: { comment: string | null }) => e.comment?.includes(version.id))).toEqual([]);
  });

  it('gives the names of the actions and steps a simulation reports by id', async () => {
    const { version } = await createStrategy(t, s.designer.token, s.unique('Named'), {
      ...DOC,
      description: 'names',
    });
    const upload = await uploadDataset(t, analyst.token, s.unique('rows'), 'id,age\nc1,40\n', {
      customerId: 'id',
    });
    const sim = ok(await t.gql(RUN, { v: version.id, d: upload.body.id }, analyst.token)).runSimulation;
    await waitForSimulation(t, analyst.token, sim.id);
    const names = ok(
      await t.gql(
        `query($id: ID!) { simulation(id: $id) { names { actions { id name } steps { id name } } } }`,
        { id: sim.id },
        analyst.token,
      ),
    ).simulation.names;
    expect(names.actions).toEqual(expect.arrayContaining([{ id: 'gold-card', name: 'Gold card' }]));
    expect(names.steps).toEqual([
      { id: 'candidates', name: 'All offers' },
      { id: 'n2', name: 'Adults only' },
      { id: 'output', name: 'output' },
    ]);
  });
});
