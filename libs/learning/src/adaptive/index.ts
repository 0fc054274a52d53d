// Adaptive models: online Bayesian logistic regression learned from outcomes, with Thompson-sampling exploration.
export {
  AdaptiveModelError,
  type AdaptiveConfig,
  type AdaptivePredictor,
  type AdaptiveSettings,
} from './adaptive-config';
export {
  cloneState,
  isMature,
  learnInPlace,
  logOddsPosterior,
  meanPropensity,
  updateAdaptiveModel,
  type AdaptiveState,
  type LogOddsPosterior,
  type PredictorSlot,
} from './bayesian-logistic';
export { createAdaptiveModel, type AdaptivePrior, type LogisticSpec } from './warm-start';
export { restoreAdaptiveModel, snapshotAdaptiveModel, type AdaptiveSnapshot } from './snapshot';
export { applyOutcomes, type AdaptiveOutcome, type ApplyResult } from './outcome-log';
export {
  decisionSeed,
  scoreCandidates,
  type ExplorationCandidate,
  type ExplorationPolicy,
  type ExploredScore,
} from './exploration';
export { fromEngineSpec, toEngineSpec } from './engine-spec';
export {
  LearningReplay,
  type LearningCurve,
  type LearningCurveBucket,
  type ReplayRate,
  type ReplayRow,
} from './learning-replay';
