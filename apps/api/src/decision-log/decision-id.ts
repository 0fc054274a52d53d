import { randomBytes } from 'node:crypto';

/**
 * A decision id: a UUID version 7 (RFC 9562), 48 bits of Unix milliseconds then random bits. Ids
 * in time order keep the log's primary-key index compact, and an id tells when its decision was
 * made, so an outcome for a decision not stored yet can be told from one for an unknown decision.
 */
export function newDecisionId(now = Date.now()): string {
  const bytes = random16();
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Random bytes drawn 256 ids at a time (as node's randomUUID does): one call into the system per 256 decisions. */
const POOL_BYTES = 16 * 256;
let pool = Buffer.alloc(0);
let used = 0;

function random16(): Buffer {
  if (used === pool.length) {
    pool = randomBytes(POOL_BYTES);
    used = 0;
  }
  used += 16;
  return pool.subarray(used - 16, used);
}

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** When a decision id of newDecisionId was made (ms since the epoch); undefined for any other id. */
export function decisionIdTime(id: string): number | undefined {
  return V7.test(id) ? parseInt(id.slice(0, 8) + id.slice(9, 13), 16) : undefined;
}
