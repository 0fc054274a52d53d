import { randomBytes } from 'node:crypto';

/**
 * A decision id: a UUID version 7 (RFC 9562), 48 bits of Unix milliseconds then random bits. Ids
 * in time order keep the log's primary-key index compact, and an id tells when its decision was
 * made, so an outcome for a decision not stored yet can be told from one for an unknown decision.
 */
export function newDecisionId(now = Date.now()): string {
  if (now !== prefixTime) {
    const hex = now.toString(16).padStart(12, '0');
    prefix = `${hex.slice(0, 8)}-${hex.slice(8)}-7`;
    prefixTime = now;
  }
  // 19 random hex digits: 3 after the version, the variant's (its top two bits 10), 15 more.
  const r = randomHex();
  return `${prefix}${r.slice(0, 3)}-${VARIANT[r.charCodeAt(3)]!}${r.slice(4, 7)}-${r.slice(7, 19)}`;
}

/** The time part of the ids of the last millisecond (ids of one batch mostly share it). */
let prefixTime = -1;
let prefix = '';

/** The variant digit (8, 9, a or b) by the char code of a random hex digit. */
const VARIANT: Record<number, string> = Object.fromEntries(
  [...'0123456789abcdef'].map((c, i) => [c.charCodeAt(0), '89ab'[i & 3]!]),
);

/** Random bytes drawn 256 ids at a time (as node's randomUUID does), as hex: one call into the system and one conversion per 256 decisions. */
const POOL_BYTES = 16 * 256;
let pool = '';
let used = 0;

function randomHex(): string {
  if (used === pool.length) {
    pool = randomBytes(POOL_BYTES).toString('hex');
    used = 0;
  }
  used += 32;
  return pool.slice(used - 32, used);
}

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** When a decision id of newDecisionId was made (ms since the epoch); undefined for any other id. */
export function decisionIdTime(id: string): number | undefined {
  return V7.test(id) ? parseInt(id.slice(0, 8) + id.slice(9, 13), 16) : undefined;
}
