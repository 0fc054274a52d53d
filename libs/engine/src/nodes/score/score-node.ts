import { z } from 'zod';
import { catalogIndex } from '../../catalog/action';
import { withField } from '../../runtime/candidate';
import type { Candidate, DecisionState } from '../../runtime/types';
import {
  checkModel,
  compileModel,
  compileStagedModel,
  explainModel,
  modelIsPerCandidate,
  modelSpecSchema,
  resolveModel,
  summarizeModel,
  type InlineModelSpec,
  type ModelSpec,
} from '../../models/model-spec';
import type { ExplainFunction, ScoreFunction, StagedScore } from '../../models/model-kind';
import { joinField, problem } from '../../validation/problem';
import { defineNode, type NodeLists } from '../node-spec';
import { checkScopeKeys, fieldNameSchema, plural, scopedCount } from '../shared';
import { explainScore, type ScoreExplanation } from './score-explanation';

const configSchema = z.object({
  /** The candidate field the score is written to. */
  field: fieldNameSchema.default('propensity'),
  /** Model for every candidate, unless a group or action has its own. */
  model: modelSpecSchema.optional(),
  byGroup: z.record(z.string(), modelSpecSchema).optional(),
  byAction: z.record(z.string(), modelSpecSchema).optional(),
});
export type ScoreConfig = z.infer<typeof configSchema>;

const UNSET = Symbol('unset');

/** Sets a numeric field (default `propensity`) from a model; per-action beats per-group beats the default. */
export const scoreNode = defineNode<ScoreConfig>({
  type: 'score',
  title: 'Score',
  description:
    'Sets a number such as the propensity from a model: logistic, scorecard, tree ensemble, decision table or expression.',
  inputs: 'one',
  configSchema,
  defaultConfig: () => ({ field: 'propensity', model: { type: 'logistic', intercept: 0, terms: [] } }),
  outputHandles: () => ['out'],
  setsFields: (config) => [config.field],
  check(config, ctx) {
    const mctx = { nodeId: ctx.nodeId, env: ctx.env, actionFields: ctx.actionFields };
    const problems = [];
    if (!config.model && !scopedCount(config)) {
      problems.push(
        problem('invalid_config', 'choose a model', { nodeId: ctx.nodeId, field: 'config.model' }),
      );
    }
    if (config.model) problems.push(...checkModel(config.model, mctx, 'config.model'));
    for (const key of ['byGroup', 'byAction'] as const) {
      for (const [name, model] of Object.entries(config[key] ?? {})) {
        problems.push(...checkModel(model, mctx, joinField(joinField('config', key), name)));
      }
    }
    problems.push(...checkScopeKeys(config, ctx));
    return problems;
  },
  compile(config, ctx) {
    // Models are numbered; one that reads only customer and context is scored once per decision.
    const models: {
      spec: InlineModelSpec;
      score: ScoreFunction;
      perCandidate: boolean;
      /** For a per-candidate model that splits its score: the customer's part once per decision. */
      staged: StagedScore | undefined;
      /** Built on the first traced decision; null for a kind that does not explain itself. */
      explain?: ExplainFunction | null;
    }[] = [];
    const options = { codegen: ctx.codegen?.enabled !== false };
    const compile = (spec: ModelSpec): number => {
      const resolved = resolveModel(spec, ctx.models);
      if (!resolved) throw new Error(`model ${JSON.stringify(spec)} cannot be resolved`);
      const perCandidate = modelIsPerCandidate(resolved);
      models.push({
        spec: resolved,
        score: compileModel(resolved, options),
        perCandidate,
        staged: perCandidate ? compileStagedModel(resolved, options) : undefined,
      });
      return models.length - 1;
    };
    const fallback = config.model ? compile(config.model) : undefined;
    const byGroup = new Map(Object.entries(config.byGroup ?? {}).map(([g, m]) => [g, compile(m)]));
    const byAction = new Map(Object.entries(config.byAction ?? {}).map(([a, m]) => [a, compile(m)]));
    const modelByIndex = ctx.actions.map(
      (a) => byAction.get(a.id) ?? (a.group !== undefined ? byGroup.get(a.group) : undefined) ?? fallback,
    );
    const modelFor = (c: Candidate) => modelByIndex[catalogIndex(c.action)];
    const field = config.field;

    // Traced decisions only: what moved each candidate's score, worked out once per candidate.
    const explained = new WeakMap<Candidate, ScoreExplanation | null>();
    const explanationOf = (c: Candidate, state: DecisionState, lists: NodeLists): ScoreExplanation | null => {
      const known = explained.get(c);
      if (known !== undefined) return known;
      const index = modelFor(c);
      const score = c.fields[field];
      // The model saw the candidate as it came in (output i is input i), before its field was set;
      // a candidate that went out unchanged got no score from this step.
      const before = lists.inputs[lists.output.indexOf(c)];
      let result: ScoreExplanation | null = null;
      if (index !== undefined && score !== undefined && before !== undefined && before !== c) {
        const model = models[index]!;
        if (model.explain === undefined) model.explain = explainModel(model.spec) ?? null;
        if (model.explain) {
          const facts = { ...state.facts, action: before.action, fields: before.fields };
          result = explainScore(field, score, model.explain(facts), ctx.labels);
        }
      }
      explained.set(c, result);
      return result;
    };

    return {
      run([input = []], state) {
        const f = state.facts;
        // Per model: its score (customer-only models) or its per-decision state (staged ones).
        const memo: unknown[] = new Array(models.length).fill(UNSET);
        const out: Candidate[] = new Array(input.length);
        for (let i = 0; i < input.length; i++) {
          const c = input[i]!;
          const index = modelFor(c);
          let score: number | undefined;
          if (index !== undefined) {
            const model = models[index]!;
            f.action = c.action;
            f.fields = c.fields;
            const known = memo[index];
            if (model.staged) {
              const state = known === UNSET ? (memo[index] = model.staged.perDecision(f)) : known;
              score = model.staged.perCandidate(state, f);
            } else if (model.perCandidate) score = model.score(f);
            else score = (known === UNSET ? (memo[index] = model.score(f)) : known) as number | undefined;
          }
          out[i] = score === undefined ? c : withField(c, field, score);
        }
        return { handle: 'out', candidates: out };
      },
      explainKept(c, state, lists) {
        if (modelFor(c) === undefined)
          return { note: `no model applies to ${c.action.id}; ${field} not set` };
        if (c.fields[field] === undefined) return { note: `the model gave no ${field} (missing inputs)` };
        const explanation = explanationOf(c, state, lists);
        return explanation ? { ...explanation } : undefined;
      },
      explainOutput(state, lists) {
        // Candidates scored alike (a model of the customer alone) share one line.
        const byText = new Map<string, string[]>();
        for (const c of lists.output) {
          const explanation = explanationOf(c, state, lists);
          if (!explanation) continue;
          const ids = byText.get(explanation.explanation);
          if (ids) ids.push(c.action.id);
          else byText.set(explanation.explanation, [c.action.id]);
        }
        if (byText.size === 1 && [...byText.values()][0]!.length === lists.output.length) {
          return [...byText.keys()];
        }
        return [...byText].map(([text, ids]) => `${ids.join(', ')}: ${text}`);
      },
    };
  },
  summarize(config) {
    const parts = config.model ? [summarizeModel(config.model)] : [];
    const scoped = scopedCount(config);
    if (scoped) parts.push(plural(scoped, 'specific model'));
    const text = parts.join(' + ') || 'no model';
    if (config.field === 'propensity') return text;
    return text.startsWith('= ') ? `${config.field} ${text}` : `${config.field} = ${text}`;
  },
});
