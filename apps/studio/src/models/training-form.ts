import type { ModelAlgorithm, PredictorChoice, TrainModelRequest } from './models-api';
import type { Provenance } from './report-model';

/** The training wizard's state, its checks per step, and the `trainModel` input it becomes. */

export interface TrainingForm {
  /** Set when retraining: the new version goes to this model. */
  modelId?: string;
  name: string;
  description: string;
  datasetId: string;
  targetColumn: string;
  positiveValues: string[];
  /** Predictor name → chosen. */
  predictors: Record<string, boolean>;
  algorithm: ModelAlgorithm;
  seed: number;
  /** Share of rows held out for evaluation, 0.05–0.5. */
  testShare: number;
  /** '' splits at random (stratified); a column name holds out the latest rows. */
  timeColumn: string;
  /** Per-algorithm settings the analyst changed; the rest keep the trainer's defaults. */
  settings: Partial<Record<ModelAlgorithm, Record<string, number | boolean | undefined>>>;
}

export const WIZARD_STEPS = ['dataset', 'target', 'predictors', 'algorithm'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export const STEP_WORDS: Record<WizardStep, string> = {
  dataset: 'Dataset',
  target: 'Target',
  predictors: 'Predictors',
  algorithm: 'Algorithm',
};

export interface SettingDef {
  key: string;
  label: string;
  hint: string;
  kind: 'number' | 'integer' | 'boolean';
  min?: number;
  max?: number;
  /** The trainer's default, shown in the empty field. */
  fallback: string;
}

/**
 * The settings an analyst may change per algorithm, with the names, ranges and defaults of
 * @arbiter/learning's settings.ts (the API checks them again and names a setting it refuses).
 */
export const ALGORITHM_SETTINGS: Record<ModelAlgorithm, SettingDef[]> = {
  // Not trained: an adaptive model is configured on its own form (AdaptiveModelForm).
  ADAPTIVE: [],
  LOGISTIC: [
    {
      key: 'l2',
      label: 'L2 penalty (1 / C)',
      hint: 'Bigger: smaller weights, less overfitting.',
      kind: 'number',
      min: 1e-6,
      max: 1e6,
      fallback: '1',
    },
    {
      key: 'maxIter',
      label: 'Solver iterations at most',
      hint: '',
      kind: 'integer',
      min: 1,
      max: 10000,
      fallback: '100',
    },
    {
      key: 'maxCategories',
      label: 'Categories kept per predictor',
      hint: 'The rest share an "other" weight.',
      kind: 'integer',
      min: 1,
      max: 1000,
      fallback: '100',
    },
  ],
  GBDT: [
    {
      key: 'trees',
      label: 'Trees at most',
      hint: 'Early stopping may use fewer.',
      kind: 'integer',
      min: 1,
      max: 2000,
      fallback: '100',
    },
    {
      key: 'learningRate',
      label: 'Learning rate',
      hint: 'Smaller learns slower and often generalises better.',
      kind: 'number',
      min: 0.001,
      max: 1,
      fallback: '0.1',
    },
    {
      key: 'maxDepth',
      label: 'Depth of a tree at most',
      hint: '',
      kind: 'integer',
      min: 1,
      max: 64,
      fallback: '8',
    },
    {
      key: 'maxLeafNodes',
      label: 'Leaves per tree at most',
      hint: '',
      kind: 'integer',
      min: 2,
      max: 4096,
      fallback: '31',
    },
    {
      key: 'minSamplesLeaf',
      label: 'Training rows per leaf at least',
      hint: '',
      kind: 'integer',
      min: 1,
      max: 1_000_000,
      fallback: '20',
    },
    {
      key: 'l2',
      label: 'L2 regularisation of leaves',
      hint: '',
      kind: 'number',
      min: 0,
      max: 1e6,
      fallback: '0',
    },
    {
      key: 'maxBins',
      label: 'Bins per number predictor',
      hint: '',
      kind: 'integer',
      min: 2,
      max: 255,
      fallback: '255',
    },
    {
      key: 'earlyStopping',
      label: 'Early stopping',
      hint: 'By default on above 10,000 training rows.',
      kind: 'boolean',
      fallback: 'auto',
    },
    {
      key: 'validationShare',
      label: 'Share of training rows for early stopping',
      hint: '',
      kind: 'number',
      min: 0.01,
      max: 0.5,
      fallback: '0.1',
    },
    {
      key: 'iterNoChange',
      label: 'Stop after this many trees without improvement',
      hint: '',
      kind: 'integer',
      min: 1,
      max: 1000,
      fallback: '10',
    },
    {
      key: 'maxCategories',
      label: 'Categories kept per predictor',
      hint: '',
      kind: 'integer',
      min: 1,
      max: 254,
      fallback: '100',
    },
  ],
  NAIVE_BAYES: [
    {
      key: 'bins',
      label: 'Bins per number predictor',
      hint: 'Of equal frequency (quantiles).',
      kind: 'integer',
      min: 2,
      max: 100,
      fallback: '10',
    },
    {
      key: 'laplace',
      label: 'Laplace pseudo-count',
      hint: 'Added to every bin.',
      kind: 'number',
      min: 0.001,
      max: 100,
      fallback: '1',
    },
    {
      key: 'maxCategories',
      label: 'Categories kept per predictor',
      hint: '',
      kind: 'integer',
      min: 1,
      max: 1000,
      fallback: '100',
    },
  ],
};

export function emptyForm(): TrainingForm {
  return {
    name: '',
    description: '',
    datasetId: '',
    targetColumn: '',
    positiveValues: [],
    predictors: {},
    algorithm: 'GBDT',
    seed: 1,
    testShare: 0.2,
    timeColumn: '',
    settings: {},
  };
}

/** A new version of a model, set up as its latest version was trained. */
export function retrainForm(
  model: { id: string; name: string },
  latest?: { algorithm: ModelAlgorithm; provenance: Provenance },
): TrainingForm {
  const p = latest?.provenance;
  const settings =
    p?.settings && latest ? { [latest.algorithm]: pickSettings(latest.algorithm, p.settings) } : {};
  return {
    ...emptyForm(),
    modelId: model.id,
    name: model.name,
    datasetId: p?.datasetId ?? '',
    targetColumn: p?.target?.column ?? '',
    positiveValues: p?.target?.positiveValues ?? [],
    predictors: Object.fromEntries((p?.predictors ?? []).map((name) => [name, true])),
    algorithm: latest?.algorithm ?? 'GBDT',
    seed: p?.seed ?? 1,
    testShare: p?.split?.testShare ?? 0.2,
    timeColumn: p?.split?.kind === 'time' ? (p.split.column ?? '') : '',
    settings,
  };
}

function pickSettings(
  algorithm: ModelAlgorithm,
  stored: Record<string, unknown>,
): Record<string, number | boolean> {
  const out: Record<string, number | boolean> = {};
  for (const def of ALGORITHM_SETTINGS[algorithm]) {
    const v = stored[def.key];
    if (typeof v === (def.kind === 'boolean' ? 'boolean' : 'number')) out[def.key] = v as number | boolean;
  }
  return out;
}

/** The values a target column's rows count as positive, guessed from the usual spellings. */
export function guessPositiveValues(values: readonly string[]): string[] {
  const usual = ['1', 'true', 'yes', 'y', 'accepted', 'positive'];
  const found = values.find((v) => usual.includes(v.trim().toLowerCase()));
  return found ? [found] : [];
}

/**
 * The predictors as chosen: the API's suggestion (`include`) unless the analyst changed it. A form
 * carried over from a retrain keeps exactly the predictors that version used.
 */
export function choosePredictors(
  choices: readonly PredictorChoice[],
  previous: Record<string, boolean>,
): Record<string, boolean> {
  const carried = Object.keys(previous).length > 0;
  return Object.fromEntries(choices.map((c) => [c.name, carried ? (previous[c.name] ?? false) : c.include]));
}

export function chosenPredictors(form: TrainingForm): string[] {
  return Object.entries(form.predictors)
    .filter(([, on]) => on)
    .map(([name]) => name);
}

/** What stops a step from going on, in words; empty when it may. */
export function stepProblems(
  step: WizardStep,
  form: TrainingForm,
  targetValues: readonly string[] = [],
): string[] {
  switch (step) {
    case 'dataset':
      return [
        ...(form.datasetId ? [] : ['Choose the dataset to learn from.']),
        ...(form.modelId || form.name.trim() ? [] : ['Give the model a name, e.g. "Coupon acceptance".']),
      ];
    case 'target': {
      if (!form.targetColumn) return ['Choose the column that says whether the customer accepted.'];
      if (form.positiveValues.length === 0) return ['Tick the values that count as positive (accepted).'];
      if (targetValues.length > 0 && form.positiveValues.length >= targetValues.length)
        return ['Leave at least one value as negative: a model cannot learn from one class.'];
      return [];
    }
    case 'predictors':
      return chosenPredictors(form).length ? [] : ['Choose at least one predictor.'];
    case 'algorithm':
      return form.testShare >= 0.05 && form.testShare <= 0.5
        ? []
        : ['The held-out share must be between 5% and 50%.'];
  }
}

export function trainRequest(form: TrainingForm): TrainModelRequest {
  const settings = Object.fromEntries(
    Object.entries(form.settings[form.algorithm] ?? {}).filter(
      (e): e is [string, number | boolean] => e[1] !== undefined,
    ),
  );
  return {
    ...(form.modelId
      ? { modelId: form.modelId }
      : {
          name: form.name.trim(),
          ...(form.description.trim() ? { description: form.description.trim() } : {}),
        }),
    datasetId: form.datasetId,
    targetColumn: form.targetColumn,
    positiveValues: form.positiveValues,
    predictors: chosenPredictors(form),
    algorithm: form.algorithm,
    ...(Object.keys(settings).length ? { settings } : {}),
    seed: form.seed,
    testShare: form.testShare,
    ...(form.timeColumn ? { timeColumn: form.timeColumn } : {}),
  };
}
