import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditEntry } from './audit-entry.entity';
import type { AuditHashAlgorithm } from './record-hash';

/** Arbitrary, fixed key of the advisory lock that serializes appends so the chain stays linear. */
const CHAIN_LOCK_KEY = 0x4172_6269; // "Arbi"

export interface ChainHead {
  seq: number;
  hash: string;
  algorithm: AuditHashAlgorithm;
}

export interface AuditFilter {
  actorId?: string | null;
  action?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** Data access of the audit log: insert and read, nothing else (there is no update or delete path). */
@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Held until the surrounding transaction ends. */
  async lockChain(em: EntityManager): Promise<void> {
    await em.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK_KEY]);
  }

  async head(em: EntityManager = this.dataSource.manager): Promise<ChainHead | null> {
    const rows: { seq: string; hash: string; hash_alg: AuditHashAlgorithm }[] = await em.query(
      'SELECT seq, hash, hash_alg FROM audit_log ORDER BY seq DESC LIMIT 1',
    );
    return rows[0] ? { seq: Number(rows[0].seq), hash: rows[0].hash, algorithm: rows[0].hash_alg } : null;
  }

  async insert(em: EntityManager, entry: AuditEntry): Promise<void> {
    await em.insert(AuditEntry, entry);
  }

  /** Several entries, a few hundred rows per INSERT (PostgreSQL takes at most 65,535 parameters). */
  async insertAll(em: EntityManager, entries: readonly AuditEntry[]): Promise<void> {
    for (let from = 0; from < entries.length; from += 500)
      await em.insert(AuditEntry, entries.slice(from, from + 500));
  }

  /** Newest first, `limit` entries with seq below `beforeSeq`. */
  async page(filter: AuditFilter, limit: number, beforeSeq?: number): Promise<AuditEntry[]> {
    const qb = this.dataSource
      .getRepository(AuditEntry)
      .createQueryBuilder('a')
      .orderBy('a.seq', 'DESC')
      .limit(limit);
    if (beforeSeq !== undefined) qb.andWhere('a.seq < :beforeSeq', { beforeSeq });
    if (filter.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.action) qb.andWhere('a.action = :action', { action: filter.action });
    if (filter.entityType) qb.andWhere('a.entity_type = :entityType', { entityType: filter.entityType });
    if (filter.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: filter.entityId });
    if (filter.from) qb.andWhere('a.occurred_at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('a.occurred_at < :to', { to: filter.to });
    return qb.getMany();
  }

  /** The distinct entity types, actions and actors of the log, sorted (what its filters offer). */
  async facets(): Promise<{ entityTypes: string[]; actions: string[]; actorIds: string[] }> {
    const distinct = async (column: 'entity_type' | 'action' | 'actor_id') =>
      (
        (await this.dataSource.query(
          `SELECT DISTINCT ${column} AS value FROM audit_log WHERE ${column} IS NOT NULL ORDER BY 1`,
        )) as { value: string }[]
      ).map((r) => r.value);
    const [entityTypes, actions, actorIds] = await Promise.all([
      distinct('entity_type'),
      distinct('action'),
      distinct('actor_id'),
    ]);
    return { entityTypes, actions, actorIds };
  }

  /** Oldest first, for verification. */
  async scan(afterSeq: number, limit: number): Promise<AuditEntry[]> {
    return this.dataSource
      .getRepository(AuditEntry)
      .createQueryBuilder('a')
      .where('a.seq > :afterSeq', { afterSeq })
      .orderBy('a.seq', 'ASC')
      .limit(limit)
      .getMany();
  }
}
