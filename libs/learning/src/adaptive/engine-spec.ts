import type { AdaptiveExploration, AdaptiveParams, WeightPosterior } from '@arbiter/engine';
import type { AdaptivePredictor } from './adaptive-config';
import { addCategory, createBlankState, type AdaptiveState } from './bayesian-logistic';

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

/**
 * The adaptive model an engine `adaptive` spec describes, ready to learn further: the inverse of
 * toEngineSpec. Number predictors keep the spec's scale; a category value first seen later starts
 * at the spec's "otherwise" weight. The spec does not say how many outcomes were positive, so
 * `positives` starts at 0.
 */
export function fromEngineSpec(params: AdaptiveParams): AdaptiveState {
  const categoryTerms = params.terms.filter((t) => t.type === 'category');
  const otherwiseVariances = new Set(categoryTerms.map((t) => t.otherwise.variance));
  const used = new Set<string>();
  const predictors: AdaptivePredictor[] = params.terms.map((t, i) => {
    const name = used.has(t.input) ? `${t.input}#${i}` : t.input;
    used.add(name);
    return t.type === 'number'
      ? { name, input: t.input, type: 'number', scale: { center: t.center, spread: t.spread } }
      : { name, input: t.input, type: 'string' };
  });
  const state = createBlankState({
    modelId: params.modelId,
    predictors,
    maturity: params.maturity,
    // One prior variance for every new weight: the spec's, when its category terms agree on one.
    priorVariance: otherwiseVariances.size === 1 ? [...otherwiseVariances][0]! : 1,
    maxCategories: Math.max(20, ...categoryTerms.map((t) => Object.keys(t.categories).length)),
  });
  const set = (index: number, w: WeightPosterior) => {
    state.means[index] = w.mean;
    state.precisions[index] = 1 / w.variance;
  };
  set(0, params.intercept);
  params.terms.forEach((term, i) => {
    const slot = state.predictors[i]!;
    set(slot.missing, term.missing);
    if (term.type === 'number' && slot.kind === 'number') {
      set(slot.value, term.weight);
      return;
    }
    if (term.type !== 'category' || slot.kind !== 'category') return;
    set(slot.other, term.otherwise);
    slot.otherPrior = term.otherwise.mean;
    for (const [value, w] of Object.entries(term.categories))
      addCategory(state, slot, value, w.mean, 1 / w.variance);
  });
  state.evidence = params.evidence;
  return state;
}
