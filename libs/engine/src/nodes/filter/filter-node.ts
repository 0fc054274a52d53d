import { z } from 'zod';
import { catalogIndex } from '../../catalog/action';
import { compileCondition, holds, type CompiledCondition } from '../../conditions/compile-condition';
import { describeCondition } from '../../conditions/describe-condition';
import type { RootCondition } from '../../conditions/types';
import type { Candidate, DecisionState } from '../../runtime/types';
import { joinField, problem } from '../../validation/problem';
import { defineNode } from '../node-spec';
import { checkConditionAt, checkScopeKeys, conditionSchema, plural } from '../shared';

const configSchema = z.object({
  /** Applies to every candidate. */
  condition: conditionSchema.optional(),
  /** Extra eligibility per group of actions, and per single action. */
  byGroup: z.record(z.string(), conditionSchema).optional(),
  byAction: z.record(z.string(), conditionSchema).optional(),
});
export type FilterConfig = z.infer<typeof configSchema>;

const FACTS = ['customer', 'context', 'action', 'fields'] as const;

interface Rule {
  scope: string;
  condition: CompiledCondition;
}

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
    if (
      !config.condition &&
      !Object.keys(config.byGroup ?? {}).length &&
      !Object.keys(config.byAction ?? {}).length
    ) {
      problems.push(
        problem('invalid_config', 'add a condition (for all candidates, a group or an action)', {
          nodeId: ctx.nodeId,
          field: 'config.condition',
        }),
      );
    }
    if (config.condition)
      problems.push(...checkConditionAt(config.condition, ctx, 'config.condition', FACTS));
    for (const key of ['byGroup', 'byAction'] as const) {
      for (const [name, condition] of Object.entries(config[key] ?? {})) {
        problems.push(...checkConditionAt(condition, ctx, joinField(joinField('config', key), name), FACTS));
      }
    }
    problems.push(...checkScopeKeys(config, ctx));
    return problems;
  },
  compile(config, ctx) {
    const compile = (c: RootCondition) => compileCondition(c, ctx.labels, ctx.slots);
    const common = config.condition ? compile(config.condition) : undefined;
    const byGroup = new Map(Object.entries(config.byGroup ?? {}).map(([g, c]) => [g, compile(c)]));
    const byAction = new Map(Object.entries(config.byAction ?? {}).map(([a, c]) => [a, compile(c)]));
    // A common condition that reads only customer and context is the same for every candidate: test it once.
    const hoisted = common && !common.reads.has('action') && !common.reads.has('fields') ? common : undefined;
    const rulesFor = new Map<string, Rule[]>();
    for (const action of ctx.actions) {
      const rules: Rule[] = [];
      if (common && !hoisted) rules.push({ scope: '', condition: common });
      const groupRule = action.group !== undefined ? byGroup.get(action.group) : undefined;
      if (groupRule) rules.push({ scope: `group ${action.group} rule: `, condition: groupRule });
      const actionRule = byAction.get(action.id);
      if (actionRule) rules.push({ scope: `rule for ${action.name}: `, condition: actionRule });
      rulesFor.set(action.id, rules);
    }
    const tests = ctx.actions.map((a) => combine(rulesFor.get(a.id)!.map((r) => r.condition.test)));
    // Drop reasons are counted over every row of a simulation: the same string for the same failure.
    const reasons = new Map<string, Map<string, string>>();
    const needs = (scope: string, part: string): string => {
      let byPart = reasons.get(scope);
      if (!byPart) reasons.set(scope, (byPart = new Map()));
      let reason = byPart.get(part);
      if (reason === undefined) byPart.set(part, (reason = `${scope}needs ${part}`));
      return reason;
    };
    const testFor = (c: Candidate) => tests[catalogIndex(c.action)];
    return {
      run([input = []], state) {
        const f = state.facts;
        if (hoisted) {
          f.action = {};
          f.fields = {};
          if (!holds(hoisted.test, f)) return { handle: 'out', candidates: [] };
        }
        const out: Candidate[] = [];
        for (const c of input) {
          const test = testFor(c);
          if (!test) {
            out.push(c);
            continue;
          }
          f.action = c.action;
          f.fields = c.fields;
          if (holds(test, f)) out.push(c);
        }
        return { handle: 'out', candidates: out };
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
        // Called after run, for this decision: the shared facts can take the candidate like in run.
        const f = state.facts;
        f.action = c.action;
        f.fields = c.fields;
        const failed: string[] = [];
        if (hoisted) {
          const part = hoisted.failed(f);
          if (part !== undefined) failed.push(needs('', part));
        }
        for (const rule of rulesFor.get(c.action.id) ?? []) {
          const part = rule.condition.failed(f);
          if (part !== undefined) failed.push(needs(rule.scope, part));
        }
        if (failed.length === 1) return failed[0]!;
        return failed.length ? failed.join('; ') : 'did not pass the filter';
      },
    };
  },
  summarize(config, labels) {
    const parts: string[] = [];
    if (config.condition) parts.push(describeCondition(config.condition, labels));
    const groups = Object.keys(config.byGroup ?? {}).length;
    const actions = Object.keys(config.byAction ?? {}).length;
    if (groups) parts.push(plural(groups, 'group rule'));
    if (actions) parts.push(plural(actions, 'action rule'));
    return parts.join('; ') || 'no rule yet';
  },
});

type Test = (f: DecisionState['facts']) => boolean;

function combine(tests: Test[]): Test | undefined {
  if (tests.length === 0) return undefined;
  if (tests.length === 1) return tests[0];
  if (tests.length === 2) {
    const [a, b] = tests as [Test, Test];
    return (f) => a(f) && b(f);
  }
  return (f) => tests.every((t) => t(f));
}
