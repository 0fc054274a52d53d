import { denseDesign, buildDesign } from './logistic-design';
import { resolveSettings } from './settings';
import { prepareTraining } from './train';
import type { TrainingRequest } from './types';

export interface ReferenceMatrices {
  /** Column names. */
  columns: string[];
  train: { X: (number | null)[][]; y: number[] };
  test: { X: (number | null)[][]; y: number[] };
}

/**
 * The data exactly as `train` prepares and splits it, as plain matrices for a reference
 * implementation (scikit-learn): `logistic` is the standardised one-hot design logistic regression
 * is fitted on; `trees` holds numbers as they are (null when missing) and categories as their codes
 * (kept levels 0…k−1, "other" k; null when missing), with `categorical` marking the latter.
 */
export async function referenceDesign(
  request: TrainingRequest,
): Promise<{ logistic: ReferenceMatrices; trees: ReferenceMatrices & { categorical: boolean[] } }> {
  const settings = resolveSettings(request.algorithm, request.settings);
  const { target, split, features } = await prepareTraining(request, settings);
  const design = buildDesign(features, split.train);
  const labels = (rows: Uint32Array) => Array.from(rows, (r) => target.labels[r]!);
  const codes = (rows: Uint32Array) =>
    Array.from(rows, (r) =>
      features.map((f) => {
        if (f.kind === 'number') return Number.isNaN(f.values[r]!) ? null : f.values[r]!;
        const code = f.codes[r]!;
        return code === f.missing ? null : code;
      }),
    );
  return {
    logistic: {
      columns: design.names.slice(1),
      train: { X: denseDesign(design, split.train), y: labels(split.train) },
      test: { X: denseDesign(design, split.test), y: labels(split.test) },
    },
    trees: {
      columns: features.map((f) => f.name),
      categorical: features.map((f) => f.kind === 'category'),
      train: { X: codes(split.train), y: labels(split.train) },
      test: { X: codes(split.test), y: labels(split.test) },
    },
  };
}
