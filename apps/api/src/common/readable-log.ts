import { Writable } from 'node:stream';

const LEVELS: Record<number, [name: string, colour: number]> = {
  10: ['TRACE', 90],
  20: ['DEBUG', 36],
  30: ['INFO ', 32],
  40: ['WARN ', 33],
  50: ['ERROR', 31],
  60: ['FATAL', 35],
};
/** pino's own fields, shown in the line's head rather than repeated as key=value. */
const SHOWN = new Set([
  'level',
  'time',
  'pid',
  'hostname',
  'msg',
  'context',
  'req',
  'res',
  'responseTime',
  'err',
]);

/**
 * One pino JSON entry as a line a person reads on a terminal:
 * `14:03:07 INFO  [Decisions] POST /api/v1/decisions 200 3 ms  reqId=…` — the rest as key=value,
 * an error's stack below. Lines that are not JSON pass through unchanged.
 */
export function readableLine(json: string, colour: boolean): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const [name, code] = LEVELS[entry['level'] as number] ?? ['LOG  ', 0];
  const paint = (text: string, c: number) => (colour && c ? `\x1b[${c}m${text}\x1b[0m` : text);
  const time = new Date(typeof entry['time'] === 'number' ? entry['time'] : Date.now())
    .toTimeString()
    .slice(0, 8);
  const req = entry['req'] as { id?: string; method?: string; url?: string } | undefined;
  const res = entry['res'] as { statusCode?: number } | undefined;
  const parts = [paint(time, 90), paint(name, code)];
  if (entry['context']) parts.push(paint(`[${String(entry['context'])}]`, 36));
  if (req?.method) parts.push(`${req.method} ${req.url ?? ''}`);
  if (res?.statusCode !== undefined) parts.push(String(res.statusCode));
  if (typeof entry['responseTime'] === 'number') parts.push(`${entry['responseTime']} ms`);
  if (entry['msg'] !== undefined && entry['msg'] !== 'request completed') parts.push(String(entry['msg']));
  const rest = Object.entries(entry)
    .filter(([key]) => !SHOWN.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  if (req?.id) rest.push(`reqId=${req.id}`);
  const err = entry['err'] as { stack?: string; message?: string } | undefined;
  const stack = err ? `\n${err.stack ?? err.message ?? ''}` : '';
  return `${parts.join(' ')}${rest.length ? paint(`  ${rest.join(' ')}`, 90) : ''}${stack}`;
}

/** A pino destination writing readable lines to stdout (see LOG_FORMAT in .env.example). */
export function readableLogStream(out: NodeJS.WriteStream = process.stdout): Writable {
  let pending = '';
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line) out.write(`${readableLine(line, out.isTTY === true)}\n`);
      done();
    },
  });
}
