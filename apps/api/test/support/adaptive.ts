import { createApiKey, publishStrategy, rest, type Published } from './decision-api';
import { createActions } from './fixtures';
import { Scenario } from './scenario';
import { ok, Role, setInBeforeAll, type TestApp, type TestUser } from './test-app';
import { pipelineDoc } from './documents';

export const STATUS_FIELDS = `modelId version frozen servingSnapshotId evidence positives successRate rollingAuc calibrationError mature lastUpdatedAt learnerLagSeconds
  alert { kind message since } history { at evidence positives rollingAuc calibrationError } groups { key name evidence positives successRate mature }
  predictors { name input importance bins { label weight sd } } snapshots { id seq evidence positives hash reason comment createdAt createdBy }
  overrides { actionId actionName shown overridden rate } servingSpec config { groupBy explorationShare maturity positiveOutcomes negativeOutcomes priorModelId priorVersion predictors { input type center spread } }`;

/** A learner that polls for outcomes every 50 ms and applies them at once: tests see learning within a second. */
export const FAST_LEARNER = { ADAPTIVE_LEARNER_POLL_MS: '50', ADAPTIVE_LEARNER_SETTLE_MS: '50' };

const CREATE = `mutation($i: AdaptiveModelInput!) { createAdaptiveModel(input: $i) { id name kind } }`;

/** An adaptive model over customer.age: young customers accept, old ones decline (see `accepts`). */
export function modelInput(name: string, extra: Record<string, unknown> = {}) {
  return {
    name,
    predictors: [{ input: 'customer.age', type: 'number', center: 45, spread: 15 }],
    positiveOutcomes: ['accepted'],
    negativeOutcomes: ['declined'],
    explorationShare: 0,
    maturity: 20,
    ...extra,
  };
}

/** The simulated population's truth: deterministic per customer. */
export function accepts(age: number): boolean {
  return age < 40;
}

/** One action ("gold-card"), scored by the adaptive model. */
export function scoringDocument(modelId: string, version = 1) {
  return pipelineDoc(
    { id: 'candidates', type: 'actions', config: { groups: ['cards'] } },
    {
      id: 'score',
      type: 'score',
      label: 'Acceptance',
      config: { model: { type: 'registry', modelId, version } },
    },
    { id: 'output', type: 'output' },
  );
}

export interface AdaptiveSetup {
  s: Scenario;
  analyst: TestUser;
  admin: TestUser;
  key: string;
  modelId: string;
  published: Published;
}

/** `createAdaptiveModel` of `modelInput(name, extra)`: the response, for reading the model or a refusal. */
export function createModel(
  t: Pick<TestApp, 'gql'>,
  token: string,
  name: string,
  extra: Record<string, unknown> = {},
) {
  return t.gql(CREATE, { i: modelInput(name, extra) }, token);
}

/** An adaptive model, the gold-card action and a published strategy scoring with it; an API key for REST. */
export async function adaptiveSetup(t: TestApp, name: string): Promise<AdaptiveSetup> {
  const s = await new Scenario(t).init();
  const analyst = await t.user([Role.analyst]);
  const admin = await t.user([Role.admin]);
  const key = (await createApiKey(t, admin.token)).secret;
  await createActions(t, s.designer.token, [{ id: 'gold-card', name: 'Gold card', group: 'cards' }]);
  const modelId = ok(await createModel(t, analyst.token, name)).createAdaptiveModel.id as string;
  const published = await publishStrategy(t, s, scoringDocument(modelId), s.unique('Cards adaptive'));
  return { s, analyst, admin, key, modelId, published };
}

/** The adaptive set-up of `adaptiveSetup`, made by a `beforeAll` (declare it after the app's). */
export function useAdaptiveSetup(t: TestApp, name: string): AdaptiveSetup {
  const setup = setInBeforeAll<AdaptiveSetup>('the adaptive set-up');
  beforeAll(async () => setup.set(await adaptiveSetup(t, name)), 120_000);
  return setup.value;
}

/** A decision through the REST API of `t` (any instance). */
export async function decide(
  t: Pick<TestApp, 'app'>,
  setup: AdaptiveSetup,
  customer: Record<string, unknown>,
) {
  const res = await rest(t, setup.key).post('/api/v1/decisions', {
    strategy: setup.published.strategyId,
    customer,
  });
  if (res.status !== 200) throw new Error(`decision ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as { decisionId: string; actions: { actionId: string; propensity?: number }[] };
}

/**
 * `POST /api/v1/outcomes` with `body`, sent again while the answer is 503 (the decision is still in
 * the log buffer), as a caller does: the first other answer.
 */
export async function postOutcome(
  t: Pick<TestApp, 'app'>,
  setup: AdaptiveSetup,
  body: Record<string, unknown>,
) {
  for (;;) {
    const res = await rest(t, setup.key).post('/api/v1/outcomes', body);
    if (res.status !== 503) return res;
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** Decisions for `n` customers and their outcomes (by decisionId only); returns the outcome ids. */
export async function decideAndReport(
  t: Pick<TestApp, 'app'>,
  setup: AdaptiveSetup,
  n: number,
  offset = 0,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const age = 20 + ((i * 37 + offset) % 50);
    const { decisionId } = await decide(t, setup, { id: `c${offset + i}`, age });
    const res = await postOutcome(t, setup, { decisionId, outcome: accepts(age) ? 'accepted' : 'declined' });
    if (res.status !== 201) throw new Error(`outcome ${res.status}: ${JSON.stringify(res.body)}`);
    ids.push(res.body.id as string);
  }
  return ids;
}

export async function status(t: TestApp, token: string, modelId: string, version = 1) {
  return ok(
    await t.gql(
      `query($m: ID!, $v: Int!) { adaptiveModelStatus(modelId: $m, version: $v) { ${STATUS_FIELDS} } }`,
      { m: modelId, v: version },
      token,
    ),
  ).adaptiveModelStatus;
}

/** Polls until `check` holds (generous deadline: loaded machines). */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  ms = 60_000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > until)
      throw new Error(
        `condition not met within ${ms} ms; last value: ${JSON.stringify(value).slice(0, 2000)}`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}
