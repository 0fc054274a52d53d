import { sampleFromSchema } from './sample-customer';

describe('sampleFromSchema', () => {
  it('gives every declared field a plausible value', () => {
    const input = sampleFromSchema({
      customer: [
        { name: 'age', type: 'number' },
        { name: 'segment', type: 'string', allowedValues: ['gold', 'silver'] },
        { name: 'hasCard', type: 'boolean' },
      ],
      context: [{ name: 'channel', type: 'string', allowedValues: ['web'] }],
    });
    expect(input).toEqual({
      customer: { id: 'test-customer-1', age: 35, segment: 'gold', hasCard: false },
      context: { channel: 'web' },
    });
  });
});
