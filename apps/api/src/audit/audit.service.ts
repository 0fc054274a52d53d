import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { AuditEntry } from './audit-entry.entity';
import { AuditRepository, type AuditFilter, type ChainHead } from './audit.repository';
import { AuditHashAlgorithm, entryHash, GENESIS_HASH, legacyEntryHash } from './record-hash';
import { isIntegerKey, keysetPage, type Connection, type Page } from '../common/graphql/pagination';

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
  private readonly key: string;

  constructor(
    private readonly audit: AuditRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = config.audit.hmacSecret;
  }

  /**
   * Appends one entry inside the caller's transaction (so the entry exists exactly when the change
   * does). The advisory lock makes concurrent appends wait, keeping the chain linear.
   */
  async append(em: EntityManager, actor: Actor | null, event: AuditEvent): Promise<AuditEntry> {
    return (await this.appendAll(em, actor, [event]))[0]!;
  }

  /** Appends several entries, in order, inside the caller's transaction (one lock, one read of the head). */
  async appendAll(
    em: EntityManager,
    actor: Actor | null,
    events: readonly AuditEvent[],
  ): Promise<AuditEntry[]> {
    if (!em.queryRunner?.isTransactionActive)
      throw new Error('AuditService.append must run inside a transaction');
    await this.audit.lockChain(em);
    let head: { seq: number; hash: string } | null = await this.audit.head(em);
    const entries = events.map((event) => {
      const entry = this.entry(actor, event, head);
      head = entry;
      return entry;
    });
    if (entries.length === 1) await this.audit.insert(em, entries[0]!);
    else await this.audit.insertAll(em, entries);
    return entries;
  }

  private entry(
    actor: Actor | null,
    event: AuditEvent,
    head: { seq: number; hash: string } | null,
  ): AuditEntry {
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
    entry.hashAlgorithm = AuditHashAlgorithm.HMAC_SHA256;
    entry.hash = entryHash(entry, this.key);
    return entry;
  }

  /** Newest first: the page after a cursor holds the entries before its seq. */
  list(filter: AuditFilter, page: Page): Promise<Connection<AuditEntry>> {
    return keysetPage(
      page,
      isIntegerKey,
      (limit, before) => this.audit.page(filter, limit, before),
      (row) => row.seq,
    );
  }

  facets() {
    return this.audit.facets();
  }

  /** The newest entry: what the head exporter publishes, so a truncated or rewritten tail shows from outside. */
  head(): Promise<ChainHead | null> {
    return this.audit.head();
  }

  /**
   * Entries written before the chain was keyed end with a keyed one as soon as possible (at start-up),
   * so the last unkeyed entry is covered by an HMAC at once, not only at the next change.
   */
  async sealLegacyChain(em: EntityManager): Promise<AuditEntry | null> {
    await this.audit.lockChain(em);
    const head = await this.audit.head(em);
    if (!head || head.algorithm !== AuditHashAlgorithm.LEGACY_SHA256) return null;
    return this.append(em, null, {
      action: 'audit.keyed',
      entityType: 'auditLog',
      comment: `entries 1…${head.seq} carry plain SHA-256 hashes; from here on every entry is an HMAC-SHA-256 with AUDIT_HMAC_SECRET`,
    });
  }

  /**
   * Recomputes every entry's hash from the start; reports the first entry that does not fit. Entries
   * from before the key verify with plain SHA-256, but only before the first keyed one: a plain entry
   * after it was added behind the application's back.
   */
  async verifyChain(anchor?: { seq: number; hash: string }): Promise<ChainVerification> {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let checked = 0;
    let keyed = false;
    for (;;) {
      const batch = await this.audit.scan(expectedSeq - 1, VERIFY_BATCH);
      for (const entry of batch) {
        const broken = (reason: string): ChainVerification => ({
          valid: false,
          checkedEntries: checked,
          firstBrokenSeq: entry.seq,
          reason,
          headHash: null,
        });
        if (entry.seq !== expectedSeq)
          return {
            ...broken(`entries ${expectedSeq}…${entry.seq - 1} are missing`),
            firstBrokenSeq: expectedSeq,
          };
        if (entry.prevHash !== prevHash)
          return broken('its prev_hash is not the hash of the entry before it');
        if (entry.hashAlgorithm === AuditHashAlgorithm.HMAC_SHA256) {
          keyed = true;
          if (entryHash(entry, this.key) !== entry.hash) {
            return broken(
              'its content does not match its HMAC (the entry was changed or not written by the API, or AUDIT_HMAC_SECRET changed)',
            );
          }
        } else if (entry.hashAlgorithm !== AuditHashAlgorithm.LEGACY_SHA256 || keyed) {
          return broken(
            "it is not signed with the audit key although entries before it are (it was added behind the application's back)",
          );
        } else if (legacyEntryHash(entry) !== entry.hash) {
          return broken('its content does not match its hash (the entry was changed)');
        }
        if (anchor?.seq === entry.seq && anchor.hash !== entry.hash) {
          return broken(
            `its hash is not the one exported for entry ${anchor.seq} (${anchor.hash.slice(0, 12)}…): the chain was rewritten from here`,
          );
        }
        prevHash = entry.hash;
        expectedSeq += 1;
        checked += 1;
      }
      if (batch.length < VERIFY_BATCH) break;
    }
    if (anchor && anchor.seq > checked) {
      return {
        valid: false,
        checkedEntries: checked,
        firstBrokenSeq: checked + 1,
        reason: `entries ${checked + 1}…${anchor.seq} are missing: the chain was cut off below the exported head`,
        headHash: null,
      };
    }
    return {
      valid: true,
      checkedEntries: checked,
      firstBrokenSeq: null,
      reason: null,
      headHash: checked ? prevHash : null,
    };
  }
}
