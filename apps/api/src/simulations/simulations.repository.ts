import { Injectable } from '@nestjs/common';
import type { ProblemCode, StrategyEnvironment } from '@arbiter/engine';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Simulation, SimulationStatus } from './simulation.entity';

/** A simulation as its processor reads it. */
export interface SimulationRecord {
  id: string;
  status: string;
  content_hash: string;
  dataset_id: string | null;
  version_id: string | null;
  baseline_version_id: string | null;
  options: {
    environment?: StrategyEnvironment;
    baselineEnvironment?: StrategyEnvironment;
    tolerate?: ProblemCode[];
    protectedFields?: { name: string }[];
    learning?: { orderBy: string };
  };
  decision_time: Date | null;
  rows_total: number;
  chunk_size: number;
  chunk_count: number;
}

/** One chunk's stored results. */
export interface StoredChunk<Result, Paired> {
  chunk_no: number;
  rows: number;
  result: Result;
  baseline_result: Result | null;
  paired: Paired | null;
}

/** A new simulation, QUEUED. */
export interface NewSimulation {
  contentHash: string;
  datasetId: string;
  createdBy: string;
  versionId: string;
  baselineVersionId: string | null;
  baselineContentHash: string | null;
  options: Record<string, unknown>;
  rowsTotal: number;
  chunkSize: number;
  chunkCount: number;
}

/** UPDATE … RETURNING answers [rows, count] through TypeORM's postgres driver. */
const changedRows = (result: unknown[]): boolean =>
  Array.isArray(result[0]) ? (result[0] as unknown[]).length > 0 : result.length > 0;

/** What `simulations` can be narrowed to; every filter is optional and they combine with AND. */
export interface SimulationFilter {
  contentHash?: string | null;
  /** The simulated version is one of these (a strategy's versions: the strategies feature knows them). */
  versionIds?: readonly string[] | null;
  datasetId?: string | null;
}

export const SIMULATION_LIST_LIMIT = 100;

/**
 * How old a QUEUED or RUNNING simulation must be before the queue's word that it holds no work
 * for it counts: runSimulation stores the simulation, then queues its jobs (within a few seconds).
 */
export const QUEUEING_GRACE_SECONDS = 5;

/** A simulation `runSimulation` may hand back instead of starting one; `settled` once past QUEUEING_GRACE_SECONDS. */
export interface ReusableSimulation {
  id: string;
  status: SimulationStatus;
  settled: boolean;
}

/** A QUEUED or RUNNING simulation, as the watchdog needs it. */
export interface UnfinishedSimulation {
  id: string;
  datasetId: string | null;
  chunkCount: number;
}

/** Every query of `simulations` and `simulation_chunks` (the simulations feature owns both). */
@Injectable()
export class SimulationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string): Promise<Simulation | null> {
    return this.dataSource.manager.findOne(Simulation, { where: { id } });
  }

  async record(id: string): Promise<SimulationRecord | undefined> {
    const rows = await this.dataSource.query<SimulationRecord[]>(
      `SELECT id, status, content_hash, dataset_id, version_id, baseline_version_id, options, decision_time, rows_total, chunk_size, chunk_count
       FROM simulations WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  async status(id: string): Promise<string | undefined> {
    const rows = await this.dataSource.query<{ status: string }[]>(
      `SELECT status FROM simulations WHERE id = $1`,
      [id],
    );
    return rows[0]?.status;
  }

  async insert(em: EntityManager, simulation: NewSimulation): Promise<string> {
    const rows = await em.query<{ id: string }[]>(
      `INSERT INTO simulations (content_hash, dataset_id, status, created_by, version_id, baseline_version_id, baseline_content_hash, options, decision_time, rows_total, chunk_size, chunk_count)
       VALUES ($1, $2, 'QUEUED', $3, $4, $5, $6, $7, now(), $8, $9, $10) RETURNING id`,
      [
        simulation.contentHash,
        simulation.datasetId,
        simulation.createdBy,
        simulation.versionId,
        simulation.baselineVersionId,
        simulation.baselineContentHash,
        JSON.stringify(simulation.options),
        simulation.rowsTotal,
        simulation.chunkSize,
        simulation.chunkCount,
      ],
    );
    return rows[0]!.id;
  }

  markRunning(id: string): Promise<unknown> {
    return this.dataSource.query(
      `UPDATE simulations SET status = 'RUNNING', started_at = coalesce(started_at, now()), updated_at = now() WHERE id = $1 AND status = 'QUEUED'`,
      [id],
    );
  }

  /** CANCELLED if QUEUED or RUNNING; whether it was. */
  async cancel(em: EntityManager, id: string): Promise<boolean> {
    return changedRows(
      await em.query(
        `UPDATE simulations SET status = 'CANCELLED', updated_at = now() WHERE id = $1 AND status IN ('QUEUED','RUNNING') RETURNING id`,
        [id],
      ),
    );
  }

  /** COMPLETED with its results if QUEUED or RUNNING; whether it was. */
  async complete(id: string, results: unknown, comparison: unknown): Promise<boolean> {
    return changedRows(
      await this.dataSource.query(
        `UPDATE simulations SET status = 'COMPLETED', results = $2, comparison = $3, completed_at = now(), started_at = coalesce(started_at, now()), updated_at = now()
         WHERE id = $1 AND status IN ('QUEUED','RUNNING') RETURNING id`,
        [id, JSON.stringify(results), comparison === null ? null : JSON.stringify(comparison)],
      ),
    );
  }

  /** FAILED with the reason, if QUEUED or RUNNING. */
  fail(id: string, message: string): Promise<unknown> {
    return this.dataSource.query(
      `UPDATE simulations SET status = 'FAILED', error = $2, updated_at = now() WHERE id = $1 AND status IN ('QUEUED','RUNNING')`,
      [id, message.slice(0, 1000)],
    );
  }

  async runningIds(): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM simulations WHERE status = 'RUNNING'`,
    );
    return rows.map((r) => r.id);
  }

  /** QUEUED or RUNNING simulations over the dataset. */
  async unfinishedOnDataset(datasetId: string): Promise<number> {
    const rows = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM simulations WHERE dataset_id = $1 AND status IN ('QUEUED','RUNNING')`,
      [datasetId],
    );
    return rows[0]?.n ?? 0;
  }

  /** Deletes a simulation with its chunk results (ON DELETE CASCADE). */
  delete(em: EntityManager, id: string): Promise<unknown> {
    return em.query(`DELETE FROM simulations WHERE id = $1`, [id]);
  }

  async hasChunk(id: string, chunkNo: number): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM simulation_chunks WHERE simulation_id = $1 AND chunk_no = $2`,
      [id, chunkNo],
    );
    return rows.length > 0;
  }

  /** Idempotent: a chunk computed twice (a retry after a worker died) is stored once. */
  storeChunk(
    id: string,
    chunkNo: number,
    rows: number,
    result: unknown,
    baselineResult: unknown,
    paired: unknown,
  ): Promise<unknown> {
    return this.dataSource.query(
      `INSERT INTO simulation_chunks (simulation_id, chunk_no, rows, result, baseline_result, paired) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (simulation_id, chunk_no) DO NOTHING`,
      [
        id,
        chunkNo,
        rows,
        JSON.stringify(result),
        baselineResult === null ? null : JSON.stringify(baselineResult),
        paired === null ? null : JSON.stringify(paired),
      ],
    );
  }

  /** Up to `limit` stored chunks from chunk `from` on, in order. */
  chunks<Result, Paired>(id: string, from: number, limit: number): Promise<StoredChunk<Result, Paired>[]> {
    return this.dataSource.query(
      `SELECT chunk_no, rows, result, baseline_result, paired FROM simulation_chunks WHERE simulation_id = $1 AND chunk_no >= $2 ORDER BY chunk_no LIMIT $3`,
      [id, from, limit],
    );
  }

  /** Rows and chunks stored so far. */
  async chunkProgress(id: string): Promise<{ rows: number; chunks: number }> {
    const rows = await this.dataSource.query<{ rows: string; chunks: string }[]>(
      `SELECT coalesce(sum(rows), 0) AS rows, count(*) AS chunks FROM simulation_chunks WHERE simulation_id = $1`,
      [id],
    );
    return { rows: Number(rows[0]!.rows), chunks: Number(rows[0]!.chunks) };
  }

  /** The newest COMPLETED simulation of exactly this content, if any: the evidence approval needs. */
  latestCompleted(
    contentHash: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<Simulation | null> {
    return em.findOne(Simulation, {
      where: { contentHash, status: SimulationStatus.COMPLETED },
      order: { completedAt: { direction: 'DESC', nulls: 'LAST' }, createdAt: 'DESC' },
    });
  }

  /** Every COMPLETED simulation of exactly this content, newest first: the evidence the fairness check of an approval reads. */
  completedOf(contentHash: string, em: EntityManager = this.dataSource.manager): Promise<Simulation[]> {
    return em.find(Simulation, {
      where: { contentHash, status: SimulationStatus.COMPLETED },
      order: { createdAt: 'DESC' },
      take: SIMULATION_LIST_LIMIT,
    });
  }

  /**
   * COMPLETED first, then QUEUED or RUNNING ones, newest first, of this content, dataset and baseline
   * content, run with the same protected fields (their fairness check covers the fields marked now).
   */
  reusable(
    contentHash: string,
    datasetId: string,
    baselineContentHash: string | null,
    protectedFields: unknown,
    learning: unknown = null,
  ): Promise<ReusableSimulation[]> {
    return this.dataSource.query<ReusableSimulation[]>(
      `SELECT id, status, created_at < now() - make_interval(secs => $4) AS settled FROM simulations
       WHERE content_hash = $1 AND dataset_id = $2 AND baseline_content_hash IS NOT DISTINCT FROM $3 AND status IN ('COMPLETED','QUEUED','RUNNING')
         AND options->'protectedFields' IS NOT DISTINCT FROM $5::jsonb AND options->'learning' IS NOT DISTINCT FROM $6::jsonb
       ORDER BY (status = 'COMPLETED') DESC, created_at DESC LIMIT 10`,
      [
        contentHash,
        datasetId,
        baselineContentHash,
        QUEUEING_GRACE_SECONDS,
        JSON.stringify(protectedFields),
        learning === null ? null : JSON.stringify(learning),
      ],
    );
  }

  /** QUEUED or RUNNING simulations past QUEUEING_GRACE_SECONDS (by the database's clock). */
  unfinished(): Promise<UnfinishedSimulation[]> {
    return this.dataSource.query<UnfinishedSimulation[]>(
      `SELECT id, dataset_id AS "datasetId", chunk_count AS "chunkCount" FROM simulations
       WHERE status IN ('QUEUED','RUNNING') AND created_at < now() - make_interval(secs => $1) ORDER BY created_at`,
      [QUEUEING_GRACE_SECONDS],
    );
  }

  async isUnfinished(id: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM simulations WHERE id = $1 AND status IN ('QUEUED','RUNNING')`,
      [id],
    );
    return rows.length > 0;
  }

  /** The chunk numbers of a simulation whose results are not stored yet, in order. */
  async missingChunks(id: string, chunkCount: number): Promise<number[]> {
    const rows = await this.dataSource.query<{ chunk_no: number }[]>(
      `SELECT n AS chunk_no FROM generate_series(0, $2::int - 1) AS n
       WHERE NOT EXISTS (SELECT 1 FROM simulation_chunks c WHERE c.simulation_id = $1 AND c.chunk_no = n) ORDER BY n`,
      [id, chunkCount],
    );
    return rows.map((r) => r.chunk_no);
  }

  /**
   * Replaces a customer's id in the stored "top action changed" examples (a comparison's and its
   * chunks') with `pseudonym`, for an erasure; `ids` are the forms it may be stored in (clear,
   * hashed). Returns the examples changed.
   */
  async pseudonymiseExamples(em: EntityManager, ids: readonly string[], pseudonym: string): Promise<number> {
    // The examples list with the matching ids replaced, and how many matched.
    const examples = (list: string) =>
      `(SELECT jsonb_build_object('n', count(*) FILTER (WHERE e->>'customerId' = ANY($1::text[])),
               'examples', jsonb_agg(CASE WHEN e->>'customerId' = ANY($1::text[]) THEN jsonb_set(e, '{customerId}', to_jsonb($2::text)) ELSE e END ORDER BY o))
        FROM jsonb_array_elements(${list}) WITH ORDINALITY AS x(e, o))`;
    const statements = [
      `WITH hit AS (SELECT id, ${examples(`comparison #> '{topActions,examples}'`)} AS r FROM simulations
                    WHERE jsonb_typeof(comparison #> '{topActions,examples}') = 'array'),
            changed AS (UPDATE simulations s SET comparison = jsonb_set(s.comparison, '{topActions,examples}', hit.r->'examples')
                        FROM hit WHERE s.id = hit.id AND (hit.r->>'n')::int > 0 RETURNING (hit.r->>'n')::int AS n)
       SELECT coalesce(sum(n), 0)::int AS n FROM changed`,
      `WITH hit AS (SELECT simulation_id, chunk_no, ${examples(`paired->'examples'`)} AS r FROM simulation_chunks
                    WHERE jsonb_typeof(paired->'examples') = 'array'),
            changed AS (UPDATE simulation_chunks c SET paired = jsonb_set(c.paired, '{examples}', hit.r->'examples')
                        FROM hit WHERE c.simulation_id = hit.simulation_id AND c.chunk_no = hit.chunk_no AND (hit.r->>'n')::int > 0
                        RETURNING (hit.r->>'n')::int AS n)
       SELECT coalesce(sum(n), 0)::int AS n FROM changed`,
    ];
    let changed = 0;
    for (const sql of statements) {
      const rows: { n: number }[] = await em.query(sql, [ids, pseudonym]);
      changed += rows[0]?.n ?? 0;
    }
    return changed;
  }

  byContentHash(contentHash: string): Promise<Simulation[]> {
    return this.list({ contentHash });
  }

  /** Newest first, at most SIMULATION_LIST_LIMIT. */
  list(filter: SimulationFilter): Promise<Simulation[]> {
    const qb = this.dataSource
      .getRepository(Simulation)
      .createQueryBuilder('s')
      .orderBy('s.created_at', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .limit(SIMULATION_LIST_LIMIT);
    if (filter.contentHash) qb.andWhere('s.content_hash = :contentHash', { contentHash: filter.contentHash });
    if (filter.datasetId) qb.andWhere('s.dataset_id = :datasetId', { datasetId: filter.datasetId });
    if (filter.versionIds)
      qb.andWhere('s.version_id = ANY(:versionIds)', { versionIds: [...filter.versionIds] });
    return qb.getMany();
  }

  /** What the simulations among `ids` (uuids) ran: their version and dataset. */
  async subjects(
    ids: readonly string[],
  ): Promise<{ id: string; versionId: string | null; datasetId: string | null }[]> {
    if (!ids.length) return [];
    return this.dataSource.manager.find(Simulation, {
      select: { id: true, versionId: true, datasetId: true },
      where: { id: In([...ids]) },
    });
  }
}
