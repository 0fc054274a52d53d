// Public API of @arbiter/learning: trains propensity models that compile into engine model specs.
export { train } from './train';
export { predict, factsReader } from './predict';
export { suggestPredictors, type FieldChoice, type PredictorSuggestion } from './suggest-predictors';
export { resolveSettings } from './settings';
export type { GbdtSettings, LogisticSettings, NaiveBayesSettings, Settings, SettingsInput } from './settings';
export { TrainingError, type TrainingErrorCode } from './training-error';
export { referenceDesign, type ReferenceMatrices } from './reference-design';
export { MAX_DISTINCT_CATEGORIES } from './prepare';
export { TRAINER_VERSION } from './trainer-version';
export type * from './types';
export * from './adaptive';
