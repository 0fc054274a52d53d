import { DataSource } from 'typeorm';
import { customersCsv, CUSTOMERS_MAPPING, uploadDataset, waitForSimulation } from './support/datasets';
import { completeSimulation, deactivateUser } from './support/fixtures';
import { RUN, simulationSetup } from './support/simulations';
import { errorCode, ok, Role, useTestApp, useUser } from './support/test-app';

const LIST = `query($h: String, $s: ID, $d: ID) {
  simulations(contentHash: $h, strategyId: $s, datasetId: $d) {
    id status versionId
    version { number strategyId } baselineVersion { id } strategy { id name } dataset { id name } progress { rowsDone }
  }
}`;

/** The simulations list the studio shows: filters, what each row links to, and who is who (people). */
describe('simulations list and people', () => {
  const t = useTestApp();
  const analyst = useUser(t, [Role.analyst]);
  const designer = useUser(t, [Role.designer]);
  let versions: Awaited<ReturnType<typeof simulationSetup>>;
  let strategyIds: { draft: string; baseline: string };
  let datasets: { a: string; b: string };
  let sims: { draftOnA: string; baselineOnA: string; draftOnB: string; withoutVersion: string };

  const list = async (filter: { h?: string; s?: string; d?: string } = {}, token = analyst.token) =>
    ok(await t.gql(LIST, filter, token)).simulations;
  const run = async (v: string, d: string, b?: string) => {
    const sim = ok(await t.gql(RUN, { v, d, b }, analyst.token)).runSimulation;
    expect((await waitForSimulation(t, analyst.token, sim.id)).status).toBe('COMPLETED');
    return sim.id as string;
  };

  beforeAll(async () => {
    versions = await simulationSetup(t, designer.token);
    const strategyOf = async (id: string) =>
      ok(await t.gql(`query($id: ID!) { version(id: $id) { strategyId } }`, { id }, designer.token)).version
        .strategyId;
    strategyIds = {
      draft: await strategyOf(versions.draft.id),
      baseline: await strategyOf(versions.baseline.id),
    };
    const upload = async (name: string) =>
      (
        await uploadDataset(t, analyst.token, name, customersCsv(30), {
          ...CUSTOMERS_MAPPING,
          useCustomerSchema: false,
        })
      ).body.id as string;
    datasets = { a: await upload('Spring customers'), b: await upload('Summer customers') };
    sims = {
      draftOnA: await run(versions.draft.id, datasets.a),
      baselineOnA: await run(versions.baseline.id, datasets.a),
      draftOnB: await run(versions.draft.id, datasets.b, versions.baseline.id),
      withoutVersion: await completeSimulation(t, 'b'.repeat(64)),
    };
  });

  it('lists the most recent simulations, newest first, without a filter', async () => {
    const all = await list();
    expect(all.map((s: { id: string }) => s.id)).toEqual([
      sims.withoutVersion,
      sims.draftOnB,
      sims.baselineOnA,
      sims.draftOnA,
    ]);
  });

  it('narrows by strategy, dataset and content hash, combined', async () => {
    const ids = async (filter: Parameters<typeof list>[0]) =>
      (await list(filter)).map((s: { id: string }) => s.id).sort();
    expect(await ids({ s: strategyIds.draft })).toEqual([sims.draftOnA, sims.draftOnB].sort());
    expect(await ids({ d: datasets.a })).toEqual([sims.draftOnA, sims.baselineOnA].sort());
    expect(await ids({ s: strategyIds.draft, d: datasets.b })).toEqual([sims.draftOnB]);
    expect(await ids({ h: versions.baseline.contentHash })).toEqual([sims.baselineOnA]);
    expect(await ids({ h: versions.baseline.contentHash, d: datasets.b })).toEqual([]);
  });

  it('links each simulation to its version, baseline, strategy and dataset; null where there is none', async () => {
    const byId = new Map((await list()).map((s: { id: string }) => [s.id, s]));
    expect(byId.get(sims.draftOnB)).toMatchObject({
      status: 'COMPLETED',
      version: { number: 1, strategyId: strategyIds.draft },
      baselineVersion: { id: versions.baseline.id },
      strategy: { id: strategyIds.draft, name: 'Thirty plus' },
      dataset: { id: datasets.b, name: 'Summer customers' },
      progress: { rowsDone: 30 },
    });
    expect(byId.get(sims.draftOnA)).toMatchObject({
      baselineVersion: null,
      strategy: { name: 'Thirty plus' },
      dataset: { name: 'Spring customers' },
    });
    expect(byId.get(sims.withoutVersion)).toMatchObject({
      versionId: null,
      version: null,
      baselineVersion: null,
      strategy: null,
      dataset: null,
    });
  });

  it('answers a full page of 100 within the query cost limit, with one query per linked kind', async () => {
    await t.sql.query(
      `INSERT INTO simulations (content_hash, status, version_id, dataset_id, created_at)
       SELECT $1, 'COMPLETED', CASE WHEN i % 2 = 0 THEN $2 ELSE $3 END::uuid, CASE WHEN i % 2 = 0 THEN $4 ELSE $5 END::uuid, now() + i * interval '1 second' FROM generate_series(1, 120) i`,
      ['c'.repeat(64), versions.baseline.id, versions.draft.id, datasets.b, datasets.a],
    );
    const find = jest.spyOn(t.app.get(DataSource).manager, 'find');
    try {
      const page = await list();
      expect(page).toHaveLength(100);
      expect(page[0]).toMatchObject({
        version: { number: 1 },
        strategy: { name: 'All offers' },
        dataset: { name: 'Summer customers' },
      });
      // StrategyVersion, Strategy, Dataset: one batched find each for the whole page.
      expect(find).toHaveBeenCalledTimes(3);
    } finally {
      find.mockRestore();
    }
  });

  it('rejects a malformed filter, naming the field', async () => {
    for (const [variables, field] of [
      [{ h: 'not-a-hash' }, 'contentHash'],
      [{ s: 'x' }, 'strategyId'],
      [{ d: '42' }, 'datasetId'],
    ] as const) {
      const res = await t.gql(LIST, variables, analyst.token);
      expect(errorCode(res)).toBe('VALIDATION_FAILED');
      expect(res.errors![0]!.extensions!.details!.map((d) => d.field)).toEqual([field]);
    }
  });

  describe('people', () => {
    const PEOPLE = `query($ids: [ID!]!) { people(ids: $ids) { id displayName } }`;

    it('gives any role the display names of the ids it asks for, deactivated users included, unknown ids left out', async () => {
      const reviewer = await t.user([Role.reviewer], 'rita');
      const admin = await t.user([Role.admin]);
      ok(await deactivateUser(t, admin.token, designer.id));
      const unknown = '00000000-0000-4000-8000-000000000000';
      const people = ok(
        await t.gql(PEOPLE, { ids: [designer.id, analyst.id, unknown, analyst.id] }, reviewer.token),
      ).people;
      expect(people).toHaveLength(2);
      expect(people).toEqual(
        expect.arrayContaining([
          { id: designer.id, displayName: designer.email },
          { id: analyst.id, displayName: analyst.email },
        ]),
      );
      expect(ok(await t.gql(PEOPLE, { ids: [] }, reviewer.token)).people).toEqual([]);
    });

    it('rejects malformed ids and more than 500 at once', async () => {
      const bad = await t.gql(PEOPLE, { ids: [analyst.id, 'nope'] }, analyst.token);
      expect(errorCode(bad)).toBe('VALIDATION_FAILED');
      expect(bad.errors![0]!.extensions!.details!.map((d) => d.field)).toEqual(['ids[1]']);
      const tooMany = await t.gql(
        PEOPLE,
        { ids: Array.from({ length: 501 }, () => analyst.id) },
        analyst.token,
      );
      expect(errorCode(tooMany)).toBe('VALIDATION_FAILED');
      expect(tooMany.errors![0]!.extensions!.details![0]).toMatchObject({
        field: 'ids',
        message: 'at most 500 ids at once',
      });
    });
  });
});
