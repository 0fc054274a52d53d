import { createHash } from 'node:crypto';
import {
  canonicalJson,
  type AdaptiveFacts,
  type AdaptiveParams,
  type InlineModelSpec,
} from '@arbiter/engine';
import {
  cloneState,
  createAdaptiveModel,
  learnInPlace,
  meanPropensity,
  toEngineSpec,
  type AdaptiveState,
  type LogisticSpec,
} from '@arbiter/learning';
import type { AdaptiveModelConfig, GroupBy } from './adaptive-config';

/**
 * What an adaptive model version has learned: one Bayesian logistic posterior per group (action,
 * channel, or '' for one model), and the outcome stream's high-water mark. Plain JSON: stored as
 * canonical JSON in a snapshot, hashed, restored bit for bit.
 */
export interface LearnedModel {
  format: 1;
  /** The sequence (interactions.id) of the last outcome considered, learned from or not. */
  seq: number;
  groups: Record<string, AdaptiveState>;
}

/** The input a group is read from when deciding. */
export const GROUP_INPUT: Record<GroupBy, string | undefined> = {
  action: 'action.id',
  channel: 'context.channel',
  none: undefined,
};

/** The posterior of a group nobody has learned from: the prior (blind, or the trained model's weights). */
export function priorState(
  modelId: string,
  config: AdaptiveModelConfig,
  priorSpec: InlineModelSpec | null,
): AdaptiveState {
  return createAdaptiveModel(
    {
      modelId,
      maturity: config.maturity,
      predictors: config.predictors.map((p) => ({
        name: p.input,
        input: p.input,
        type: p.type,
        ...(p.center !== null && p.spread !== null && { scale: { center: p.center, spread: p.spread } }),
      })),
    },
    priorSpec ? { spec: priorSpec as LogisticSpec } : undefined,
  );
}

export function emptyLearned(seq: number): LearnedModel {
  return { format: 1, seq, groups: {} };
}

export function snapshotOf(learned: LearnedModel): {
  json: string;
  hash: string;
  evidence: number;
  positives: number;
} {
  const json = canonicalJson(learned);
  let evidence = 0;
  let positives = 0;
  for (const g of Object.values(learned.groups)) {
    evidence += g.evidence;
    positives += g.positives;
  }
  return { json, hash: createHash('sha256').update(json).digest('hex'), evidence, positives };
}

export function restoreLearned(json: string, hash: string): LearnedModel {
  if (createHash('sha256').update(json).digest('hex') !== hash)
    throw new Error('adaptive snapshot: content hash does not match');
  return JSON.parse(json) as LearnedModel;
}

/** The group an outcome belongs to. */
export function groupKey(groupBy: GroupBy, facts: AdaptiveFacts): string {
  const input = GROUP_INPUT[groupBy];
  if (!input) return '';
  const [root, field] = input.split('.') as ['action' | 'context', string];
  const value = (facts[root] as Record<string, unknown> | undefined)?.[field];
  return value === undefined || value === null ? '' : String(value);
}

export interface LearnableOutcome {
  id: string;
  seq: number;
  facts: AdaptiveFacts;
  label: boolean;
}

/**
 * Learns one outcome in place (the caller owns `learned`), as the learning library's applyOutcomes
 * does (the same state, bit for bit) without copying the state per outcome: the model's own
 * high-water mark stands for the library's (every group's mark is at most the model's). Returns the
 * propensity the model gave before learning it (prequential evaluation), or undefined when it was
 * already learned.
 */
export function learnOne(
  learned: LearnedModel,
  prior: AdaptiveState,
  groupBy: GroupBy,
  outcome: LearnableOutcome,
): number | undefined {
  if (outcome.seq <= learned.seq) return undefined;
  learned.seq = outcome.seq;
  const key = groupKey(groupBy, outcome.facts);
  const group = (learned.groups[key] ??= cloneState(prior));
  const predicted = meanPropensity(group, outcome.facts);
  learnInPlace(group, outcome.facts, outcome.label);
  group.cursor.seq = outcome.seq;
  group.cursor.recentIds.push(outcome.id);
  if (group.cursor.recentIds.length > group.config.dedupWindow) group.cursor.recentIds.shift();
  return predicted;
}

/** The engine `adaptive` spec of what a model version has learned: what published plans score with. */
export function servingSpec(
  learned: LearnedModel,
  prior: AdaptiveState,
  config: Pick<AdaptiveModelConfig, 'groupBy' | 'explorationShare'>,
): AdaptiveParams {
  // Immature groups are explored in every decision (new actions first), unless exploration is off (share 0).
  const exploration = {
    share: config.explorationShare,
    immatureShare: config.explorationShare === 0 ? 0 : 1,
  };
  const input = GROUP_INPUT[config.groupBy];
  if (!input) return toEngineSpec(learned.groups[''] ?? prior, exploration);
  const groups: NonNullable<AdaptiveParams['groups']> = {};
  for (const [key, state] of Object.entries(learned.groups)) {
    const { intercept, terms, evidence } = toEngineSpec(state);
    groups[key] = { intercept, terms, evidence };
  }
  return { ...toEngineSpec(prior, exploration), groupBy: input, groups };
}
