import { z } from 'zod';
import { toNumber } from '../expressions/values';
import { fieldIs, fitsType, suggestedValue } from '../catalog/field-types';
import type { FieldDefinition } from '../catalog/fields';
import {
  checkExpression,
  compileExpression,
  expressionReads,
  parseExpression,
  type ExpressionNode,
  type MemberNode,
} from '../expressions';
import { problem } from '../validation/problem';
import { knownFieldsFor, referencedField } from './input-reference';
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
    const at = { nodeId: ctx.nodeId, field: `${field}.expression` };
    const issues = checkExpression(params.expression, {
      roots: ['customer', 'context', 'action', 'fields'],
      knownFields,
    });
    if (issues.length) {
      return issues.map((issue) =>
        problem('invalid_expression', `${issue.message} (at character ${issue.position + 1})`, at),
      );
    }
    const parsed = parseExpression(params.expression);
    if (!parsed.ok) return [];
    return typeMistakes(parsed.ast, (member) =>
      referencedField(`${member.root}.${member.path.join('.')}`, ctx),
    ).map((mistake) =>
      problem('type_mismatch', `${mistake.message} (at character ${mistake.position + 1})`, at),
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

const NUMERIC_OPERATORS = new Set(['^', '*', '/', '%', '+', '-', '<', '<=', '>', '>=']);

/**
 * Declared fields used where the expression needs a number (arithmetic, ordering, numeric functions:
 * the value would read as missing) or compared (`==`, `!=`) with a literal of another type.
 */
function typeMistakes(
  ast: ExpressionNode,
  fieldOf: (member: MemberNode) => FieldDefinition | undefined,
): { message: string; position: number }[] {
  const mistakes: { message: string; position: number }[] = [];
  const numeric = (node: ExpressionNode) => {
    const def = node.kind === 'member' ? fieldOf(node) : undefined;
    if (def && def.type !== 'number') {
      const name = `${(node as MemberNode).root}.${def.name}`;
      const instead =
        def.type === 'boolean'
          ? `test it instead, e.g. (${name} ? 1 : 0)`
          : def.type === 'string'
            ? `compare it instead, e.g. (${name} == ${JSON.stringify(String(def.allowedValues?.[0] ?? 'some value'))} ? 1 : 0)`
            : 'use a number field instead';
      mistakes.push({
        position: node.position,
        message: `${fieldIs(def)}: arithmetic needs a number, so this would always be missing; ${instead}`,
      });
    }
  };
  const compared = (member: ExpressionNode, literal: ExpressionNode) => {
    if (member.kind !== 'member' || !['number', 'string', 'boolean'].includes(literal.kind)) return;
    const def = fieldOf(member);
    const value = (literal as { value: unknown }).value;
    if (def && def.type !== 'list' && !fitsType(def.type, value)) {
      mistakes.push({
        position: literal.position,
        message: `${fieldIs(def)}: compare with ${suggestedValue(def.type, value)}, not ${JSON.stringify(value)}`,
      });
    }
  };
  const visit = (node: ExpressionNode): void => {
    switch (node.kind) {
      case 'unary':
        if (node.op !== 'not') numeric(node.operand);
        visit(node.operand);
        return;
      case 'binary':
        if (NUMERIC_OPERATORS.has(node.op)) {
          numeric(node.left);
          numeric(node.right);
        } else if (node.op === '==' || node.op === '!=') {
          compared(node.left, node.right);
          compared(node.right, node.left);
        }
        visit(node.left);
        visit(node.right);
        return;
      case 'conditional':
        [node.test, node.consequent, node.alternate].forEach(visit);
        return;
      case 'call':
        // coalesce passes its arguments through; every other function computes with numbers.
        if (node.name !== 'coalesce') node.args.forEach(numeric);
        node.args.forEach(visit);
        return;
      default:
        return;
    }
  };
  numeric(ast); // the score itself must be a number
  visit(ast);
  return mistakes;
}
