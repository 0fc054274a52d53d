import { validateDecisionInput } from './validate-decision-input';
import type { DataSchema } from '../catalog/fields';

const schema: DataSchema = {
  customer: [
    { name: 'age', type: 'number' },
    { name: 'segment', type: 'string', allowedValues: ['gold', 'silver'] },
    { name: 'consent', type: 'boolean' },
    { name: 'birthDate', type: 'date' },
    { name: 'tags', type: 'list' },
  ],
  context: [{ name: 'channel', type: 'string', allowedValues: ['app', 'web'] }],
};

describe('validateDecisionInput', () => {
  it('accepts a well-formed request, and fields that are absent or undeclared', () => {
    expect(
      validateDecisionInput(
        {
          customer: { id: 'c1', age: 30, segment: 'gold', extra: 'kept' },
          context: { channel: 'app', now: '2026-11-23T10:00:00Z' },
          history: [{ actionId: 'a', outcome: 'declined', at: '2026-11-01' }],
        },
        schema,
      ),
    ).toEqual([]);
  });

  it('reports every wrong field at once, named as the caller wrote it', () => {
    const problems = validateDecisionInput(
      {
        customer: { age: '30', segment: 'platinum', consent: 'yes', birthDate: 'last spring', tags: 'vip' },
        context: { channel: 'fax', now: 'tomorrow' },
        history: [{ actionId: '', outcome: 'liked', at: 'never' }, 'x'],
      },
      schema,
    );
    expect(problems.map((p) => p.field)).toEqual([
      'customer.age',
      'customer.segment',
      'customer.consent',
      'customer.birthDate',
      'customer.tags',
      'context.channel',
      'context.now',
      'history[0].actionId',
      'history[0].outcome',
      'history[0].at',
      'history[1]',
    ]);
    expect(problems[0]!.message).toBe('must be a number, got "30"');
    expect(problems[1]!.message).toBe('"platinum" is not one of the allowed values: "gold", "silver"');
  });

  it('refuses a context.now no store of decisions can keep (outside the years 1–9999)', () => {
    for (const now of ['+275760-09-13T00:00:00Z', '-004714-01-01T00:00:00Z', '+010000-01-01T00:00:00Z'])
      expect(validateDecisionInput({ customer: {}, context: { now } })).toEqual([
        {
          field: 'context.now',
          message: 'must be an ISO 8601 date-time between the years 1 and 9999, e.g. 2026-11-23T10:00:00Z',
        },
      ]);
    expect(validateDecisionInput({ customer: {}, context: { now: '9999-12-31T23:59:59Z' } })).toEqual([]);
    expect(validateDecisionInput({ customer: {}, context: { now: '0001-01-01T00:00:00Z' } })).toEqual([]);
  });

  it('refuses a request without a customer object', () => {
    expect(validateDecisionInput({ context: {} })).toEqual([
      { field: 'customer', message: "must be an object with the customer's fields" },
    ]);
    expect(validateDecisionInput(null)[0]!.field).toBe('');
  });
});
