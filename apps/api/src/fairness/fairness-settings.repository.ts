import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { FairnessSettings } from './fairness-settings.entity';

/** The one row of fairness_settings (written by the migration). */
@Injectable()
export class FairnessSettingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  get(em: EntityManager = this.dataSource.manager): Promise<FairnessSettings> {
    return em.findOneOrFail(FairnessSettings, { where: { id: 1 } });
  }

  /** Locks the row until the transaction ends, so concurrent changes are audited one after the other. */
  lock(em: EntityManager): Promise<FairnessSettings> {
    return em.findOneOrFail(FairnessSettings, { where: { id: 1 }, lock: { mode: 'pessimistic_write' } });
  }

  async update(
    em: EntityManager,
    values: Pick<FairnessSettings, 'ratioFloor' | 'minGroupSize' | 'updatedBy'>,
  ): Promise<FairnessSettings> {
    await em.update(FairnessSettings, { id: 1 }, { ...values, updatedAt: new Date() });
    return this.get(em);
  }
}
