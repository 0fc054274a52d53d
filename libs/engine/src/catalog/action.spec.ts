import { toActionDefinition } from './action-definition';

describe('toActionDefinition', () => {
  it('leaves out the fields not set and empty lists, and gives dates as ISO text', () => {
    const row = {
      id: 'gold-card',
      name: 'Gold card',
      group: null,
      channel: 'web',
      value: 0,
      cost: null,
      validFrom: new Date('2026-01-01T00:00:00.000Z'),
      validTo: null,
      tags: [],
      attributes: {},
    };
    const definition = toActionDefinition(row);
    expect(definition).toEqual({
      id: 'gold-card',
      name: 'Gold card',
      channel: 'web',
      value: 0,
      validFrom: '2026-01-01T00:00:00.000Z',
    });
    // Left out, not set to undefined: the definition is hashed and written as JSON as it is.
    expect(Object.keys(definition)).toEqual(['id', 'name', 'channel', 'value', 'validFrom']);
  });

  it('keeps ISO text, tags and an object of attributes as they are', () => {
    expect(
      toActionDefinition({
        id: 'a',
        name: 'A',
        validTo: '2026-02-01T10:00:00.000Z',
        tags: ['cards'],
        attributes: { segment: 'gold' },
      }),
    ).toEqual({
      id: 'a',
      name: 'A',
      validTo: '2026-02-01T10:00:00.000Z',
      tags: ['cards'],
      attributes: { segment: 'gold' },
    });
    expect(toActionDefinition({ id: 'a', name: 'A', tags: [], attributes: [1] })).toEqual({
      id: 'a',
      name: 'A',
    });
  });
});
