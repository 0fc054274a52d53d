import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager, type QueryDeepPartialEntity } from 'typeorm';
import { Action } from './action.entity';
import type { ActionFilter } from './dto/action.inputs';

export type ActionValues = Omit<Action, 'revision' | 'createdAt' | 'updatedAt'>;

@Injectable()
export class ActionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string, em: EntityManager = this.dataSource.manager): Promise<Action | null> {
    return em.findOne(Action, { where: { id } });
  }

  /** Inserts; a taken id fails with a unique violation (see isUniqueViolation). */
  async insert(em: EntityManager, values: ActionValues): Promise<Action> {
    await em.insert(Action, { ...values, revision: 1 } as QueryDeepPartialEntity<Action>);
    return em.findOneOrFail(Action, { where: { id: values.id } });
  }

  /** Inserts new actions, a few hundred rows per INSERT; a taken id fails with a unique violation. */
  async insertAll(em: EntityManager, values: readonly ActionValues[]): Promise<Action[]> {
    for (let from = 0; from < values.length; from += 500)
      await em.insert(
        Action,
        values
          .slice(from, from + 500)
          .map((v) => ({ ...v, revision: 1 })) as QueryDeepPartialEntity<Action>[],
      );
    const byId = new Map(
      (
        await this.findByIds(
          values.map((v) => v.id),
          em,
        )
      ).map((a) => [a.id, a]),
    );
    return values.map((v) => byId.get(v.id)!);
  }

  /** Optimistic update: only if the row still has `expectedRevision`; null otherwise. */
  async update(
    em: EntityManager,
    id: string,
    expectedRevision: number,
    values: Partial<ActionValues>,
  ): Promise<Action | null> {
    const result = await em
      .createQueryBuilder()
      .update(Action)
      .set({ ...values, revision: () => 'revision + 1' } as QueryDeepPartialEntity<Action>)
      .where('id = :id AND revision = :expectedRevision', { id, expectedRevision })
      .execute();
    if (!result.affected) return null;
    return em.findOneOrFail(Action, { where: { id } });
  }

  async delete(em: EntityManager, id: string, expectedRevision: number): Promise<boolean> {
    const result = await em
      .createQueryBuilder()
      .delete()
      .from(Action)
      .where('id = :id AND revision = :expectedRevision', { id, expectedRevision })
      .execute();
    return !!result.affected;
  }

  page(filter: ActionFilter, limit: number, afterId?: string): Promise<Action[]> {
    const qb = this.filtered(filter).orderBy('a.id', 'ASC').limit(limit);
    if (afterId !== undefined) qb.andWhere('a.id > :afterId', { afterId });
    return qb.getMany();
  }

  /** How many actions match `filter`. */
  count(filter: ActionFilter): Promise<number> {
    return this.filtered(filter).getCount();
  }

  /** The whole catalog's size, last change and distinct groups and channels (sorted), in one query. */
  async facts(): Promise<{ total: number; changedAt: Date | null; groups: string[]; channels: string[] }> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS total, max(updated_at) AS "changedAt",
              coalesce(array_agg(DISTINCT "group") FILTER (WHERE "group" IS NOT NULL), '{}') AS groups,
              coalesce(array_agg(DISTINCT channel) FILTER (WHERE channel IS NOT NULL), '{}') AS channels
         FROM actions`,
    )) as { total: number; changedAt: Date | null; groups: string[]; channels: string[] }[];
    return row!;
  }

  private filtered(filter: ActionFilter) {
    const qb = this.dataSource.getRepository(Action).createQueryBuilder('a');
    if (filter.group) qb.andWhere('a.group = :group', { group: filter.group });
    if (filter.channel) qb.andWhere('a.channel = :channel', { channel: filter.channel });
    if (filter.search)
      qb.andWhere('(a.name ILIKE :search OR a.id ILIKE :search)', {
        search: `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    return qb;
  }

  /** The whole catalog, for strategy validation and decisions. */
  findByIds(ids: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Action[]> {
    return ids.length ? em.find(Action, { where: { id: In([...ids]) } }) : Promise.resolve([]);
  }

  all(em: EntityManager = this.dataSource.manager): Promise<Action[]> {
    return em.find(Action, { order: { id: 'ASC' } });
  }
}
