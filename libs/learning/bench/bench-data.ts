import fs from 'node:fs';
import path from 'node:path';

/** ../shared/data next to the repository, or BENCH_DATA. */
export const DATA_DIR =
  process.env.BENCH_DATA ?? path.join(__dirname, '..', '..', '..', '..', 'shared', 'data');

/** Rows of a CSV without quoting (both sample datasets), as header → text. */
export function readCsv(file: string): Record<string, string>[] {
  const [header, ...lines] = fs.readFileSync(path.join(DATA_DIR, file), 'utf8').split(/\r?\n/);
  const columns = header!.split(',');
  return lines
    .filter((line) => line !== '')
    .map((line) => {
      const cells = line.split(',');
      return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
    });
}

/** Wilson score interval (95%) of a proportion. */
export function wilson(successes: number, n: number): { rate: number; low: number; high: number } {
  if (n === 0) return { rate: NaN, low: NaN, high: NaN };
  const z = 1.959963984540054;
  const p = successes / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return { rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export const logistic = (z: number) => 1 / (1 + Math.exp(-z));
