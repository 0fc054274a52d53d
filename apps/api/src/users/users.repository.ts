import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Role } from '../auth/roles';
import { User } from './user.entity';

@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string, em: EntityManager = this.dataSource.manager): Promise<User | null> {
    return em.findOne(User, { where: { id } });
  }

  async findByEmail(email: string, em: EntityManager = this.dataSource.manager): Promise<User | null> {
    return em
      .getRepository(User)
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
  }

  async insert(
    em: EntityManager,
    user: Pick<User, 'email' | 'displayName' | 'passwordHash' | 'roles' | 'active'>,
  ): Promise<User> {
    const { identifiers } = await em.insert(User, user);
    return em.findOneOrFail(User, { where: { id: (identifiers[0] as { id: string }).id } });
  }

  /** Locks the user row for the rest of the transaction. */
  lockById(em: EntityManager, id: string): Promise<User | null> {
    return em.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async update(
    em: EntityManager,
    id: string,
    changes: Partial<Pick<User, 'roles' | 'active' | 'displayName' | 'passwordHash'>>,
  ): Promise<User> {
    await em.update(User, { id }, changes);
    return em.findOneOrFail(User, { where: { id } });
  }

  /** Active admins other than `exceptId`, locked so two admins cannot demote each other at once. */
  async countOtherActiveAdmins(em: EntityManager, exceptId: string): Promise<number> {
    const rows: { id: string }[] = await em.query(
      `SELECT id FROM users WHERE active AND $1 = ANY(roles) AND id <> $2 FOR UPDATE`,
      [Role.admin, exceptId],
    );
    return rows.length;
  }

  /** Id and display name of each known user among `ids`, by display name. */
  async people(ids: string[]): Promise<{ id: string; displayName: string }[]> {
    if (ids.length === 0) return [];
    return this.dataSource.query(
      `SELECT id, display_name AS "displayName" FROM users WHERE id = ANY($1::uuid[]) ORDER BY lower(display_name), id`,
      [[...new Set(ids)]],
    );
  }

  page(limit: number, afterEmail?: string): Promise<User[]> {
    const qb = this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .orderBy('lower(u.email)', 'ASC')
      .limit(limit);
    if (afterEmail !== undefined) qb.where('lower(u.email) > lower(:afterEmail)', { afterEmail });
    return qb.getMany();
  }

  async count(em: EntityManager = this.dataSource.manager): Promise<number> {
    return em.count(User);
  }
}
