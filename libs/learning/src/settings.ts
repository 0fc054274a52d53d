import { TrainingError } from './training-error';
import type { Algorithm } from './types';

export interface LogisticSettings {
  /** L2 penalty strength λ = 1 / C of scikit-learn's LogisticRegression (bigger: smaller weights). */
  l2: number;
  /** Newton (or L-BFGS) iterations at most. */
  maxIter: number;
  /** Most frequent categories kept per predictor; the rest share an "other" weight. */
  maxCategories: number;
}

export interface GbdtSettings {
  /** Boosting iterations (one tree each) at most. */
  trees: number;
  learningRate: number;
  maxLeafNodes: number;
  maxDepth: number;
  minSamplesLeaf: number;
  /** L2 regularisation of leaf values (scikit-learn's l2_regularization). */
  l2: number;
  /** Bins per number predictor (missing values get a bin of their own on top). */
  maxBins: number;
  /** 'auto': on when more than 10,000 training rows. */
  earlyStopping: 'auto' | boolean;
  /** Share of the training rows held out for early stopping. */
  validationShare: number;
  /** Stop when the validation loss has not improved for this many trees. */
  iterNoChange: number;
  maxCategories: number;
}

export interface NaiveBayesSettings {
  /** Quantile bins per number predictor (missing values get a bin of their own on top). */
  bins: number;
  /** Laplace smoothing: pseudo-count added to every bin. */
  laplace: number;
  maxCategories: number;
}

export type Settings = LogisticSettings | GbdtSettings | NaiveBayesSettings;

/** Settings as a request may give them: any subset, checked against the algorithm. */
export type SettingsInput = Partial<LogisticSettings> | Partial<GbdtSettings> | Partial<NaiveBayesSettings>;

interface NumberRule {
  default: number;
  min: number;
  max: number;
  integer: boolean;
  /** What it means, for error messages. */
  meaning: string;
}

const maxCategories = (max: number): NumberRule => ({
  default: 100,
  min: 1,
  max,
  integer: true,
  meaning: 'categories kept per predictor',
});

const RULES: Record<Algorithm, Record<string, NumberRule>> = {
  logistic: {
    l2: { default: 1, min: 1e-6, max: 1e6, integer: false, meaning: 'the L2 penalty strength (1 / C)' },
    maxIter: { default: 100, min: 1, max: 10_000, integer: true, meaning: 'the most solver iterations' },
    maxCategories: maxCategories(1000),
  },
  gbdt: {
    trees: { default: 100, min: 1, max: 2000, integer: true, meaning: 'the most trees' },
    learningRate: { default: 0.1, min: 0.001, max: 1, integer: false, meaning: 'the learning rate' },
    maxLeafNodes: { default: 31, min: 2, max: 4096, integer: true, meaning: 'leaves per tree' },
    maxDepth: { default: 8, min: 1, max: 64, integer: true, meaning: 'the depth of a tree' },
    minSamplesLeaf: { default: 20, min: 1, max: 1_000_000, integer: true, meaning: 'training rows per leaf' },
    l2: { default: 0, min: 0, max: 1e6, integer: false, meaning: 'the L2 regularisation of leaves' },
    maxBins: { default: 255, min: 2, max: 255, integer: true, meaning: 'bins per number predictor' },
    validationShare: {
      default: 0.1,
      min: 0.01,
      max: 0.5,
      integer: false,
      meaning: 'the share of training rows used for early stopping',
    },
    iterNoChange: { default: 10, min: 1, max: 1000, integer: true, meaning: 'trees without improvement' },
    maxCategories: maxCategories(254),
  },
  naiveBayes: {
    bins: { default: 10, min: 2, max: 100, integer: true, meaning: 'bins per number predictor' },
    laplace: { default: 1, min: 0.001, max: 100, integer: false, meaning: 'the Laplace pseudo-count' },
    maxCategories: maxCategories(1000),
  },
};

const ALGORITHM_NAMES: Record<Algorithm, string> = {
  logistic: 'logistic regression',
  gbdt: 'gradient-boosted trees',
  naiveBayes: 'naive Bayes',
};

/** The settings with defaults applied; an unknown, mistyped or out-of-range setting is refused by name. */
export function resolveSettings(algorithm: Algorithm, input: SettingsInput | undefined): Settings {
  const rules = RULES[algorithm];
  if (!rules) {
    throw new TrainingError(
      'invalid_setting',
      `algorithm "${String(algorithm)}" is unknown; choose logistic, gbdt or naiveBayes`,
      undefined,
      'algorithm',
    );
  }
  const given = (input ?? {}) as Record<string, unknown>;
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new TrainingError(
      'invalid_setting',
      'settings must be an object of named values',
      undefined,
      'settings',
    );
  }
  const known = [...Object.keys(rules), ...(algorithm === 'gbdt' ? ['earlyStopping'] : [])];
  const settings: Record<string, unknown> = {};
  for (const key of Object.keys(given)) {
    if (!known.includes(key)) {
      throw new TrainingError(
        'invalid_setting',
        `setting "${key}" does not apply to ${ALGORITHM_NAMES[algorithm]}; its settings are ${known.join(', ')}`,
        undefined,
        key,
      );
    }
  }
  for (const [key, rule] of Object.entries(rules)) {
    const value = given[key];
    if (value === undefined) {
      settings[key] = rule.default;
      continue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || (rule.integer && !Number.isInteger(value))) {
      throw new TrainingError(
        'invalid_setting',
        `setting "${key}" (${rule.meaning}) must be ${rule.integer ? 'a whole number' : 'a number'}, not ${JSON.stringify(value)}`,
        undefined,
        key,
      );
    }
    if (value < rule.min || value > rule.max) {
      throw new TrainingError(
        'invalid_setting',
        `setting "${key}" (${rule.meaning}) must be between ${rule.min} and ${rule.max}, not ${value}`,
        undefined,
        key,
      );
    }
    settings[key] = value;
  }
  if (algorithm === 'gbdt') {
    const early = given.earlyStopping ?? 'auto';
    if (early !== 'auto' && typeof early !== 'boolean') {
      throw new TrainingError(
        'invalid_setting',
        `setting "earlyStopping" must be true, false or "auto", not ${JSON.stringify(early)}`,
        undefined,
        'earlyStopping',
      );
    }
    settings.earlyStopping = early;
  }
  return settings as unknown as Settings;
}
