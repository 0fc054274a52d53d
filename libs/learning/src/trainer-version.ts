/** Recorded in a model version's provenance: which trainer, at which version, produced it. */
export const TRAINER_VERSION = '@arbiter/learning 0.1.0';
