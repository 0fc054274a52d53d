import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { columnById } from '../common/column-by-id';
import { ApiKey } from './api-key.entity';

@Injectable()
export class ApiKeysRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction: what it writes (the key and its audit entry) is kept together or not at all. */
  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  list(): Promise<ApiKey[]> {
    return this.dataSource.getRepository(ApiKey).find({ order: { createdAt: 'ASC' } });
  }

  /** By the hash of its secret, revoked or not. */
  findByHash(keyHash: string): Promise<ApiKey | null> {
    return this.dataSource.getRepository(ApiKey).findOne({ where: { keyHash } });
  }

  async insert(
    em: EntityManager,
    values: Pick<ApiKey, 'name' | 'prefix' | 'keyHash' | 'strategyIds' | 'rateLimitPerSecond' | 'createdBy'>,
  ): Promise<ApiKey> {
    const { identifiers } = await em.insert(ApiKey, { ...values, revokedAt: null });
    return em.findOneOrFail(ApiKey, { where: { id: (identifiers[0] as { id: string }).id } });
  }

  /** Locks the key row for the rest of the transaction. */
  lockById(em: EntityManager, id: string): Promise<ApiKey | null> {
    return em.findOne(ApiKey, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async revoke(em: EntityManager, id: string): Promise<ApiKey> {
    await em.update(ApiKey, { id }, { revokedAt: new Date() });
    return em.findOneOrFail(ApiKey, { where: { id } });
  }

  /** Id → name of the keys among `ids` (uuids). */
  names(ids: readonly string[]): Promise<Map<string, string>> {
    return columnById(this.dataSource.manager, ApiKey, 'name', ids);
  }
}
