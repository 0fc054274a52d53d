import { createHash } from 'node:crypto';
import { canonicalJson } from '@arbiter/engine';
import { AdaptiveModelError } from './adaptive-config';
import type { AdaptiveState } from './bayesian-logistic';

export interface AdaptiveSnapshot {
  /** Canonical JSON of the state (sorted keys, no white space): what PostgreSQL stores. */
  json: string;
  /** sha256 of `json`, hex: equal states ⇒ equal hashes, on every instance. */
  hash: string;
  version: number;
  evidence: number;
  positives: number;
}

export function snapshotAdaptiveModel(state: AdaptiveState): AdaptiveSnapshot {
  const json = canonicalJson(state);
  return {
    json,
    hash: createHash('sha256').update(json).digest('hex'),
    version: state.version,
    evidence: state.evidence,
    positives: state.positives,
  };
}

/** A stored snapshot back as a state; refuses text that is not one, or whose hash does not match. */
export function restoreAdaptiveModel(json: string, expectedHash?: string): AdaptiveState {
  if (expectedHash !== undefined) {
    const hash = createHash('sha256').update(json).digest('hex');
    if (hash !== expectedHash)
      throw new AdaptiveModelError(
        'snapshot',
        `content hash ${hash} does not match the recorded ${expectedHash}`,
      );
  }
  let state: AdaptiveState;
  try {
    state = JSON.parse(json) as AdaptiveState;
  } catch {
    throw new AdaptiveModelError('snapshot', 'is not JSON');
  }
  const n = state?.features?.length;
  if (
    state?.format !== 1 ||
    !Array.isArray(state.means) ||
    !Array.isArray(state.precisions) ||
    state.means.length !== n ||
    state.precisions.length !== n ||
    !state.cursor ||
    !Array.isArray(state.predictors)
  )
    throw new AdaptiveModelError('snapshot', 'is not an adaptive model state (format 1)');
  return state;
}
