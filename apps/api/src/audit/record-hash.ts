import { createHash, createHmac } from 'node:crypto';
import { canonicalJson } from '@arbiter/engine';

export const GENESIS_HASH = '0'.repeat(64);

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Hash of a record's state for the audit log's before/after columns (key order does not matter). */
export function recordHash(record: unknown): string {
  return sha256(canonicalJson(JSON.parse(JSON.stringify(record)) as unknown));
}

export interface ChainedFields {
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  beforeHash: string | null;
  afterHash: string | null;
  comment: string | null;
  prevHash: string;
}

/** How an entry's hash was made (column hash_alg). */
export enum AuditHashAlgorithm {
  /** Before issue 15: anyone who could insert a row could compute it. Only verified, never written. */
  LEGACY_SHA256 = 'sha256',
  /** HMAC-SHA-256 keyed with AUDIT_HMAC_SECRET: only the API can make it. */
  HMAC_SHA256 = 'hmac-sha256',
}

/**
 * The hash of one audit entry: an HMAC with the audit key over every column and the previous
 * entry's hash. Changing the formula breaks every chain.
 */
export function entryHash(e: ChainedFields, key: string): string {
  return createHmac('sha256', key).update(chainedText('arbiter-audit/2', e)).digest('hex');
}

/** The unkeyed hash of the entries written before the chain was keyed. */
export function legacyEntryHash(e: ChainedFields): string {
  return sha256(chainedText('arbiter-audit/1', e));
}

function chainedText(version: string, e: ChainedFields): string {
  return JSON.stringify([
    version,
    e.prevHash,
    e.seq,
    e.occurredAt.toISOString(),
    e.actorId,
    e.actorEmail,
    e.action,
    e.entityType,
    e.entityId,
    e.beforeHash,
    e.afterHash,
    e.comment,
  ]);
}
