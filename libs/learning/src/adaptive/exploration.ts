import { adaptiveScore, type AdaptiveFacts } from '@arbiter/engine';
import { isMature, logOddsPosterior, type AdaptiveState } from './bayesian-logistic';

export interface ExplorationPolicy {
  /** Share of decisions in which mature models score by a Thompson draw (0: never, 1: always). */
  share: number;
  /** Share of decisions in which immature models do; default 1, so new actions are explored first. */
  immatureShare?: number;
  /** Multiplies the posterior variance of draws. Default 1. */
  varianceScale?: number;
}

export interface ExplorationCandidate {
  actionId: string;
  /** The adaptive model that scores this action. */
  model: AdaptiveState;
  /** What the decision sees for this candidate (customer, context, action). */
  facts: AdaptiveFacts;
}

export interface ExploredScore {
  actionId: string;
  /** The propensity arbitration should use: a Thompson draw when explored, else the mean. */
  score: number;
  meanPropensity: number;
  explored: boolean;
}

/** The seed of a decision, as the engine builds it from customer.id and context.decisionId. */
export function decisionSeed(customerId: string, decisionId: string): string {
  return `${customerId}:${decisionId}`;
}

/**
 * Scores candidates for one decision. Whether the decision explores is one seeded coin per decision
 * (shared by its candidates); immature models explore in a larger share (immatureShare). Same seed ⇒
 * same scores, exactly as the engine's `adaptive` model kind computes them.
 */
export function scoreCandidates(
  candidates: readonly ExplorationCandidate[],
  policy: ExplorationPolicy,
  seed: string,
): ExploredScore[] {
  const exploration = {
    share: policy.share,
    immatureShare: policy.immatureShare ?? 1,
    varianceScale: policy.varianceScale ?? 1,
  };
  return candidates.map(({ actionId, model, facts }) => {
    const posterior = logOddsPosterior(model, facts);
    const drawKey = `${model.config.modelId}|${actionId}`;
    const { score, explored } = adaptiveScore(posterior, isMature(model), exploration, seed, drawKey);
    return { actionId, score, meanPropensity: 1 / (1 + Math.exp(-posterior.mean)), explored };
  });
}
