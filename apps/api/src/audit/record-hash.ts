import { createHash } from 'node:crypto';
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

/** The hash of one audit entry: covers every column and the previous entry's hash. Changing the formula breaks every chain. */
export function entryHash(e: ChainedFields): string {
  return sha256(
    JSON.stringify([
      'arbiter-audit/1',
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
    ]),
  );
}
