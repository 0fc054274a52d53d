import { seededRandom } from '@arbiter/engine';
import {
  createApiKey,
  publishNewVersion,
  publishStrategy,
  rest,
  type Published,
} from './support/decision-api';
import { uploadDataset } from './support/datasets';
import { saveDraft, createStrategy, pipelineDoc, createActions } from './support/fixtures';
import { useScenario } from './support/scenario';
import { ok, Role, useTestApp, useUser } from './support/test-app';

/**
 * Trained models in strategies (issue 17): a score step references a registry model version; the
 * version a reviewer approved is pinned with the strategy version and covered by its content hash,
 * so retraining changes nothing that runs until a new version is reviewed; the review diff names the
 * model change and its AUC; decisions explain the propensity by the predictors that moved it.
 */
describe('registry models in strategies', () => {
  const t = useTestApp();
  const s = useScenario(t);
  const analyst = useUser(t, [Role.analyst]);
  let key: string;
  let datasetId: string;
  let modelId: string;
  let published: Published;

  /** Customers and whether they accepted: likelier with balance and in the north, less with age. */
  const csv = (rows: number): string => {
    const random = seededRandom(7);
    const lines = ['id,age,balance,region,offer,accepted'];
    for (let i = 0; i < rows; i++) {
      const age = 18 + Math.floor(random() * 60);
      const balance = Math.floor(random() * 20_000);
      const region = ['north', 'south', 'east'][Math.floor(random() * 3)]!;
      const z = -0.5 - 0.05 * (age - 45) + 0.0002 * (balance - 10_000) + (region === 'north' ? 1 : 0);
      lines.push(`c${i},${age},${balance},${region},gold-card,${random() < 1 / (1 + Math.exp(-z)) ? 1 : 0}`);
    }
    return `${lines.join('\n')}\n`;
  };

  const train = async (input: Record<string, unknown>) => {
    const job = ok(
      await t.gql(
        `mutation($i: TrainModelInput!) { trainModel(input: $i) { id modelId } }`,
        {
          i: {
            datasetId,
            targetColumn: 'accepted',
            positiveValues: ['1'],
            predictors: ['age', 'balance', 'region'],
            ...input,
          },
        },
        analyst.token,
      ),
    ).trainModel as { id: string; modelId: string };
    for (let i = 0; i < 1200; i++) {
      const now = ok(
        await t.gql(
          `query($id: ID!) { trainingJob(id: $id) { status error versionId } }`,
          { id: job.id },
          analyst.token,
        ),
      ).trainingJob;
      if (now.status === 'SUCCEEDED') return { modelId: job.modelId, versionId: now.versionId as string };
      if (now.status !== 'QUEUED' && now.status !== 'RUNNING')
        throw new Error(`training ${now.status}: ${now.error}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('training did not finish');
  };
  const scoring = (version: number | undefined, id = modelId) =>
    pipelineDoc(
      { id: 'candidates', type: 'actions', config: { groups: ['cards'] } },
      {
        id: 'score',
        type: 'score',
        label: 'Acceptance',
        config: { model: { type: 'registry', modelId: id, ...(version !== undefined && { version }) } },
      },
      { id: 'output', type: 'output' },
    );
  const decide = async (customer: Record<string, unknown>, explain = false) => {
    const res = await rest(t, key).post('/api/v1/decisions', {
      strategy: published.strategyId,
      customer,
      explain,
    });
    expect(res.status).toBe(200);
    return res.body as { actions: { actionId: string; propensity?: number }[]; explanation?: string[] };
  };

  beforeAll(async () => {
    key = (await createApiKey(t, (await t.user([Role.admin])).token)).secret;
    const upload = await uploadDataset(t, analyst.token, 'card customers', csv(1200), {
      customerId: 'id',
      loggedAction: 'offer',
      outcome: 'accepted',
      useCustomerSchema: false,
    });
    expect(upload).toMatchObject({ status: 201 });
    datasetId = upload.body.id;
    await createActions(t, s.designer.token, [{ id: 'gold-card', name: 'Gold card', group: 'cards' }]);
    modelId = (await train({ name: 'Card acceptance', algorithm: 'LOGISTIC' })).modelId;
  }, 180_000);

  it('decides with the pinned model version and explains the propensity by its predictors', async () => {
    published = await publishStrategy(t, s, scoring(1), s.unique('Cards by model'));
    const young = (await decide({ id: 'c-1', age: 20, balance: 18_000, region: 'north' })).actions[0]!;
    const old = (await decide({ id: 'c-2', age: 75, balance: 1_000, region: 'south' })).actions[0]!;
    expect(young.actionId).toBe('gold-card');
    // The model learned the data's direction: young, wealthy northerners accept far more often.
    expect(young.propensity!).toBeGreaterThan(0.7);
    expect(old.propensity!).toBeLessThan(0.2);
    const lines = (
      await decide({ id: 'c-3', age: 75, balance: 1_000, region: 'south' }, true)
    ).explanation!.join('\n');
    expect(lines).toMatch(/propensity 0\.\d+: .*age 75 lowered it \(−\d\.\d\d\)/);
  });

  it('keeps deciding with the approved model version after a retrain; the next version names the change in the review diff', async () => {
    const customer = { id: 'c-4', age: 40, balance: 9_000, region: 'east' };
    const before = (await decide(customer)).actions[0]!.propensity;
    await train({ modelId, algorithm: 'GBDT', settings: { trees: 20 } });
    expect((await decide(customer)).actions[0]!.propensity).toBe(before);

    const next = await publishNewVersion(t, s, published, scoring(2));
    expect(next.contentHash).not.toBe(published.contentHash);
    const diff = ok(
      await t.gql(
        `query($a: ID!, $b: ID!) { diff(fromVersionId: $a, toVersionId: $b) { environment } }`,
        { a: published.versionId, b: next.versionId },
        s.reviewer.token,
      ),
    ).diff;
    expect(diff.environment).toEqual([
      expect.stringMatching(/^model 'Card acceptance': version 1 → 2, AUC 0\.\d{3} → 0\.\d{3}$/),
    ]);
    expect((await decide(customer)).actions[0]!.propensity).not.toBe(before);
    published = next;
  });

  it('pins the latest version at submission when a draft names none, and refuses an unknown model in words', async () => {
    const { version } = await createStrategy(
      t,
      s.designer.token,
      s.unique('Latest model'),
      scoring(undefined),
    );
    // Saved, and the problem says what is wrong and where.
    const unknown = await saveDraft(
      t,
      s.designer.token,
      version.id,
      version.revision,
      scoring(undefined, 'no-such-model'),
    );
    expect(unknown.data!.saveDraft.valid).toBe(false);
    expect(unknown.errors![0]!.extensions!['details']).toEqual([
      expect.objectContaining({
        nodeId: 'score',
        field: 'config.model.modelId',
        message: expect.stringMatching(/model "no-such-model" does not exist/),
      }),
    ]);
    const back = ok(
      await saveDraft(
        t,
        s.designer.token,
        version.id,
        unknown.data!.saveDraft.version.revision,
        scoring(undefined),
      ),
    ).saveDraft;
    expect(back.valid).toBe(true);
    ok(
      await t.gql(
        `mutation($v: ID!) { submitVersion(versionId: $v) { id } }`,
        { v: version.id },
        s.designer.token,
      ),
    );
    const pinned = (
      await t.sql.query(`SELECT environment FROM strategy_versions WHERE id = $1`, [version.id])
    ).rows[0].environment;
    expect(Object.values(pinned.models).map((m) => (m as { version: number }).version)).toEqual([2]);
  });
});
