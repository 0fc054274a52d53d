import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Simulation, SimulationStatus } from './simulation.entity';

@Injectable()
export class SimulationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The newest COMPLETED simulation of exactly this content, if any: the evidence approval needs. */
  latestCompleted(contentHash: string, em: EntityManager = this.dataSource.manager): Promise<Simulation | null> {
    return em.findOne(Simulation, { where: { contentHash, status: SimulationStatus.COMPLETED }, order: { completedAt: { direction: 'DESC', nulls: 'LAST' }, createdAt: 'DESC' } });
  }

  byContentHash(contentHash: string): Promise<Simulation[]> {
    return this.dataSource.manager.find(Simulation, { where: { contentHash }, order: { createdAt: 'DESC' }, take: 100 });
  }
}
