import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Simulation, SimulationStatus } from './simulation.entity';

/** What `simulations` can be narrowed to; every filter is optional and they combine with AND. */
export interface SimulationFilter {
  contentHash?: string | null;
  strategyId?: string | null;
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

@Injectable()
export class SimulationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The newest COMPLETED simulation of exactly this content, if any: the evidence approval needs. */
  latestCompleted(contentHash: string, em: EntityManager = this.dataSource.manager): Promise<Simulation | null> {
    return em.findOne(Simulation, { where: { contentHash, status: SimulationStatus.COMPLETED }, order: { completedAt: { direction: 'DESC', nulls: 'LAST' }, createdAt: 'DESC' } });
  }

  /** Every COMPLETED simulation of exactly this content, newest first: the evidence the fairness check of an approval reads. */
  completedOf(contentHash: string, em: EntityManager = this.dataSource.manager): Promise<Simulation[]> {
    return em.find(Simulation, { where: { contentHash, status: SimulationStatus.COMPLETED }, order: { createdAt: 'DESC' }, take: SIMULATION_LIST_LIMIT });
  }

  /**
   * COMPLETED first, then QUEUED or RUNNING ones, newest first, of this content, dataset and baseline
   * content, run with the same protected fields (their fairness check covers the fields marked now).
   */
  reusable(contentHash: string, datasetId: string, baselineContentHash: string | null, protectedFields: unknown): Promise<ReusableSimulation[]> {
    return this.dataSource.query<ReusableSimulation[]>(
      `SELECT id, status, created_at < now() - make_interval(secs => $4) AS settled FROM simulations
       WHERE content_hash = $1 AND dataset_id = $2 AND baseline_content_hash IS NOT DISTINCT FROM $3 AND status IN ('COMPLETED','QUEUED','RUNNING')
         AND options->'protectedFields' IS NOT DISTINCT FROM $5::jsonb
       ORDER BY (status = 'COMPLETED') DESC, created_at DESC LIMIT 10`,
      [contentHash, datasetId, baselineContentHash, QUEUEING_GRACE_SECONDS, JSON.stringify(protectedFields)],
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
    const rows = await this.dataSource.query<unknown[]>(`SELECT 1 FROM simulations WHERE id = $1 AND status IN ('QUEUED','RUNNING')`, [id]);
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

  byContentHash(contentHash: string): Promise<Simulation[]> {
    return this.list({ contentHash });
  }

  /** Newest first, at most SIMULATION_LIST_LIMIT. A strategy matches through the simulated version. */
  list(filter: SimulationFilter): Promise<Simulation[]> {
    const qb = this.dataSource.getRepository(Simulation).createQueryBuilder('s').orderBy('s.created_at', 'DESC').addOrderBy('s.id', 'DESC').limit(SIMULATION_LIST_LIMIT);
    if (filter.contentHash) qb.andWhere('s.content_hash = :contentHash', { contentHash: filter.contentHash });
    if (filter.datasetId) qb.andWhere('s.dataset_id = :datasetId', { datasetId: filter.datasetId });
    if (filter.strategyId) qb.andWhere('s.version_id IN (SELECT v.id FROM strategy_versions v WHERE v.strategy_id = :strategyId)', { strategyId: filter.strategyId });
    return qb.getMany();
  }
}
