import { z } from 'zod';
import { catalogIndex } from '../../catalog/action';
import { compileCondition, holds } from '../../conditions/compile-condition';
import { describeCondition } from '../../conditions/describe-condition';
import { FACT_NAMES } from '../../conditions/types';
import { withField } from '../../runtime/candidate';
import type { Candidate, DecisionState } from '../../runtime/types';
import { defineNode } from '../node-spec';
import { checkConditionAt, checkScopeKeys, conditionSchema, plural, scopedCount } from '../shared';

const exponent = z.number().finite().min(0, 'must be between 0 and 5').max(5, 'must be between 0 and 5');
const multiplier = z
  .number()
  .finite()
  .min(0, 'must be between 0 and 100')
  .max(100, 'must be between 0 and 100');

const configSchema = z.object({
  /** a in propensity^a: how much customer relevance counts. */
  propensityWeight: exponent.default(1),
  /** b in value^b: how much business value counts. */
  valueWeight: exponent.default(1),
  /** Context weights: every matching entry multiplies the priority. */
  contextWeights: z
    .array(z.object({ label: z.string().optional(), when: conditionSchema, weight: multiplier }))
    .default([]),
  /** Business levers per group and per action (1 = neutral). */
  levers: z
    .object({
      byGroup: z.record(z.string(), multiplier).optional(),
      byAction: z.record(z.string(), multiplier).optional(),
    })
    .default({}),
});
export type ArbitrateConfig = z.infer<typeof configSchema>;

interface Terms {
  propensity: number;
  value: number;
  contextWeight: number;
  lever: number;
  priority: number;
}

/** priority = propensity^a × value^b × context weight × lever */
export const arbitrateNode = defineNode<ArbitrateConfig>({
  type: 'arbitrate',
  title: 'Arbitrate',
  description:
    'Balances customer relevance against business value: priority = propensity^a × value^b × weights × levers.',
  inputs: 'one',
  configSchema,
  defaultConfig: () => ({ propensityWeight: 1, valueWeight: 1, contextWeights: [], levers: {} }),
  outputHandles: () => ['out'],
  setsFields: () => ['priority'],
  check(config, ctx) {
    return [
      ...config.contextWeights.flatMap((w, i) =>
        checkConditionAt(w.when, ctx, `config.contextWeights[${i}].when`, FACT_NAMES),
      ),
      ...checkScopeKeys(config.levers, ctx, 'config.levers'),
    ];
  },
  compile(config, ctx) {
    const a = config.propensityWeight;
    const b = config.valueWeight;
    const weights = config.contextWeights.map((w) => ({
      condition: compileCondition(w.when, ctx.labels, ctx.slots),
      weight: w.weight,
      label: w.label,
    }));
    const leverByIndex = ctx.actions.map(
      (action) =>
        (action.group !== undefined ? (config.levers.byGroup?.[action.group] ?? 1) : 1) *
        (config.levers.byAction?.[action.id] ?? 1),
    );
    const leverFor = (c: Candidate) => leverByIndex[catalogIndex(c.action)] ?? 1;
    // One formula for decisions and traces; the hot path just skips building the terms object.
    const terms = (c: Candidate, f: DecisionState['facts']): Terms => {
      const propensity = c.fields.propensity ?? 0;
      const rawValue = c.fields.value ?? c.action.value ?? 1;
      const value = rawValue > 0 ? rawValue : 0;
      let contextWeight = 1;
      for (const w of weights) if (holds(w.condition.test, f)) contextWeight *= w.weight;
      const lever = leverFor(c);
      const priority = Math.pow(propensity, a) * Math.pow(value, b) * contextWeight * lever;
      return { propensity, value, contextWeight, lever, priority: Number.isFinite(priority) ? priority : 0 };
    };
    const priorityOf = (c: Candidate, f: DecisionState['facts']): number => terms(c, f).priority;
    return {
      run([input = []], state) {
        const f = state.facts;
        const out: Candidate[] = new Array(input.length);
        for (let i = 0; i < input.length; i++) {
          const c = input[i]!;
          f.action = c.action;
          f.fields = c.fields;
          out[i] = withField(c, 'priority', priorityOf(c, f));
        }
        return { handle: 'out', candidates: out };
      },
      explainKept(c, state) {
        const f = { ...state.facts, action: c.action, fields: c.fields };
        const t = terms(c, f);
        const matched = weights
          .filter((w) => holds(w.condition.test, f))
          .map((w) => w.label ?? `×${w.weight}`);
        return {
          ...t,
          propensityWeight: a,
          valueWeight: b,
          ...(matched.length ? { contextWeights: matched } : {}),
        };
      },
    };
  },
  summarize(config, labels) {
    const parts = [balanceWords(config.propensityWeight, config.valueWeight)];
    for (const w of config.contextWeights)
      parts.push(`×${w.weight} if ${w.label ?? describeCondition(w.when, labels)}`);
    const levers = scopedCount(config.levers);
    if (levers) parts.push(plural(levers, 'lever'));
    return parts.join(', ');
  },
});

/** The balance of relevance and value in words: "relevance × value", "relevance counts 2×, value 1×". */
function balanceWords(relevance: number, value: number): string {
  if (relevance === 0 && value === 0) return 'every action the same priority';
  if (value === 0) return 'by relevance only';
  if (relevance === 0) return 'by value only';
  if (relevance === value)
    return relevance === 1 ? 'relevance × value' : `relevance × value, both ${relevance}×`;
  return `relevance counts ${relevance}×, value ${value}×`;
}
