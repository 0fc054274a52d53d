import { DatasetRetentionService } from '../src/retention/dataset-retention.service';
import { MaintenanceSchedule } from '../src/retention/maintenance-schedule';
import { customersCsv, uploadDataset } from './support/datasets';
import { Role, useTestApp, type TestUser } from './support/test-app';

/** Datasets hold customers' history: DATASET_RETENTION_DAYS bounds how long an upload is kept. */
describe('dataset retention', () => {
  const t = useTestApp({ DATASET_RETENTION_DAYS: '30' });
  let analyst: TestUser;
  beforeAll(async () => {
    analyst = await t.user([Role.analyst]);
    // The pass the app starts on boot must be over, or it could expire this test's uploads itself.
    await t.app.get(MaintenanceSchedule).pass();
  });

  const upload = async (name: string, rows: number, ageDays: number) => {
    const id = (await uploadDataset(t, analyst.token, name, customersCsv(rows), { useCustomerSchema: false }))
      .body.id as string;
    await t.sql.query(`UPDATE datasets SET created_at = now() - make_interval(days => $2) WHERE id = $1`, [
      id,
      ageDays,
    ]);
    return id;
  };
  const count = async (sql: string, id: string) => (await t.sql.query<{ n: number }>(sql, [id])).rows[0]!.n;
  const exists = (id: string) => count('SELECT count(*)::int AS n FROM datasets WHERE id = $1', id);
  const rows = (id: string) => count('SELECT count(*)::int AS n FROM dataset_rows WHERE dataset_id = $1', id);

  it('deletes uploads older than the setting with their rows, audited; keeps newer ones', async () => {
    const old = await upload('expired history', 12, 31);
    const recent = await upload('recent history', 5, 29);

    expect(await t.app.get(DatasetRetentionService).expire()).toBe(1);

    expect([await exists(old), await rows(old)]).toEqual([0, 0]);
    expect([await exists(recent), await rows(recent)]).toEqual([1, 5]);
    const audit = await t.sql.query(
      `SELECT actor_id, comment FROM audit_log WHERE action = 'dataset.delete' AND entity_id = $1`,
      [old],
    );
    expect(audit.rows).toEqual([
      { actor_id: null, comment: 'expired history (12 rows): older than DATASET_RETENTION_DAYS=30' },
    ]);
  });

  it('keeps an expired dataset a simulation is queued on until a later pass', async () => {
    const id = await upload('busy history', 3, 40);
    const queued = await t.sql.query<{ id: string }>(
      `INSERT INTO simulations (content_hash, status, dataset_id) VALUES ($1, 'QUEUED', $2) RETURNING id`,
      ['d'.repeat(64), id],
    );
    const retention = t.app.get(DatasetRetentionService);

    expect(await retention.expire()).toBe(0);
    expect([await exists(id), await rows(id)]).toEqual([1, 3]);

    await t.sql.query(`UPDATE simulations SET status = 'CANCELLED' WHERE id = $1`, [queued.rows[0]!.id]);
    expect(await retention.expire()).toBe(1);
    expect(await exists(id)).toBe(0);
  });
});
