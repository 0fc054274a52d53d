import { z } from 'zod';
import { operatorWords, formatValue } from '../conditions/describe-condition';
import { resolveOperator } from '../conditions/operators';
import { comparedValues, comparisonTypeProblems, disallowedValueMessage } from '../catalog/field-types';
import type { FieldDefinition } from '../catalog/fields';
import { joinField, problem, type ValidationProblem } from '../validation/problem';
import { checkReference, referencedField, referenceGetter, referenceRoots } from './input-reference';
import type { ModelKind } from './model-kind';

/** A cell tests one input with a json-rules-engine operator; null matches anything ("-"). */
const cellSchema = z.union([z.null(), z.object({ operator: z.string(), value: z.unknown() })]);

export const decisionTableParamsSchema = z.object({
  type: z.literal('decisionTable'),
  /** DMN-like hit policies: first matching row, or the max / sum over all matching rows. */
  hitPolicy: z.enum(['first', 'collectMax', 'collectSum']),
  inputs: z.array(z.string()).min(1).max(50),
  rules: z
    .array(z.object({ when: z.array(cellSchema), output: z.number().finite(), note: z.string().optional() }))
    .max(5000),
  /** Output when no row matches; without it the field stays unset. */
  defaultOutput: z.number().finite().optional(),
});
export type DecisionTableParams = z.infer<typeof decisionTableParamsSchema>;

export const decisionTableModel: ModelKind<DecisionTableParams> = {
  type: 'decisionTable',
  schema: decisionTableParamsSchema,
  check(params, ctx, field) {
    const problems = params.inputs.flatMap((input, i) =>
      checkReference(input, ctx, joinField(joinField(field, 'inputs'), i)),
    );
    const defs = params.inputs.map((input) => referencedField(input, ctx));
    params.rules.forEach((rule, r) => {
      const at = joinField(joinField(field, 'rules'), r);
      if (rule.when.length !== params.inputs.length) {
        problems.push(
          problem(
            'invalid_config',
            `row ${r + 1} has ${rule.when.length} cell${rule.when.length === 1 ? '' : 's'} but the table has ${params.inputs.length} inputs; give it one cell per input (null for "any")`,
            {
              nodeId: ctx.nodeId,
              field: joinField(at, 'when'),
            },
          ),
        );
      }
      rule.when.forEach((cell, c) => {
        const cellField = joinField(joinField(at, 'when'), c);
        if (cell && !resolveOperator(cell.operator)) {
          problems.push(
            problem('invalid_config', `unknown operator "${cell.operator}"`, {
              nodeId: ctx.nodeId,
              field: joinField(cellField, 'operator'),
            }),
          );
        } else if (cell && defs[c]) {
          problems.push(...cellTypeProblems(defs[c], cell, ctx.nodeId, cellField));
        }
      });
    });
    return problems;
  },
  compile(params) {
    const getters = params.inputs.map((input) => referenceGetter(input));
    const rows = params.rules.map((rule) => ({
      output: rule.output,
      cells: rule.when.flatMap((cell, i) => {
        if (!cell) return [];
        const evaluate = resolveOperator(cell.operator)!.evaluate;
        const get = getters[i]!;
        const value = cell.value;
        return [
          (f: Parameters<typeof get>[0]) => {
            try {
              return evaluate(get(f), value);
            } catch {
              return false; // a type mismatch that json-rules-engine would throw on simply does not match
            }
          },
        ];
      }),
    }));
    const { hitPolicy, defaultOutput } = params;
    return (f) => {
      let result: number | undefined;
      for (const row of rows) {
        if (!row.cells.every((cell) => cell(f))) continue;
        if (hitPolicy === 'first') return row.output;
        result =
          result === undefined
            ? row.output
            : hitPolicy === 'collectMax'
              ? Math.max(result, row.output)
              : result + row.output;
      }
      return result ?? defaultOutput;
    };
  },
  reads: (params) => referenceRoots(params.inputs),
  summarize: (params) =>
    `decision table: ${params.rules.length} row${params.rules.length === 1 ? '' : 's'}, ${hitPolicyWords[params.hitPolicy]}`,
};

const hitPolicyWords = { first: 'first match', collectMax: 'highest match', collectSum: 'sum of matches' };

/** "age ≥ 18" for a cell, used by the studio and the diff. */
export function describeCell(input: string, cell: { operator: string; value: unknown } | null): string {
  return cell ? `${input} ${operatorWords(cell.operator)} ${formatValue(cell.value)}` : `${input} any`;
}

/** A cell compares its input like a condition does: the value must fit the declared field. */
function cellTypeProblems(
  def: FieldDefinition,
  cell: { operator: string; value: unknown },
  nodeId: string,
  at: string,
): ValidationProblem[] {
  const typeProblems = comparisonTypeProblems(def, cell.operator, cell.value);
  const problems = typeProblems.map((p) =>
    problem('type_mismatch', p.message, {
      nodeId,
      field:
        p.on === 'operator'
          ? joinField(at, 'operator')
          : p.index !== undefined
            ? joinField(joinField(at, 'value'), p.index)
            : joinField(at, 'value'),
    }),
  );
  if (typeProblems.length) return problems;
  for (const value of comparedValues(def, cell.operator, cell.value)) {
    const message = disallowedValueMessage(def, value);
    if (message) problems.push(problem('unknown_value', message, { nodeId, field: joinField(at, 'value') }));
  }
  return problems;
}
