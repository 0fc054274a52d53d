import { fieldsRead } from './fields-read';

describe('fieldsRead', () => {
  it('finds the customer and context fields of conditions, expressions, model inputs and split ids', () => {
    const document = {
      nodes: [
        {
          type: 'filter',
          config: {
            condition: {
              all: [
                { fact: 'customer', path: '$.ageYears', operator: 'greaterThanInclusive', value: 18 },
                { fact: 'context', path: "$['store id']", operator: 'equal', value: 'x' },
                { fact: 'action', path: '$.group', operator: 'equal', value: 'cards' },
              ],
            },
          },
        },
        { type: 'score', config: { model: { type: 'expression', expression: '0.1 + customer.churnRisk' } } },
        { type: 'split', config: { idField: 'householdId' } },
      ],
    };
    expect(fieldsRead(document)).toEqual({
      customer: ['ageYears', 'churnRisk', 'householdId'],
      context: ['channel', 'now', 'store id'],
    });
  });

  it('reads models given beside the document, and an empty document reads only the moment and channel', () => {
    const model = { inputs: [{ expression: 'customer.tenureMonths * 2' }] };
    expect(fieldsRead([{ nodes: [] }, { m: model }]).customer).toEqual(['tenureMonths']);
    expect(fieldsRead({ nodes: [] })).toEqual({ customer: [], context: ['channel', 'now'] });
  });
});
