import { z } from 'zod';
import { catalogIndex } from '../../catalog/action';
import { withField } from '../../runtime/candidate';
import type { Candidate } from '../../runtime/types';
import {
  checkModel,
  compileModel,
  modelIsPerCandidate,
  modelSpecSchema,
  resolveModel,
  summarizeModel,
  type ModelSpec,
} from '../../models/model-spec';
import type { ScoreFunction } from '../../models/model-kind';
import { joinField, problem } from '../../validation/problem';
import { defineNode } from '../node-spec';
import { checkScopeKeys, fieldNameSchema, plural } from '../shared';

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
    'Sets a number such as the propensity from a model: logistic, scorecard, decision table or expression.',
  inputs: 'one',
  configSchema,
  defaultConfig: () => ({ field: 'propensity', model: { type: 'logistic', intercept: 0, terms: [] } }),
  outputHandles: () => ['out'],
  setsFields: (config) => [config.field],
  check(config, ctx) {
    const mctx = { nodeId: ctx.nodeId, env: ctx.env, actionFields: ctx.actionFields };
    const problems = [];
    if (
      !config.model &&
      !Object.keys(config.byGroup ?? {}).length &&
      !Object.keys(config.byAction ?? {}).length
    ) {
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
    const models: { score: ScoreFunction; perCandidate: boolean }[] = [];
    const compile = (spec: ModelSpec): number => {
      const resolved = resolveModel(spec, ctx.models);
      if (!resolved) throw new Error(`model ${JSON.stringify(spec)} cannot be resolved`);
      models.push({ score: compileModel(resolved), perCandidate: modelIsPerCandidate(resolved) });
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
    return {
      run([input = []], state) {
        const f = state.facts;
        const memo: (number | undefined | typeof UNSET)[] = new Array(models.length).fill(UNSET);
        const out: Candidate[] = new Array(input.length);
        for (let i = 0; i < input.length; i++) {
          const c = input[i]!;
          const index = modelFor(c);
          let score: number | undefined;
          if (index !== undefined) {
            const model = models[index]!;
            f.action = c.action;
            f.fields = c.fields;
            if (model.perCandidate) score = model.score(f);
            else {
              const known = memo[index];
              score = known === UNSET ? (memo[index] = model.score(f)) : known;
            }
          }
          out[i] = score === undefined ? c : withField(c, field, score);
        }
        return { handle: 'out', candidates: out };
      },
      explainKept(c) {
        if (modelFor(c) === undefined)
          return { note: `no model applies to ${c.action.id}; ${field} not set` };
        if (c.fields[field] === undefined) return { note: `the model gave no ${field} (missing inputs)` };
        return undefined;
      },
    };
  },
  summarize(config) {
    const parts = config.model ? [summarizeModel(config.model)] : [];
    const scoped = Object.keys(config.byGroup ?? {}).length + Object.keys(config.byAction ?? {}).length;
    if (scoped) parts.push(plural(scoped, 'specific model'));
    const text = parts.join(' + ') || 'no model';
    if (config.field === 'propensity') return text;
    return text.startsWith('= ') ? `${config.field} ${text}` : `${config.field} = ${text}`;
  },
});
