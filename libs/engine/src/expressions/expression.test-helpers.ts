import type { ExpressionNode } from './ast';
import { compileExpression, type ExpressionEnv } from './compile-expression';
import { parseExpression } from './parse-expression';

export const ENV: ExpressionEnv = {
  customer: { age: 42, segment: 'gold', income: ' 3.5', name: 'Ada', vip: true, address: { city: 'Lyon' } },
  context: { channel: 'web', hour: '14' },
  action: { value: 50, label: 'Card' },
  fields: { propensity: 0.3, priority: 2, zero: 0, empty: '', nan: NaN, nothing: null },
};

/** The expression the studio shows as an example, as the parser and compiler tests read it. */
export const STUDIO_EXAMPLE =
  'min(customer.age, 60) * 0.01 + (customer.segment == "gold" ? 0.2 : 0) + ' +
  'coalesce(fields.propensity, 0.1) * action.value / 100';

export function parse(text: string): ExpressionNode {
  const result = parseExpression(text);
  if (!result.ok) throw new Error(`"${text}" did not parse: ${result.error.message}`);
  return result.ast;
}

export function parseError(text: string): { message: string; position: number } {
  const result = parseExpression(text);
  if (result.ok) throw new Error(`"${text}" parsed, but an error was expected`);
  return result.error;
}

export function evaluate(text: string, env: ExpressionEnv = ENV): unknown {
  return compileExpression(parse(text))(env);
}
