import type { AdaptiveExploration, AdaptiveParams, WeightPosterior } from '@arbiter/engine';
import type { AdaptiveState } from './bayesian-logistic';

/**
 * The engine's `adaptive` model spec for a state: what the API puts in the strategy environment's
 * models (under the model's registry key) whenever a new snapshot is published. The engine then
 * scores exactly as `logOddsPosterior`/`scoreCandidates` do, with no learning code on the decision path.
 */
export function toEngineSpec(
  state: AdaptiveState,
  exploration?: Partial<AdaptiveExploration> & { share: number },
): AdaptiveParams {
  const weight = (i: number): WeightPosterior => ({
    mean: state.means[i]!,
    variance: 1 / state.precisions[i]!,
  });
  const { priorVariance, maxCategories } = state.config;
  return {
    type: 'adaptive',
    modelId: state.config.modelId,
    intercept: weight(0),
    terms: state.predictors.map((slot) =>
      slot.kind === 'number'
        ? {
            input: slot.input,
            type: 'number' as const,
            center: slot.center,
            spread: slot.spread,
            weight: weight(slot.value),
            missing: weight(slot.missing),
          }
        : {
            input: slot.input,
            type: 'category' as const,
            categories: Object.fromEntries(
              Object.entries(slot.categories).map(([value, i]) => [value, weight(i)]),
            ),
            // A value never learned from: a fresh weight at its prior while there is room, else "other".
            otherwise:
              slot.size < maxCategories
                ? { mean: slot.otherPrior, variance: priorVariance }
                : weight(slot.other),
            missing: weight(slot.missing),
          },
    ),
    evidence: state.evidence,
    maturity: state.config.maturity,
    ...(exploration
      ? {
          exploration: {
            share: exploration.share,
            immatureShare: exploration.immatureShare ?? 1,
            varianceScale: exploration.varianceScale ?? 1,
            seedInputs: exploration.seedInputs ?? ['customer.id', 'context.decisionId'],
          },
        }
      : {}),
  };
}
