// Learner-under-load bench (`npm run bench -- learner`, figures under `learning`): does the adaptive
// learner disturb the decision API? The built API (learner off) decides for a strategy whose score
// step is an adaptive model while a second stream of decisions and outcomes feeds the learner, in
// three phases of the same load: A without a learner, B with a worker process learning (snapshots
// announced on Redis, the API recompiling its plan on each), C without a learner again. The decision
// p99 of B is compared with A and C (before and after, so drift of a shared machine shows).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { killProcess, paced, query, signIn, startBenchApi } from './decisions';
import { printTable, saveResults } from './bench-results';

const DIST = join(__dirname, '..', 'dist');
const RATE = Number(process.env['LEARNER_BENCH_RATE'] ?? 300);
const SECONDS = Number(process.env['LEARNER_BENCH_SECONDS'] ?? 15);
/** Decision + outcome pairs per second feeding the learner, in every phase. */
const OUTCOME_RATE = 100;

export async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'main.js')))
    throw new Error('apps/api/dist is missing: run `npm run bench -- learner`, which builds it.');
  const api = await startBenchApi([join(DIST, 'main.js')], { ADAPTIVE_LEARNER: 'false' });
  const { base, dbUrl, env, secret } = api;
  let learner: ChildProcess | undefined;
  try {
    const { strategyId, modelId } = await publishAdaptiveStrategy(base, dbUrl);
    const body = (i: number) =>
      JSON.stringify({ strategy: strategyId, customer: { id: `m-${i % 5000}`, age: 20 + (i % 50) } });
    // Warm-up: the plan compiles, pools fill.
    await paced(base, secret, body, 100, 3);

    const phase = async (name: string) => {
      const feeding = feedOutcomes(base, secret, strategyId);
      const run = await paced(base, secret, body, RATE, SECONDS);
      const fed = await feeding.stop();
      return { ...run, name, fed };
    };
    const a = await phase('A: no learner');
    learner = spawn(process.execPath, [join(DIST, 'worker.js')], {
      env: { ...env, ADAPTIVE_LEARNER: 'true' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const snapshots = async () =>
      Number(
        (
          await query(dbUrl, `SELECT count(*) AS n FROM adaptive_snapshots WHERE model_id = '${modelId}'`)
        )[0]!['n'],
      );
    const before = await snapshots();
    // The learner catches up with phase A's outcomes before B is measured.
    for (let i = 0; i < 120 && (await snapshots()) <= before; i++)
      await new Promise((r) => setTimeout(r, 250));
    const atStart = await snapshots();
    const b = await phase('B: learner running');
    const duringB = (await snapshots()) - atStart;
    learner.kill('SIGTERM');
    await new Promise((resolve) => learner!.once('exit', resolve));
    learner = undefined;
    const c = await phase('C: no learner again');
    const evidence = Number(
      (
        await query(dbUrl, `SELECT max(evidence) AS n FROM adaptive_snapshots WHERE model_id = '${modelId}'`)
      )[0]!['n'] ?? 0,
    );

    printTable(
      [a, b, c].map((r) => ({
        phase: r.name,
        'req/s': Math.round(r.requestsPerSec),
        'p50 ms': r.p50.toFixed(2),
        'p99 ms': r.p99.toFixed(2),
        errors: r.errors,
        'outcomes fed': r.fed,
      })),
    );
    const off = (a.p99 + c.p99) / 2;
    const ratio = b.p99 / off;
    console.log(
      `\n${RATE} decisions/s measured + ${OUTCOME_RATE} decision/outcome pairs/s feeding the learner, ${SECONDS} s per phase`,
    );
    console.log(
      `snapshots published while B ran: ${duringB} (the API recompiled its plan on each); model evidence at the end: ${evidence}`,
    );
    console.log(
      `p99 with the learner / without (mean of A and C): ${ratio.toFixed(2)}; A→C drift ${(c.p99 / a.p99).toFixed(2)}`,
    );
    saveResults('learning', {
      apiP99MsLearnerOff: round(off),
      apiP99MsLearnerOn: round(b.p99),
      apiP99RatioLearnerOn: round(ratio),
      apiP99DriftWithoutLearner: round(c.p99 / a.p99),
      apiSnapshotsDuringRun: duringB,
      apiErrors: a.errors + b.errors + c.errors,
    });
  } finally {
    await killProcess(learner);
    await api.stop();
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

async function gql(
  base: string,
  token: string | undefined,
  queryText: string,
  variables: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: queryText, variables }),
  });
  const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown };
  if (!body.data || body.errors) throw new Error(`GraphQL: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/**
 * An adaptive model over customer.age (one posterior per action, 10% exploration) and a strategy
 * scoring the telco catalog with it, through the real lifecycle: created, submitted, a completed
 * simulation of its content (inserted, as the tests' fixtures do), approved, published.
 */
async function publishAdaptiveStrategy(
  base: string,
  dbUrl: string,
): Promise<{ strategyId: string; modelId: string }> {
  // Users of the lifecycle (four eyes: the reviewer did not write it).
  const designer = await signIn(base, dbUrl, 'designer@bench.local', 'designer');
  const reviewer = await signIn(base, dbUrl, 'reviewer@bench.local', 'reviewer');
  const owner = await signIn(base, dbUrl, 'owner@bench.local', 'analyst,publisher');
  const model = await gql(
    base,
    owner,
    `mutation($i: AdaptiveModelInput!) { createAdaptiveModel(input: $i) { id } }`,
    {
      i: {
        name: 'Bench acceptance (adaptive)',
        predictors: [{ input: 'customer.age', type: 'number', center: 45, spread: 15 }],
        positiveOutcomes: ['accepted'],
        negativeOutcomes: ['declined'],
        explorationShare: 0.1,
        maturity: 50,
      },
    },
  );
  const modelId = (model['createAdaptiveModel'] as { id: string }).id;
  const document = {
    schemaVersion: 1,
    nodes: [
      { id: 'candidates', type: 'actions', config: {} },
      { id: 'score', type: 'score', config: { model: { type: 'registry', modelId, version: 1 } } },
      { id: 'output', type: 'output', config: {} },
    ],
    edges: [
      { source: 'candidates', target: 'score' },
      { source: 'score', target: 'output' },
    ],
  };
  const created = await gql(
    base,
    designer,
    `mutation($i: CreateStrategyInput!) { createStrategy(input: $i) { id versions { id contentHash } } }`,
    {
      i: { name: 'Bench adaptive', document },
    },
  );
  const strategy = created['createStrategy'] as {
    id: string;
    versions: { id: string; contentHash: string }[];
  };
  const version = strategy.versions[0]!;
  await gql(base, designer, `mutation($v: ID!) { submitVersion(versionId: $v) { id } }`, { v: version.id });
  await query(
    dbUrl,
    `INSERT INTO simulations (content_hash, status, results, completed_at) VALUES ('${version.contentHash}', 'COMPLETED', '{"rows": 100}', now())`,
  );
  await gql(base, reviewer, `mutation($v: ID!) { approveVersion(versionId: $v) { id } }`, { v: version.id });
  await gql(base, owner, `mutation($v: ID!) { publishVersion(versionId: $v) { id } }`, { v: version.id });
  return { strategyId: strategy.id, modelId };
}

/** Decisions followed by the outcome of their top action (young customers accept), OUTCOME_RATE pairs a second until stopped. */
function feedOutcomes(base: string, key: string, strategyId: string): { stop(): Promise<number> } {
  const agent = new Agent({ keepAlive: true, maxSockets: 32 });
  let running = true;
  let fed = 0;
  let firstError: string | undefined;
  const inFlight = new Set<Promise<void>>();
  const pair = async (i: number) => {
    const age = 20 + ((i * 37) % 50);
    const decision = await post(agent, `${base}/api/v1/decisions`, key, {
      strategy: strategyId,
      customer: { id: `f-${i}`, age },
    });
    const answer = JSON.parse(decision.text) as { decisionId?: string; actions?: { actionId: string }[] };
    const decisionId = answer.decisionId;
    const actionId = answer.actions?.[0]?.actionId;
    if (!decisionId || !actionId) {
      firstError ??= `decision ${decision.status}: ${decision.text.slice(0, 300)}`;
      return;
    }
    for (let attempt = 0; attempt < 20 && running; attempt++) {
      const res = await post(agent, `${base}/api/v1/outcomes`, key, {
        decisionId,
        actionId,
        outcome: age < 40 ? 'accepted' : 'declined',
      });
      if (res.status === 201) {
        fed += 1;
        return;
      }
      if (res.status !== 503) {
        firstError ??= `outcome ${res.status}: ${res.text.slice(0, 300)}`;
        return;
      }
      // 503: the decision is still in the log's buffer; a caller sends again a moment later.
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  let i = 0;
  const timer = setInterval(() => {
    const p = pair(i++).catch(() => undefined);
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  }, 1000 / OUTCOME_RATE);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(inFlight);
      running = false;
      agent.destroy();
      if (fed === 0 && firstError)
        throw new Error(`no outcome was accepted; the first refusal: ${firstError}`);
      return fed;
    },
  };
}

function post(
  agent: Agent,
  url: string,
  key: string,
  body: unknown,
): Promise<{ status: number; text: string }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${key}`,
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
