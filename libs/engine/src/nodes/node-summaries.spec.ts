import { all, cmp } from '../test-support/engine.test-helpers';
import { nodeSpec } from './registry';

const summary = (type: string, config: unknown) => {
  const spec = nodeSpec(type)!;
  return spec.summarize(spec.configSchema.parse(config), {});
};

describe('step summaries on the canvas, in words', () => {
  it('sums up a long filter by its first conditions and a count', () => {
    const many = all(...Array.from({ length: 300 }, (_, i) => cmp('customer', `f${i}`, 'greaterThan', i)));
    expect(summary('filter', { condition: many })).toBe(
      'f0 > 0 and f1 > 1 and f2 > 2 and 297 more conditions',
    );
    expect(summary('filter', { condition: all(cmp('customer', 'age', 'greaterThanInclusive', 18)) })).toBe(
      'age ≥ 18',
    );
  });

  it('words the balance of relevance and value instead of a formula', () => {
    expect(summary('arbitrate', {})).toBe('relevance × value');
    expect(summary('arbitrate', { propensityWeight: 2, valueWeight: 1 })).toBe(
      'relevance counts 2×, value 1×',
    );
    expect(summary('arbitrate', { valueWeight: 0 })).toBe('by relevance only');
  });
});
