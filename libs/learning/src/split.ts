import { cell, isMissing, type Target } from './prepare';
import { Random } from './random';
import { TrainingError } from './training-error';

export interface RowSplit {
  /** Row indices, ascending. */
  train: Uint32Array;
  test: Uint32Array;
}

/** Fewest rows of each outcome a split needs: some to learn from and some to test on. */
export const MIN_ROWS_PER_CLASS = 5;

export function checkEnoughRows(target: Target, column: string): void {
  let positives = 0;
  for (const r of target.labeled) positives += target.labels[r]!;
  const negatives = target.labeled.length - positives;
  if (Math.min(positives, negatives) < MIN_ROWS_PER_CLASS) {
    throw new TrainingError(
      'too_few_rows',
      `the target column "${column}" has ${positives} positive and ${negatives} negative rows; a model needs at least ${MIN_ROWS_PER_CLASS} of each to train and test on`,
      column,
    );
  }
}

/**
 * Seeded stratified split: each outcome is shuffled on its own and `testShare` of it goes to the
 * test rows, so both sides keep the positive rate (at least one row of each outcome on each side).
 */
export function stratifiedSplit(
  rows: Uint32Array,
  labels: Uint8Array,
  testShare: number,
  seed: number,
): RowSplit {
  const random = new Random(seed);
  const byClass = [0, 1].map((label) => rows.filter((r) => labels[r] === label));
  const train: number[] = [];
  const test: number[] = [];
  for (const members of byClass) {
    random.shuffle(members);
    const wanted = Math.round(members.length * testShare);
    const count = members.length >= 2 ? Math.min(Math.max(wanted, 1), members.length - 1) : wanted;
    for (let i = 0; i < members.length; i++) (i < count ? test : train).push(members[i]!);
  }
  return { train: sorted(train), test: sorted(test) };
}

/** The latest `testShare` of the rows by the time column are the test rows (ties keep row order). */
export function timeSplit(
  data: ReadonlyArray<Record<string, unknown>>,
  target: Target,
  column: string,
  testShare: number,
): RowSplit {
  const rows = target.labeled;
  if (!rows.some((r) => Object.hasOwn(data[r]!, column))) {
    throw new TrainingError('missing_column', `the dataset has no time column "${column}"`, column);
  }
  const times = new Float64Array(rows.length);
  rows.forEach((r, i) => {
    const value = cell(data[r]!, column);
    const time = readTime(value);
    if (time === undefined) {
      throw new TrainingError(
        'invalid_value',
        isMissing(value)
          ? `the time column "${column}" has no value in row ${r + 1}; a time split needs a date in every row`
          : `the time column "${column}" has ${JSON.stringify(String(value).slice(0, 40))} in row ${r + 1}, which is not a date`,
        column,
      );
    }
    times[i] = time;
  });
  const order = [...rows.keys()].sort((a, b) => times[a]! - times[b]! || a - b);
  const testCount = Math.min(Math.max(Math.round(rows.length * testShare), 1), rows.length - 1);
  const cut = rows.length - testCount;
  const split = {
    train: sorted(order.slice(0, cut).map((i) => rows[i]!)),
    test: sorted(order.slice(cut).map((i) => rows[i]!)),
  };
  for (const [side, members] of [
    ['training', split.train],
    ['test', split.test],
  ] as const) {
    const positives = members.reduce((n, r) => n + target.labels[r]!, 0);
    if (positives === 0 || positives === members.length) {
      throw new TrainingError(
        'too_few_rows',
        `split by "${column}", the ${side} rows hold only ${positives === 0 ? 'negative' : 'positive'} outcomes; choose another test share or a stratified split`,
        column,
      );
    }
  }
  return split;
}

function readTime(value: unknown): number | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const t = Date.parse(value);
    return Number.isNaN(t) ? undefined : t;
  }
  return undefined;
}

function sorted(rows: number[]): Uint32Array {
  return Uint32Array.from(rows).sort();
}
