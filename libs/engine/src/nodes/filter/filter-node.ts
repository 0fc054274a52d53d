import { z } from 'zod';
import { catalogIndex } from '../../catalog/action';
import { compileCondition, holds, type CompiledCondition } from '../../conditions/compile-condition';
import { describeCondition, type Labels } from '../../conditions/describe-condition';
import { lazyCondition } from '../../conditions/lazy-condition';
import { FACT_NAMES, type ConditionFacts, type RootCondition } from '../../conditions/types';
import type { Candidate } from '../../runtime/types';
import { joinField, problem } from '../../validation/problem';
import { defineNode } from '../node-spec';
import { checkConditionAt, checkScopeKeys, conditionSchema, plural, scopedCount } from '../shared';
import { closureEligibility, combine, generatedEligibility } from './eligibility';

const configSchema = z.object({
  /** Applies to every candidate. */
  condition: conditionSchema.optional(),
  /** Extra eligibility per group of actions, and per single action. */
  byGroup: z.record(z.string(), conditionSchema).optional(),
  byAction: z.record(z.string(), conditionSchema).optional(),
});
export type FilterConfig = z.infer<typeof configSchema>;

interface Rule {
  scope: string;
  /** Its failures' category starts with this: "" (the common rule), "group gold rule ", "action rule ". */
  kind: string;
  condition: CompiledCondition;
  source: RootCondition;
  /** Funnel reasons by failing part: the same string for the same failure, made once. */
  reasons: Map<string, string> | undefined;
  /** The condition's `failed`, taken once (a lazy condition is compiled on first use). */
  failed: CompiledCondition['failed'] | undefined;
  /**
   * A group's rule is one object shared by the group's actions. When it reads neither the action
   * nor its fields it fails alike for all of them in a decision, so dropReasons works its reason
   * out once per call (`memo` of call `memoCall`). Undefined until first asked; false for others.
   */
  sameForGroup: boolean | undefined;
  memoCall: number;
  memo: string | undefined;
}

function newRule(
  scope: string,
  kind: string,
  compiled: { condition: CompiledCondition; source: RootCondition },
  shared: boolean,
): Rule {
  return {
    scope,
    kind,
    condition: compiled.condition,
    source: compiled.source,
    reasons: undefined,
    failed: undefined,
    sameForGroup: shared ? undefined : false,
    memoCall: 0,
    memo: undefined,
  };
}

/** Whether a condition reads neither the action nor its fields, so holds alike for every candidate. */
const sameForEveryCandidate = (c: CompiledCondition) => !c.reads.has('action') && !c.reads.has('fields');

/** Keeps the candidates for which every applicable rule holds. */
export const filterNode = defineNode<FilterConfig>({
  type: 'filter',
  title: 'Filter',
  description:
    'Keeps the candidates whose conditions hold: eligibility, applicability and suitability rules.',
  inputs: 'one',
  configSchema,
  defaultConfig: () => ({ condition: { all: [] } }),
  outputHandles: () => ['out'],
  check(config, ctx) {
    const problems = [];
    if (!config.condition && !scopedCount(config)) {
      problems.push(
        problem('invalid_config', 'add a condition (for all candidates, a group or an action)', {
          nodeId: ctx.nodeId,
          field: 'config.condition',
        }),
      );
    }
    if (config.condition)
      problems.push(...checkConditionAt(config.condition, ctx, 'config.condition', FACT_NAMES));
    for (const key of ['byGroup', 'byAction'] as const) {
      for (const [name, condition] of Object.entries(config[key] ?? {})) {
        problems.push(
          ...checkConditionAt(condition, ctx, joinField(joinField('config', key), name), FACT_NAMES),
        );
      }
    }
    problems.push(...checkScopeKeys(config, ctx));
    return problems;
  },
  compile(config, ctx) {
    // With generated code deciding, the closures only explain (traces): compiled on first use.
    const generated = ctx.codegen?.enabled === true;
    const compile = (c: RootCondition) => ({
      source: c,
      condition: generated ? lazyCondition(c, ctx.labels) : compileCondition(c, ctx.labels, ctx.slots),
    });
    const byGroup = new Map(Object.entries(config.byGroup ?? {}).map(([g, c]) => [g, compile(c)]));
    const byAction = new Map(Object.entries(config.byAction ?? {}).map(([a, c]) => [a, compile(c)]));
    // One rule object per scope: a group's rule is shared by its actions (see Rule.sameForGroup).
    const commonRule = config.condition ? newRule('', '', compile(config.condition), false) : undefined;
    // A common condition that reads only customer and context is the same for every candidate: test it once.
    const hoistedRule = commonRule && sameForEveryCandidate(commonRule.condition) ? commonRule : undefined;
    const hoisted = hoistedRule?.condition;
    const groupRules = new Map(
      [...byGroup].map(([g, r]) => [g, newRule(`group ${g} rule: `, `group ${g} rule `, r, true)]),
    );
    const rulesFor = new Map<string, Rule[]>();
    for (const action of ctx.actions) {
      const rules: Rule[] = [];
      if (commonRule && !hoisted) rules.push(commonRule);
      const groupRule = action.group !== undefined ? groupRules.get(action.group) : undefined;
      if (groupRule) rules.push(groupRule);
      const actionRule = byAction.get(action.id);
      if (actionRule) rules.push(newRule(`rule for ${action.name}: `, 'action rule ', actionRule, false));
      rulesFor.set(action.id, rules);
    }
    const rulesByIndex = ctx.actions.map((a) => rulesFor.get(a.id)!);
    const eligibility =
      (generated &&
        generatedEligibility(
          rulesByIndex.map((rules) => rules.map((r) => r.source)),
          ctx,
          ctx.codegen?.index,
        )) ||
      closureEligibility(rulesByIndex.map((rules) => combine(rules.map((r) => r.condition.test))));
    const rulesOf = (c: Candidate): readonly Rule[] => {
      const i = catalogIndex(c.action);
      return i >= 0 && ctx.actions[i] === c.action ? rulesByIndex[i]! : (rulesFor.get(c.action.id) ?? []);
    };
    // Drop reasons are counted over every row of a simulation: the same string for the same failure.
    const reasonOf = (rule: Rule, f: ConditionFacts): string | undefined => {
      const part = (rule.failed ??= rule.condition.failed)(f);
      if (part === undefined) return undefined;
      const reasons = (rule.reasons ??= new Map());
      let reason = reasons.get(part);
      if (reason === undefined) reasons.set(part, (reason = `${rule.scope}needs ${part}`));
      return reason;
    };
    let calls = 0;
    /** The reason of one dropped candidate; `call` > 0 lets group rules reuse their reason within one call. */
    const dropReason = (c: Candidate, f: ConditionFacts, hoistedReason: string | undefined, call: number) => {
      // Called after run, for this decision: the shared facts can take the candidate like in run.
      f.action = c.action;
      f.fields = c.fields;
      let first = hoistedReason;
      let more: string[] | undefined;
      for (const rule of rulesOf(c)) {
        let reason: string | undefined;
        if (call > 0 && (rule.sameForGroup ??= sameForEveryCandidate(rule.condition))) {
          if (rule.memoCall !== call) {
            rule.memo = reasonOf(rule, f);
            rule.memoCall = call;
          }
          reason = rule.memo;
        } else reason = reasonOf(rule, f);
        if (reason === undefined) continue;
        if (first === undefined) first = reason;
        else (more ??= [first]).push(reason);
      }
      return more ? more.join('; ') : (first ?? 'did not pass the filter');
    };
    // One category for every action's own rule, one per group rule; strings made once, not per drop.
    const categories = new Map<string, Map<string, string>>();
    const category = (kind: string, on: string): string => {
      let byField = categories.get(kind);
      if (!byField) categories.set(kind, (byField = new Map()));
      let words = byField.get(on);
      if (words === undefined) byField.set(on, (words = `${kind}fails on ${on}`));
      return words;
    };
    return {
      run([input = []], state) {
        const f = state.facts;
        if (hoisted) {
          f.action = {};
          f.fields = {};
          if (!holds(hoisted.test, f)) return { handle: 'out', candidates: [] };
        }
        return { handle: 'out', candidates: eligibility.filter(input, f) };
      },
      explainDrop(c, state) {
        const facts = { ...state.facts, action: c.action, fields: c.fields };
        const rules = [
          ...(hoisted ? [{ scope: '', condition: hoisted }] : []),
          ...(rulesFor.get(c.action.id) ?? []),
        ];
        // Every rule that fails is named, not only the one that decided: the trace is for people.
        const failed: string[] = [];
        for (const rule of rules) {
          const outcome = rule.condition.explain(facts);
          if (!outcome.passed) failed.push(rule.scope + outcome.reason);
        }
        return failed.length ? failed.join('; ') : 'did not pass the filter';
      },
      dropReason(c, state) {
        const f = state.facts;
        return dropReason(c, f, hoistedRule && reasonOf(hoistedRule, f), 0);
      },
      dropReasons(dropped, state) {
        const f = state.facts;
        const call = ++calls;
        // The hoisted rule reads only the customer and context: one reason for the whole list.
        const hoistedReason = hoistedRule && reasonOf(hoistedRule, f);
        return dropped.map((c) => dropReason(c, f, hoistedReason, call));
      },
      dropCategory(c, state) {
        const f = state.facts;
        f.action = c.action;
        f.fields = c.fields;
        const on = hoisted?.failedOn(f);
        if (on !== undefined) return category('', on);
        for (const rule of rulesFor.get(c.action.id) ?? []) {
          const part = rule.condition.failedOn(f);
          if (part !== undefined) return category(rule.kind, part);
        }
        return 'did not pass the filter';
      },
    };
  },
  summarize(config, labels) {
    const parts: string[] = [];
    if (config.condition) parts.push(shortConditionWords(config.condition, labels));
    const groups = Object.keys(config.byGroup ?? {}).length;
    const actions = Object.keys(config.byAction ?? {}).length;
    if (groups) parts.push(plural(groups, 'group rule'));
    if (actions) parts.push(plural(actions, 'action rule'));
    return parts.join('; ') || 'no rule yet';
  },
});

/** A long list of conditions is summed up by its first ones and a count: a step's summary is one line. */
function shortConditionWords(condition: RootCondition, labels: Labels): string {
  const SHOWN = 3;
  const key = 'all' in condition ? 'all' : 'any' in condition ? 'any' : undefined;
  const list = key ? (condition as unknown as Record<string, unknown[]>)[key] : undefined;
  if (!key || !list || list.length <= SHOWN + 1) return describeCondition(condition, labels);
  const first = describeCondition({ [key]: list.slice(0, SHOWN) } as unknown as RootCondition, labels);
  return `${first} ${key === 'all' ? 'and' : 'or'} ${list.length - SHOWN} more conditions`;
}
