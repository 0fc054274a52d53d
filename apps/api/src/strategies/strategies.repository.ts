import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { columnById, rowsById } from '../common/column-by-id';
import { Strategy } from './strategy.entity';

@Injectable()
export class StrategiesRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string, em: EntityManager = this.dataSource.manager): Promise<Strategy | null> {
    return em.findOne(Strategy, { where: { id } });
  }

  /** The strategy named `name`, whatever the case (names are unique without regard to case). */
  findByName(name: string): Promise<Strategy | null> {
    return this.dataSource
      .getRepository(Strategy)
      .createQueryBuilder('s')
      .where('lower(s.name) = lower(:name)', { name })
      .getOne();
  }

  /** Locks the strategy row: serializes new version numbers and publishing within one strategy. */
  lockById(em: EntityManager, id: string): Promise<Strategy | null> {
    return em.findOne(Strategy, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async insert(
    em: EntityManager,
    values: Pick<Strategy, 'name' | 'description' | 'createdBy'>,
  ): Promise<Strategy> {
    const { identifiers } = await em.insert(Strategy, { ...values, archivedAt: null });
    return em.findOneOrFail(Strategy, { where: { id: (identifiers[0] as { id: string }).id } });
  }

  async archive(em: EntityManager, id: string): Promise<Strategy> {
    await em.update(Strategy, { id }, { archivedAt: new Date() });
    return em.findOneOrFail(Strategy, { where: { id } });
  }

  page(limit: number, includeArchived: boolean, afterName?: string): Promise<Strategy[]> {
    const qb = this.dataSource
      .getRepository(Strategy)
      .createQueryBuilder('s')
      .orderBy('lower(s.name)', 'ASC')
      .limit(limit);
    if (!includeArchived) qb.andWhere('s.archived_at IS NULL');
    if (afterName !== undefined) qb.andWhere('lower(s.name) > lower(:afterName)', { afterName });
    return qb.getMany();
  }

  /** Id → strategy of the strategies among `ids` (archived ones too), in one query. */
  byIds(ids: readonly string[]): Promise<Map<string, Strategy>> {
    return rowsById(this.dataSource.manager, Strategy, ids);
  }

  /** The ids among `ids` that name no strategy (archived ones exist). */
  async missingIds(ids: readonly string[], em: EntityManager = this.dataSource.manager): Promise<string[]> {
    const found = await em.find(Strategy, { select: { id: true }, where: { id: In([...ids]) } });
    return ids.filter((id) => !found.some((strategy) => strategy.id === id));
  }

  /** Id → name of the strategies among `ids` (uuids). */
  names(ids: readonly string[]): Promise<Map<string, string>> {
    return columnById(this.dataSource.manager, Strategy, 'name', ids);
  }
}
