/** A predictor of an adaptive model: a named input of the decision (e.g. "customer.age"). */
export interface AdaptivePredictor {
  name: string;
  input: string;
  type: 'number' | 'string' | 'boolean';
  /**
   * A number enters the model as (x − center) / spread. Give the scale (e.g. the training data's mean
   * and standard deviation) when it is known; without it the model keeps a running mean and standard
   * deviation of the values it learned from, so early weights are learned on a moving scale.
   */
  scale?: { center: number; spread: number };
}

export interface AdaptiveConfig {
  /** The model's id; it also keys the Thompson draws of its decisions. */
  modelId: string;
  predictors: AdaptivePredictor[];
  /** Prior variance of every weight (log-odds per standardised unit). Default 1. */
  priorVariance?: number;
  /** Categories learned per predictor; later new values share the "other" weight. Default 20. */
  maxCategories?: number;
  /** Outcomes after which the model counts as mature (explored less). Default 100. */
  maturity?: number;
  /** Outcome ids remembered to skip a re-sent outcome that got a new sequence number. Default 1000. */
  dedupWindow?: number;
}

export type AdaptiveSettings = Required<AdaptiveConfig>;

/** A bad configuration, prior or outcome: names the field and the reason. */
export class AdaptiveModelError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'AdaptiveModelError';
  }
}

const INPUT = /^(customer|context|action)(\.[A-Za-z_][A-Za-z0-9_]*)+$/;

function positive(value: number | undefined, fallback: number, field: string, integer = false): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new AdaptiveModelError(
      field,
      `must be a positive ${integer ? 'whole number' : 'number'}, not ${value}`,
    );
  }
  return value;
}

/** The configuration with defaults applied, checked field by field. */
export function normalizeConfig(config: AdaptiveConfig): AdaptiveSettings {
  if (typeof config.modelId !== 'string' || config.modelId === '')
    throw new AdaptiveModelError('modelId', 'must be a non-empty string');
  if (!Array.isArray(config.predictors)) throw new AdaptiveModelError('predictors', 'must be a list');
  const names = new Set<string>();
  const predictors = config.predictors.map((p, i) => {
    const at = `predictors[${i}]`;
    if (typeof p.name !== 'string' || p.name === '' || p.name.includes('='))
      throw new AdaptiveModelError(`${at}.name`, 'must be a non-empty name without "="');
    if (names.has(p.name)) throw new AdaptiveModelError(`${at}.name`, `"${p.name}" is used twice`);
    names.add(p.name);
    if (typeof p.input !== 'string' || !INPUT.test(p.input))
      throw new AdaptiveModelError(
        `${at}.input`,
        `"${p.input}" is not an input; write customer.x, context.x or action.x`,
      );
    if (p.type !== 'number' && p.type !== 'string' && p.type !== 'boolean')
      throw new AdaptiveModelError(`${at}.type`, `must be number, string or boolean, not ${String(p.type)}`);
    if (p.scale !== undefined) {
      if (p.type !== 'number')
        throw new AdaptiveModelError(`${at}.scale`, 'only a number predictor has a scale');
      if (!Number.isFinite(p.scale.center))
        throw new AdaptiveModelError(`${at}.scale.center`, `must be a finite number, not ${p.scale.center}`);
      positive(p.scale.spread, 1, `${at}.scale.spread`);
    }
    return { ...p };
  });
  return {
    modelId: config.modelId,
    predictors,
    priorVariance: positive(config.priorVariance, 1, 'priorVariance'),
    maxCategories: positive(config.maxCategories, 20, 'maxCategories', true),
    maturity: config.maturity === 0 ? 0 : positive(config.maturity, 100, 'maturity', true),
    dedupWindow: positive(config.dedupWindow, 1000, 'dedupWindow', true),
  };
}
