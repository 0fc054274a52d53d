import { toActionFact } from '@arbiter/engine';
import { emptyLearned, learnOne, priorState, snapshotOf } from '../src/adaptive/adaptive-learning';
import type { AdaptiveDefinition } from '../src/adaptive/adaptive-definitions';
import { adaptiveSetup, decideAndReport, eventually, type AdaptiveSetup } from './support/adaptive';
import { dropPrefix, REDIS_URL, uniquePrefix } from './support/redis';
import { startTestApp, type TestApp } from './support/test-app';
import { killWorkers, logged, startWorkerProcess, type WorkerProcess } from './support/worker-processes';

const OUTCOMES = 120;

/**
 * The learner in a real worker process, killed (SIGKILL) mid-stream and started again: the model
 * ends in exactly the state (same hash) of an undisturbed run over the same outcomes.
 */
describe('adaptive learner killed mid-stream', () => {
  const prefix = uniquePrefix('learner');
  let t: TestApp;
  let setup: AdaptiveSetup;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    // The API does not learn: only the worker processes do.
    t = await startTestApp({
      REDIS_URL,
      REDIS_PREFIX: prefix,
      RUN_WORKER: 'false',
      ADAPTIVE_LEARNER: 'false',
    });
    setup = await adaptiveSetup(t, 'Crash test (adaptive)');
  }, 120_000);
  afterAll(async () => {
    await killWorkers(workers);
    await t?.close();
    await dropPrefix(prefix);
  });

  const latest = async () =>
    (
      await t.sql.query(
        `SELECT evidence, hash, seq::float8 AS seq, (SELECT count(*)::int FROM adaptive_snapshots WHERE model_id = $1) AS snapshots FROM adaptive_snapshots WHERE model_id = $1 ORDER BY id DESC LIMIT 1`,
        [setup.modelId],
      )
    ).rows[0] as { evidence: number; hash: string; seq: number; snapshots: number };
  const worker = () => {
    const w = startWorkerProcess({
      DATABASE_URL: t.db.url,
      REDIS_URL,
      REDIS_PREFIX: prefix,
      ADAPTIVE_LEARNER_BATCH_SIZE: '3',
      ADAPTIVE_LEARNER_POLL_MS: '150',
      ADAPTIVE_LEARNER_SETTLE_MS: '0',
    });
    workers.push(w);
    return w;
  };

  /** The same outcomes learned in one uninterrupted pass, from the database's rows. */
  const undisturbed = async (): Promise<string> => {
    const model = (
      await t.sql.query(`SELECT provenance FROM model_versions WHERE model_id = $1 AND version = 1`, [
        setup.modelId,
      ])
    ).rows[0].provenance as { config: AdaptiveDefinition['config'] };
    const prior = priorState(setup.modelId, model.config, null);
    const rows = (
      await t.sql.query(
        `SELECT i.id::float8 AS seq, i.outcome, i.action_id, d.id AS decision_id, d.customer_id, d.inputs FROM interactions i JOIN decision_log d ON d.id = i.decision_id
         WHERE i.outcome <> 'shown' ORDER BY i.id`,
      )
    ).rows as {
      seq: number;
      outcome: string;
      action_id: string;
      decision_id: string;
      customer_id: string;
      inputs: { customer: object; context: object };
    }[];
    const learned = emptyLearned(0);
    for (const r of rows) {
      const facts = {
        customer: { id: r.customer_id, ...r.inputs.customer },
        context: { ...r.inputs.context, decisionId: r.decision_id },
        action: toActionFact({ id: 'gold-card', name: 'Gold card', group: 'cards' }),
      };
      learnOne(learned, prior, 'action', {
        id: String(r.seq),
        seq: r.seq,
        facts,
        label: r.outcome === 'accepted',
      });
    }
    expect(Object.values(learned.groups)[0]!.evidence).toBe(OUTCOMES);
    return snapshotOf(learned).hash;
  };

  it('restarts from the last snapshot and ends with the hash of an undisturbed run', async () => {
    await decideAndReport(t, setup, OUTCOMES);
    const first = worker();
    await logged(first, /Adaptive learner: this process learns now/);
    // Killed once a few batches are stored, long before the end (3 outcomes per 150 ms).
    const midway = await eventually(latest, (s) => s.evidence >= 9, 60_000);
    first.child.kill('SIGKILL');
    await first.exited;
    const atKill = await latest();
    expect(atKill.evidence).toBeGreaterThanOrEqual(midway.evidence);
    expect(atKill.evidence).toBeLessThan(OUTCOMES);

    const second = worker();
    await logged(second, /Adaptive learner: this process learns now/);
    const final = await eventually(latest, (s) => s.evidence >= OUTCOMES, 120_000);
    // Nothing counted twice: the learner stays at the total.
    await new Promise((r) => setTimeout(r, 600));
    expect((await latest()).evidence).toBe(OUTCOMES);
    expect(final.hash).toBe(await undisturbed());
  }, 300_000);
});
