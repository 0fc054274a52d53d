import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';

/** A value for COPY's text format: backslash, tab, newline and carriage return escaped. */
export function copyText(text: string): string {
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/[\\\t\n\r]/g, (c) =>
        c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
      )
    : text;
}

/** JSON text for COPY: JSON.stringify escapes every control character, so only backslashes need doubling. */
export function copyJson(value: unknown): string {
  const json = JSON.stringify(value);
  return json.includes('\\') ? json.replace(/\\/g, '\\\\') : json;
}

/** Rows per COPY data message; the event loop gets a turn between messages. */
const ROWS_PER_CHUNK = 250;

/**
 * COPY FROM STDIN in the transaction of `em` (text format): `line(item)` is one row, ending in a
 * newline. The rows go in chunks with a turn of the event loop between them, so a large flush
 * never holds requests up for long. Resolves when PostgreSQL has taken every row; a refused row
 * fails the COPY (and so the transaction) with PostgreSQL's error.
 */
export async function copyRows<T>(
  em: EntityManager,
  sql: string,
  items: readonly T[],
  line: (item: T) => string,
): Promise<void> {
  if (!items.length) return;
  const client = (await em.queryRunner!.connect()) as PoolClient;
  const stream = client.query(copyFrom(sql));
  let failure: Error | undefined;
  const failed = new Promise<never>((_, reject) =>
    stream.once('error', (error: Error) => {
      failure = error;
      reject(error);
    }),
  );
  failed.catch(() => undefined);
  for (let from = 0; from < items.length && !failure; from += ROWS_PER_CHUNK) {
    let text = '';
    try {
      for (let i = from; i < Math.min(items.length, from + ROWS_PER_CHUNK); i++) text += line(items[i]!);
    } catch (error) {
      // CopyFail, so that the connection leaves the COPY and the transaction can roll back.
      await new Promise((resolve) => stream.destroy(error as Error).once('close', resolve));
      throw error;
    }
    if (!stream.write(text))
      await Promise.race([new Promise((resolve) => stream.once('drain', resolve)), failed]);
    else await new Promise((resolve) => setImmediate(resolve));
  }
  if (failure) throw failure;
  // 'finish' comes once PostgreSQL has taken the rows (its ReadyForQuery after CopyDone).
  await Promise.race([new Promise<void>((resolve) => stream.end(resolve)), failed]);
}
