import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditEntry } from './audit-entry.entity';
import { AuditRepository, type AuditFilter } from './audit.repository';
import { entryHash, GENESIS_HASH } from './record-hash';
import { toConnection, decodeCursor, type Connection, type Page } from '../common/graphql/pagination';

export interface AuditEvent {
  action: string;
  entityType: string;
  entityId?: string | null;
  beforeHash?: string | null;
  afterHash?: string | null;
  comment?: string | null;
}

export interface ChainVerification {
  valid: boolean;
  checkedEntries: number;
  /** Sequence number of the first entry that does not fit the chain. */
  firstBrokenSeq: number | null;
  reason: string | null;
  headHash: string | null;
}

const VERIFY_BATCH = 1000;

@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  /**
   * Appends one entry inside the caller's transaction (so the entry exists exactly when the change
   * does). The advisory lock makes concurrent appends wait, keeping the chain linear.
   */
  async append(em: EntityManager, actor: Actor | null, event: AuditEvent): Promise<AuditEntry> {
    if (!em.queryRunner?.isTransactionActive) throw new Error('AuditService.append must run inside a transaction');
    await this.audit.lockChain(em);
    const head = await this.audit.head(em);
    const entry = new AuditEntry();
    entry.seq = (head?.seq ?? 0) + 1;
    entry.occurredAt = new Date();
    entry.actorId = actor?.id ?? null;
    entry.actorEmail = actor?.email ?? null;
    entry.action = event.action;
    entry.entityType = event.entityType;
    entry.entityId = event.entityId ?? null;
    entry.beforeHash = event.beforeHash ?? null;
    entry.afterHash = event.afterHash ?? null;
    entry.comment = event.comment ?? null;
    entry.prevHash = head?.hash ?? GENESIS_HASH;
    entry.hash = entryHash(entry);
    await this.audit.insert(em, entry);
    return entry;
  }

  async list(filter: AuditFilter, page: Page): Promise<Connection<AuditEntry>> {
    const before = decodeCursor(page.after, (v): v is number => Number.isInteger(v));
    const rows = await this.audit.page(filter, page.first + 1, before);
    return toConnection(rows, page.first, (row) => row.seq);
  }

  /** Recomputes every entry's hash from the start; reports the first entry that does not fit. */
  async verifyChain(): Promise<ChainVerification> {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let checked = 0;
    for (;;) {
      const batch = await this.audit.scan(expectedSeq - 1, VERIFY_BATCH);
      for (const entry of batch) {
        const broken = (reason: string): ChainVerification => ({ valid: false, checkedEntries: checked, firstBrokenSeq: entry.seq, reason, headHash: null });
        if (entry.seq !== expectedSeq) return { ...broken(`entries ${expectedSeq}…${entry.seq - 1} are missing`), firstBrokenSeq: expectedSeq };
        if (entry.prevHash !== prevHash) return broken('its prev_hash is not the hash of the entry before it');
        if (entryHash(entry) !== entry.hash) return broken('its content does not match its hash (the entry was changed)');
        prevHash = entry.hash;
        expectedSeq += 1;
        checked += 1;
      }
      if (batch.length < VERIFY_BATCH) break;
    }
    return { valid: true, checkedEntries: checked, firstBrokenSeq: null, reason: null, headHash: checked ? prevHash : null };
  }
}
