// What every bench shares: where it creates its databases, and how it reports its figures.

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { saveResults, printTable } = require('../../../tools/bench-results') as {
  saveResults(bench: string, figures: Record<string, unknown>): void;
  printTable(rows: Record<string, unknown>[]): void;
};

export const ADMIN_URL =
  process.env['BENCH_DATABASE_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
