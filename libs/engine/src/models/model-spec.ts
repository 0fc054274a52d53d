import { z } from 'zod';
import { joinField, problem, type ValidationProblem } from '../validation/problem';
import { decisionTableModel, decisionTableParamsSchema } from './decision-table-model';
import { expressionModel, expressionParamsSchema } from './expression-model';
import { logisticModel, logisticParamsSchema } from './logistic-model';
import type { ModelCheckContext, ModelKind, ScoreFunction } from './model-kind';
import { scorecardModel, scorecardParamsSchema } from './scorecard-model';

/** A model from the model registry (e.g. one trained from outcomes), referenced by id. */
export const registryModelSchema = z.object({ type: z.literal('registry'), modelId: z.string().min(1) });

export const inlineModelSchema = z.discriminatedUnion('type', [
  logisticParamsSchema,
  scorecardParamsSchema,
  decisionTableParamsSchema,
  expressionParamsSchema,
]);
export const modelSpecSchema = z.discriminatedUnion('type', [
  logisticParamsSchema,
  scorecardParamsSchema,
  decisionTableParamsSchema,
  expressionParamsSchema,
  registryModelSchema,
]);
export type InlineModelSpec = z.infer<typeof inlineModelSchema>;
export type ModelSpec = z.infer<typeof modelSpecSchema>;

const KINDS: { [K in InlineModelSpec['type']]: ModelKind<Extract<InlineModelSpec, { type: K }>> } = {
  logistic: logisticModel,
  scorecard: scorecardModel,
  decisionTable: decisionTableModel,
  expression: expressionModel,
};

function kindOf(spec: InlineModelSpec): ModelKind<InlineModelSpec> {
  return KINDS[spec.type] as ModelKind<InlineModelSpec>;
}

/** Follows a registry reference to the model it names; undefined if the registry lacks it. */
export function resolveModel(
  spec: ModelSpec,
  models: Readonly<Record<string, ModelSpec>> | undefined,
): InlineModelSpec | undefined {
  if (spec.type !== 'registry') return spec;
  const found = models && Object.hasOwn(models, spec.modelId) ? models[spec.modelId] : undefined;
  return found && found.type !== 'registry' ? found : undefined;
}

export function checkModel(spec: ModelSpec, ctx: ModelCheckContext, field: string): ValidationProblem[] {
  if (spec.type === 'registry') {
    const resolved = resolveModel(spec, ctx.env.models);
    if (!resolved) {
      return [
        problem('unknown_model', `model "${spec.modelId}" does not exist in the model registry`, {
          nodeId: ctx.nodeId,
          field: joinField(field, 'modelId'),
        }),
      ];
    }
    return [];
  }
  return kindOf(spec).check?.(spec, ctx, field) ?? [];
}

export function compileModel(spec: InlineModelSpec): ScoreFunction {
  return kindOf(spec).compile(spec);
}

/** Whether a model's score depends on the candidate (action or fields) or only on the customer and context. */
export function modelIsPerCandidate(spec: InlineModelSpec): boolean {
  const reads = kindOf(spec).reads(spec);
  return reads.includes('action') || reads.includes('fields');
}

export function summarizeModel(spec: ModelSpec): string {
  if (spec.type === 'registry') return `model ${spec.modelId}`;
  return kindOf(spec).summarize(spec);
}
