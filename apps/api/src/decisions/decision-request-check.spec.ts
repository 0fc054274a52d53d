import { parseInput } from '../common/validation';
import { plainBatchRequest, plainDecisionRequest } from './decision-request-check';
import { batchRequestSchema, decisionRequestSchema, MAX_BATCH } from './decision.schemas';

const strategy = 'telco-retention';
const one = (extra: Record<string, unknown> = {}) => ({
  strategy,
  customer: { id: 'c1', age: 30 },
  ...extra,
});

/** What the schema makes of a body: its output, or the fields it refuses. */
function bySchema(schema: typeof decisionRequestSchema | typeof batchRequestSchema, body: unknown) {
  try {
    return { output: parseInput(schema, body) as unknown };
  } catch (error) {
    return { refused: (error as { extensions: { details: unknown } }).extensions.details };
  }
}

describe('the plain check of decision requests agrees with the schema', () => {
  const accepted: unknown[] = [
    one(),
    one({ context: { channel: 'web', now: '2026-01-01T00:00:00Z' }, limit: 3, explain: true }),
    { strategy, customer: { id: 42, plan: { tier: 'gold' } } },
  ];
  const leftToSchema: unknown[] = [
    one({ strategy: ' padded ' }),
    one({ customer: { id: ' c1' } }),
    one({ customer: { id: '' } }),
    one({ customer: {} }),
    one({ customer: [] }),
    one({ context: ['web'] }),
    one({ limit: 0 }),
    one({ limit: 1.5 }),
    one({ explain: 'yes' }),
    one({ explainActions: ['gold-card'] }),
    one({ unknown: 1 }),
    JSON.parse('{"strategy":"s","customer":{"id":"c1","__proto__":{"admin":true}}}'),
    [],
    'text',
    null,
  ];

  it.each(accepted)('accepts %j as the schema outputs it', (body) => {
    expect(plainDecisionRequest(body)).toBe(body);
    expect(bySchema(decisionRequestSchema, body)).toEqual({ output: body });
  });

  it.each(leftToSchema)('leaves %j to the schema', (body) => {
    expect(plainDecisionRequest(body)).toBeUndefined();
  });

  it('accepts a batch the schema keeps as it is, and leaves the rest to it', () => {
    const batch = { strategy, requests: [{ customer: { id: 'a' } }, { customer: { id: 'b' }, limit: 2 }] };
    expect(plainBatchRequest(batch)).toBe(batch);
    expect(bySchema(batchRequestSchema, batch)).toEqual({ output: batch });
    for (const body of [
      { strategy, requests: [] },
      {
        strategy,
        requests: Array.from({ length: MAX_BATCH + 1 }, (_, i) => ({ customer: { id: `c${i}` } })),
      },
      { strategy, requests: [{ customer: { id: 'a' }, explain: true }] },
      { strategy, requests: [{ customer: { id: 'a' } }], extra: 1 },
    ]) {
      expect(plainBatchRequest(body)).toBeUndefined();
      expect(bySchema(batchRequestSchema, body)).toHaveProperty('refused');
    }
  });
});
