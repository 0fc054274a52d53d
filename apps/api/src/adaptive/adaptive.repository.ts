import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';

/** Any number every learner agrees on: only the process holding this advisory lock learns. */
const LEARNER_LOCK = 0x6164_6170; // "adap"
import type { GuardState } from './guard';

export enum SnapshotReason {
  LEARNED = 'learned',
  RESET = 'reset',
  ROLLBACK = 'rollback',
}

export interface SnapshotRow {
  id: string;
  modelId: string;
  version: number;
  seq: number;
  evidence: number;
  positives: number;
  hash: string;
  /** The guard's figures when it was written (its evidence, the last outcomes, only in `snapshot` and `serving`). */
  rollingAuc: number | null;
  calibrationError: number | null;
  reason: SnapshotReason;
  comment: string | null;
  createdAt: Date;
  createdBy: string | null;
}

/** A snapshot with what it learned and its guard's evidence. */
export type FullSnapshotRow = SnapshotRow & { state: string; guard: GuardState };

export interface NewSnapshot {
  modelId: string;
  version: number;
  seq: number;
  evidence: number;
  positives: number;
  state: string;
  hash: string;
  guard: GuardState;
  reason: SnapshotReason;
  comment: string | null;
  createdBy: string | null;
}

export interface ControlRow {
  modelId: string;
  version: number;
  frozen: boolean;
  servingSnapshotId: string;
  scannedSeq: number;
  scannedAt: Date | null;
  updatedAt: Date;
}

const SNAPSHOT_COLUMNS = `s.id::text AS id, s.model_id AS "modelId", s.version, s.seq::float8 AS seq, s.evidence, s.positives, s.hash,
  (s.guard ->> 'rollingAuc')::float8 AS "rollingAuc", (s.guard ->> 'calibrationError')::float8 AS "calibrationError",
  s.reason, s.comment, s.created_at AS "createdAt", s.created_by::text AS "createdBy"`;
const CONTROL_COLUMNS = `c.model_id AS "modelId", c.version, c.frozen, c.serving_snapshot_id::text AS "servingSnapshotId",
  c.scanned_seq::float8 AS "scannedSeq", c.scanned_at AS "scannedAt", c.updated_at AS "updatedAt"`;

/** Every query on `adaptive_snapshots` (inserted, never changed) and `adaptive_controls`. */
@Injectable()
export class AdaptiveRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The learner's PostgreSQL advisory lock, taken on a connection of its own (held while that session
   * lives, so a learner that dies frees it); undefined when another process holds it.
   */
  async tryLearnerLock(): Promise<QueryRunner | undefined> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const [{ locked }] = (await runner.query(`SELECT pg_try_advisory_lock($1) AS locked`, [
      LEARNER_LOCK,
    ])) as {
      locked: boolean;
    }[];
    if (locked) return runner;
    await runner.release();
    return undefined;
  }

  /** Still connected (the lock lives with the session): throws when the connection is gone. */
  async checkLearnerLock(runner: QueryRunner): Promise<void> {
    await runner.query('SELECT 1');
  }

  async releaseLearnerLock(runner: QueryRunner): Promise<void> {
    await runner.query(`SELECT pg_advisory_unlock($1)`, [LEARNER_LOCK]).catch(() => undefined);
    await runner.release().catch(() => undefined);
  }

  /**
   * Deletes learned snapshots beyond the newest `keep` of each model version. Kept whatever their
   * age: snapshots made by staff (reset, rollback), the served one, and the ids in `named` (rollback
   * targets the audit trail names). Returns how many went.
   */
  async trimSnapshots(keep: number, named: readonly string[]): Promise<number> {
    const rows: { n: number }[] = await this.dataSource.query(
      `WITH ranked AS (
         SELECT id, reason, row_number() OVER (PARTITION BY model_id, version ORDER BY id DESC) AS n FROM adaptive_snapshots
       ), gone AS (
         DELETE FROM adaptive_snapshots s USING ranked r
          WHERE s.id = r.id AND r.n > $1 AND r.reason = 'learned' AND s.id <> ALL($2::bigint[])
            AND NOT EXISTS (SELECT 1 FROM adaptive_controls c WHERE c.serving_snapshot_id = s.id)
         RETURNING 1
       )
       SELECT count(*)::int AS n FROM gone`,
      [keep, named],
    );
    return rows[0]!.n;
  }

  async insertSnapshot(em: EntityManager, s: NewSnapshot): Promise<string> {
    const rows: { id: string }[] = await em.query(
      `INSERT INTO adaptive_snapshots (model_id, version, seq, evidence, positives, state, hash, guard, reason, comment, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id::text AS id`,
      [
        s.modelId,
        s.version,
        s.seq,
        s.evidence,
        s.positives,
        s.state,
        s.hash,
        JSON.stringify(s.guard),
        s.reason,
        s.comment,
        s.createdBy,
      ],
    );
    return rows[0]!.id;
  }

  async insertControl(
    em: EntityManager,
    modelId: string,
    version: number,
    snapshotId: string,
  ): Promise<void> {
    await em.query(
      `INSERT INTO adaptive_controls (model_id, version, serving_snapshot_id) VALUES ($1, $2, $3)`,
      [modelId, version, snapshotId],
    );
  }

  /** Serializes the learner's and the publishers' changes of one model version. */
  async lockControl(em: EntityManager, modelId: string, version: number): Promise<ControlRow | undefined> {
    const rows: ControlRow[] = await em.query(
      `SELECT ${CONTROL_COLUMNS} FROM adaptive_controls c WHERE model_id = $1 AND version = $2 FOR UPDATE`,
      [modelId, version],
    );
    return rows[0];
  }

  async serve(em: EntityManager, modelId: string, version: number, snapshotId: string): Promise<void> {
    await em.query(
      `UPDATE adaptive_controls SET serving_snapshot_id = $3, updated_at = now() WHERE model_id = $1 AND version = $2`,
      [modelId, version, snapshotId],
    );
  }

  async setFrozen(em: EntityManager, modelId: string, version: number, frozen: boolean): Promise<void> {
    await em.query(
      `UPDATE adaptive_controls SET frozen = $3, updated_at = now() WHERE model_id = $1 AND version = $2`,
      [modelId, version, frozen],
    );
  }

  /** The learner's read position (never moved back). */
  async scanned(modelId: string, version: number, seq: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE adaptive_controls SET scanned_seq = greatest(scanned_seq, $3), scanned_at = now() WHERE model_id = $1 AND version = $2`,
      [modelId, version, seq],
    );
  }

  control(modelId: string, version: number): Promise<ControlRow | undefined> {
    return this.dataSource
      .query<ControlRow[]>(
        `SELECT ${CONTROL_COLUMNS} FROM adaptive_controls c WHERE model_id = $1 AND version = $2`,
        [modelId, version],
      )
      .then((r) => r[0]);
  }

  /** Model versions that learn now (not frozen), with their newest snapshot. */
  learning(): Promise<(ControlRow & { latestSnapshotId: string })[]> {
    return this.dataSource.query(
      `SELECT ${CONTROL_COLUMNS}, (SELECT max(s.id)::text FROM adaptive_snapshots s WHERE s.model_id = c.model_id AND s.version = c.version) AS "latestSnapshotId"
       FROM adaptive_controls c WHERE NOT c.frozen ORDER BY c.model_id, c.version`,
    );
  }

  async latestSnapshotId(em: EntityManager, modelId: string, version: number): Promise<string> {
    const rows: { id: string }[] = await em.query(
      `SELECT max(id)::text AS id FROM adaptive_snapshots WHERE model_id = $1 AND version = $2`,
      [modelId, version],
    );
    return rows[0]!.id;
  }

  /** A snapshot with its state. */
  async snapshot(
    id: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<FullSnapshotRow | undefined> {
    const rows: FullSnapshotRow[] = await em.query(
      `SELECT ${SNAPSHOT_COLUMNS}, s.state, s.guard FROM adaptive_snapshots s WHERE s.id = $1`,
      [id],
    );
    return rows[0];
  }

  /** The snapshot a model version serves, with its state. */
  async serving(modelId: string, version: number): Promise<FullSnapshotRow | undefined> {
    const rows: FullSnapshotRow[] = await this.dataSource.query(
      `SELECT ${SNAPSHOT_COLUMNS}, s.state, s.guard FROM adaptive_controls c JOIN adaptive_snapshots s ON s.id = c.serving_snapshot_id WHERE c.model_id = $1 AND c.version = $2`,
      [modelId, version],
    );
    return rows[0];
  }

  /** Each model version's newest guard figures (for /metrics). */
  guards(): Promise<{ modelId: string; version: number; rollingAuc: number | null; alert: unknown }[]> {
    return this.dataSource
      .query(
        `SELECT c.model_id AS "modelId", c.version, (s.guard ->> 'rollingAuc')::float8 AS "rollingAuc", s.guard -> 'alert' AS alert
       FROM adaptive_controls c
       JOIN LATERAL (SELECT guard FROM adaptive_snapshots WHERE model_id = c.model_id AND version = c.version ORDER BY id DESC LIMIT 1) s ON true`,
      )
      .then((rows: { modelId: string; version: number; rollingAuc: number | null; alert: unknown }[]) =>
        rows.map((r) => ({ ...r, alert: r.alert === 'null' ? null : r.alert })),
      );
  }

  /** The lowest read position of the models that learn now; undefined when none does. */
  async lowestScanned(): Promise<number | undefined> {
    const rows: { seq: number | null }[] = await this.dataSource.query(
      `SELECT min(greatest(c.scanned_seq, s.seq))::float8 AS seq FROM adaptive_controls c JOIN adaptive_snapshots s ON s.id = c.serving_snapshot_id WHERE NOT c.frozen`,
    );
    return rows[0]?.seq ?? undefined;
  }

  /** Newest first, without states. */
  snapshots(modelId: string, version: number, limit: number): Promise<SnapshotRow[]> {
    return this.dataSource.query(
      `SELECT ${SNAPSHOT_COLUMNS} FROM adaptive_snapshots s WHERE s.model_id = $1 AND s.version = $2 ORDER BY s.id DESC LIMIT $3`,
      [modelId, version, limit],
    );
  }
}
