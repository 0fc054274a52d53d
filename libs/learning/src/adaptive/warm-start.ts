import type { InlineModelSpec } from '@arbiter/engine';
import { AdaptiveModelError, type AdaptiveConfig } from './adaptive-config';
import { addCategory, createBlankState, type AdaptiveState } from './bayesian-logistic';

export type LogisticSpec = Extract<InlineModelSpec, { type: 'logistic' }>;

export interface AdaptivePrior {
  /** A trained (part 1) or hand-written logistic model whose weights become the prior means. */
  spec: LogisticSpec;
  /** Prior variance of the weights taken from the spec: smaller trusts the spec longer. Default 0.25. */
  variance?: number;
}

/**
 * A new adaptive model, blind (every weight N(0, priorVariance)) or warm-started from a logistic spec
 * so that, before any outcome, its mean propensity equals the spec's. A number predictor without a
 * scale takes the spec's scale (center = the term's center or 0, spread 1): the weights keep their
 * meaning while the model learns.
 */
export function createAdaptiveModel(config: AdaptiveConfig, prior?: AdaptivePrior): AdaptiveState {
  if (!prior) return createBlankState(config);
  const variance = prior.variance ?? 0.25;
  if (!Number.isFinite(variance) || variance <= 0)
    throw new AdaptiveModelError('prior.variance', `must be a positive number, not ${variance}`);
  const { spec } = prior;
  if (spec?.type !== 'logistic')
    throw new AdaptiveModelError(
      'prior.spec.type',
      `a warm start needs a logistic model, not ${String(spec?.type)}`,
    );
  const withScales: AdaptiveConfig = {
    ...config,
    predictors: config.predictors.map((p) => {
      if (p.type !== 'number' || p.scale) return p;
      const term = spec.terms.find((t) => t.input === p.input && !('categories' in t));
      return term && !('categories' in term) ? { ...p, scale: { center: term.center ?? 0, spread: 1 } } : p;
    }),
  };
  const state = createBlankState(withScales);
  const q = 1 / variance;
  const set = (index: number, mean: number) => {
    state.means[index] = mean;
    state.precisions[index] = q;
  };
  let intercept = spec.intercept;
  spec.terms.forEach((term, i) => {
    const at = `prior.spec.terms[${i}]`;
    const slot = state.predictors.find((p) => p.input === term.input);
    if (!slot)
      throw new AdaptiveModelError(
        `${at}.input`,
        `"${term.input}" is not one of the adaptive model's predictors; add it or drop the term`,
      );
    if (!('categories' in term)) {
      if (slot.kind !== 'number')
        throw new AdaptiveModelError(
          `${at}.weight`,
          `"${term.input}" is a ${slot.kind} predictor; a weight needs a number predictor`,
        );
      // Spec: w·x (or its missing contribution). Ours: w·spread·(x − center)/spread + w·center in the intercept.
      const missing = term.missingWeight ?? (term.ifMissing === undefined ? 0 : term.weight * term.ifMissing);
      intercept += term.weight * slot.center;
      set(slot.value, state.means[slot.value]! + term.weight * slot.spread);
      set(slot.missing, state.means[slot.missing]! + missing - term.weight * slot.center);
      return;
    }
    if (slot.kind !== 'category')
      throw new AdaptiveModelError(
        `${at}.categories`,
        `"${term.input}" is a number predictor; weigh categories with a string or boolean predictor`,
      );
    for (const [value, weight] of Object.entries(term.categories)) {
      const index = Object.hasOwn(slot.categories, value)
        ? slot.categories[value]!
        : addCategory(state, slot, value, 0, q);
      set(index, state.means[index]! + weight);
    }
    set(slot.missing, state.means[slot.missing]! + (term.ifMissing ?? 0));
    set(slot.other, state.means[slot.other]! + (term.otherwise ?? 0));
    slot.otherPrior = state.means[slot.other]!;
  });
  set(0, intercept);
  return state;
}
