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

@Injectable()
export class SimulationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The newest COMPLETED simulation of exactly this content, if any: the evidence approval needs. */
  latestCompleted(contentHash: string, em: EntityManager = this.dataSource.manager): Promise<Simulation | null> {
    return em.findOne(Simulation, { where: { contentHash, status: SimulationStatus.COMPLETED }, order: { completedAt: { direction: 'DESC', nulls: 'LAST' }, createdAt: 'DESC' } });
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
