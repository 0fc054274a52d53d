import { SnapshotRetentionService } from '../src/adaptive/snapshot-retention.service';
import { useAdaptiveSetup, decideAndReport, eventually, FAST_LEARNER, status } from './support/adaptive';
import { ok, Role, useTestApp } from './support/test-app';

const ROLLBACK = `mutation($m: ID!, $s: ID!, $r: String!) { rollBackAdaptiveModel(modelId: $m, version: 1, snapshotId: $s, reason: $r) { servingSnapshotId } }`;

jest.setTimeout(180_000);

/** Issue 21: adaptive snapshots are bounded, but never the ones served or named by the audit trail. */
describe('adaptive snapshot retention', () => {
  const t = useTestApp({ ...FAST_LEARNER, ADAPTIVE_SNAPSHOT_INTERVAL_MS: '0', ADAPTIVE_SNAPSHOTS_KEEP: '2' });
  const setup = useAdaptiveSetup(t, 'Trimmed (adaptive)');

  const snapshots = async () =>
    (
      await t.sql.query(
        `SELECT s.id::text AS id, s.reason FROM adaptive_snapshots s WHERE s.model_id = $1 ORDER BY s.id`,
        [setup.modelId],
      )
    ).rows as { id: string; reason: string }[];
  const evidence = async () => (await status(t, setup.analyst.token, setup.modelId)).evidence as number;

  it('keeps the newest learned snapshots, the served one, rollbacks and the snapshot a rollback names', async () => {
    for (let round = 1; round <= 3; round++) {
      await decideAndReport(t, setup, 5, round * 100);
      await eventually(evidence, (e) => e === round * 5);
    }
    const learned = (await snapshots()).filter((s) => s.reason === 'learned');
    expect(learned.length).toBeGreaterThanOrEqual(3);
    const target = learned[1]!;
    const served = ok(
      await t.gql(
        ROLLBACK,
        { m: setup.modelId, s: target.id, r: 'round two was better' },
        (await t.user([Role.admin])).token,
      ),
    ).rollBackAdaptiveModel.servingSnapshotId as string;
    // One learned snapshot per round: a busy learner may otherwise learn two rounds in one pass.
    const learnedSinceRollback = async () =>
      (await snapshots()).filter((s) => s.reason === 'learned' && Number(s.id) > Number(served)).length;
    for (let round = 4; round <= 6; round++) {
      const made = await learnedSinceRollback();
      await decideAndReport(t, setup, 5, round * 100);
      await eventually(learnedSinceRollback, (count) => count > made);
    }

    // The learner has read every outcome: no snapshot is written while this test compares.
    let before = await snapshots();
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const again = await snapshots();
      if (again.length === before.length) break;
      before = again;
    }
    const deleted = await t.app.get(SnapshotRetentionService).trim();
    const after = await snapshots();

    expect(deleted).toBeGreaterThan(0);
    expect(after.length).toBe(before.length - deleted);
    const kept = new Set(after.map((s) => s.id));
    const newestLearned = before.filter((s) => s.reason === 'learned').slice(-2);
    for (const s of newestLearned) expect(kept).toContain(s.id);
    expect(kept).toContain(target.id);
    expect(kept).toContain(served);
    // Snapshots made by staff (reset, rollback) stay whatever their age.
    for (const s of before.filter((b) => b.reason !== 'learned')) expect(kept).toContain(s.id);
    const { servingSnapshotId } = (
      await t.sql.query(
        `SELECT serving_snapshot_id::text AS "servingSnapshotId" FROM adaptive_controls WHERE model_id = $1`,
        [setup.modelId],
      )
    ).rows[0];
    expect(kept).toContain(servingSnapshotId);
    expect(after.filter((s) => s.reason === 'learned' && s.id !== target.id)).toEqual(newestLearned);
  });
});
