import { z } from 'zod';
import { toNumber } from '../runtime/candidate';
import { checkExpression, compileExpression, expressionReads, parseExpression } from '../expressions';
import { problem } from '../validation/problem';
import { knownFieldsFor } from './input-reference';
import type { ModelKind } from './model-kind';

export const expressionParamsSchema = z.object({
  type: z.literal('expression'),
  /** Safe arithmetic, e.g. `min(customer.age, 60) * 0.01 + coalesce(fields.propensity, 0.1)`. */
  expression: z.string().min(1).max(2000),
});
export type ExpressionParams = z.infer<typeof expressionParamsSchema>;

export const expressionModel: ModelKind<ExpressionParams> = {
  type: 'expression',
  schema: expressionParamsSchema,
  check(params, ctx, field) {
    const knownFields = knownFieldsFor(ctx);
    return checkExpression(params.expression, {
      roots: ['customer', 'context', 'action', 'fields'],
      knownFields,
    }).map((issue) =>
      problem('invalid_expression', `${issue.message} (at character ${issue.position + 1})`, {
        nodeId: ctx.nodeId,
        field: `${field}.expression`,
      }),
    );
  },
  compile(params) {
    const parsed = parseExpression(params.expression);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const evaluate = compileExpression(parsed.ast);
    return (f) => toNumber(evaluate(f));
  },
  reads(params) {
    const parsed = parseExpression(params.expression);
    return parsed.ok
      ? [...new Set(expressionReads(parsed.ast).map((r) => r.root))]
      : ['customer', 'context', 'action', 'fields'];
  },
  summarize: (params) =>
    `= ${params.expression.length > 48 ? `${params.expression.slice(0, 47)}…` : params.expression}`,
};
