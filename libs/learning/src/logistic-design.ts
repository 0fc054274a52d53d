import type { Feature } from './prepare';

/**
 * The design matrix logistic regression is fitted on, kept implicit (one slot per predictor and row,
 * filled on demand): column 0 is the intercept; a number predictor is standardised by the training
 * mean and standard deviation (a missing value is 0, the mean, plus an indicator column when training
 * rows have missing values); a categorical predictor is one-hot, one column per kept category, one for
 * "other" and one for missing when training rows have them.
 */
export interface LogisticDesign {
  /** In the order the predictors were listed. */
  features: readonly Feature[];
  /** Columns including the intercept. */
  width: number;
  /** Column names, for the reference check and debugging. */
  names: string[];
  numbers: NumberSlot[];
  categories: CategorySlot[];
}

export interface NumberSlot {
  feature: Feature & { kind: 'number' };
  column: number;
  /** -1 when no training row misses the value. */
  missingColumn: number;
  mean: number;
  sd: number;
}

export interface CategorySlot {
  feature: Feature & { kind: 'category' };
  /** Column by category code (levels, other, missing); -1 where no training row has that code. */
  columnOf: Int32Array;
}

export function buildDesign(features: readonly Feature[], train: Uint32Array): LogisticDesign {
  const names = ['(intercept)'];
  const numbers: NumberSlot[] = [];
  const categories: CategorySlot[] = [];
  for (const feature of features) {
    if (feature.kind === 'number') {
      let count = 0;
      let sum = 0;
      for (const r of train) {
        const x = feature.values[r]!;
        if (!Number.isNaN(x)) {
          count++;
          sum += x;
        }
      }
      const mean = count ? sum / count : 0;
      let squares = 0;
      for (const r of train) {
        const x = feature.values[r]!;
        if (!Number.isNaN(x)) squares += (x - mean) * (x - mean);
      }
      const sd = count ? Math.sqrt(squares / count) : 0;
      const column = names.push(feature.name) - 1;
      const missingColumn = count < train.length ? names.push(`${feature.name} (missing)`) - 1 : -1;
      numbers.push({ feature, column, missingColumn, mean, sd: sd > 0 ? sd : 1 });
    } else {
      const counts = new Float64Array(feature.missing + 1);
      for (const r of train) counts[feature.codes[r]!]!++;
      const columnOf = new Int32Array(feature.missing + 1).fill(-1);
      for (let code = 0; code <= feature.missing; code++) {
        if (counts[code]! > 0) {
          const label =
            code < feature.other ? feature.levels[code]! : code === feature.other ? '(other)' : '(missing)';
          columnOf[code] = names.push(`${feature.name}=${label}`) - 1;
        }
      }
      categories.push({ feature, columnOf });
    }
  }
  return { features, width: names.length, names, numbers, categories };
}

/** Slots per row: at most one non-zero column per predictor besides the intercept. */
export function slotCount(design: LogisticDesign): number {
  return design.numbers.length + design.categories.length;
}

/**
 * Writes row r's non-zero columns (besides the intercept) into cols/vals, in ascending column order
 * (predictors in order, each owning a contiguous run of columns); returns how many. Typed arrays over
 * the predictors keep this loop free of allocation.
 */
export function rowFiller(design: LogisticDesign) {
  const numberSlot = new Map(design.numbers.map((s) => [s.feature as Feature, s]));
  const categorySlot = new Map(design.categories.map((s) => [s.feature as Feature, s]));
  const count = design.features.length;
  const isNumber = new Uint8Array(count);
  const numberValues: Float64Array[] = [];
  const categoryCodes: Uint16Array[] = [];
  const categoryColumns: Int32Array[] = [];
  const column = new Int32Array(count);
  const missingColumn = new Int32Array(count);
  const mean = new Float64Array(count);
  const inverseSd = new Float64Array(count);
  const none16 = new Uint16Array(0);
  const none32 = new Int32Array(0);
  const none64 = new Float64Array(0);
  design.features.forEach((feature, k) => {
    const slot = numberSlot.get(feature);
    if (slot) {
      isNumber[k] = 1;
      numberValues.push(slot.feature.values);
      column[k] = slot.column;
      missingColumn[k] = slot.missingColumn;
      mean[k] = slot.mean;
      inverseSd[k] = 1 / slot.sd;
      categoryCodes.push(none16);
      categoryColumns.push(none32);
    } else {
      const category = categorySlot.get(feature)!;
      numberValues.push(none64);
      categoryCodes.push(category.feature.codes);
      categoryColumns.push(category.columnOf);
    }
  });
  return (r: number, cols: Int32Array, vals: Float64Array): number => {
    let m = 0;
    for (let k = 0; k < count; k++) {
      if (isNumber[k] === 1) {
        const x = numberValues[k]![r]!;
        if (x !== x) {
          const c = missingColumn[k]!;
          if (c >= 0) {
            cols[m] = c;
            vals[m++] = 1;
          }
        } else {
          cols[m] = column[k]!;
          vals[m++] = (x - mean[k]!) * inverseSd[k]!;
        }
      } else {
        const c = categoryColumns[k]![categoryCodes[k]![r]!]!;
        if (c >= 0) {
          cols[m] = c;
          vals[m++] = 1;
        }
      }
    }
    return m;
  };
}

/** The design as dense rows without the intercept column (for the scikit-learn reference check). */
export function denseDesign(design: LogisticDesign, rows: Uint32Array): number[][] {
  const fill = rowFiller(design);
  const cols = new Int32Array(slotCount(design));
  const vals = new Float64Array(slotCount(design));
  return Array.from(rows, (r) => {
    const dense = new Array<number>(design.width - 1).fill(0);
    const m = fill(r, cols, vals);
    for (let i = 0; i < m; i++) dense[cols[i]! - 1] = vals[i]!;
    return dense;
  });
}
