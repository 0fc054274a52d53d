import { environmentChanges } from './environment-changes';
import type { EditorEnvironment } from './editor-context';

const env = (over: Partial<EditorEnvironment> = {}): EditorEnvironment => ({
  actions: [
    { id: 'gold', name: 'Gold card' },
    { id: 'loan', name: 'Car loan' },
  ],
  schema: { customer: [{ name: 'age', type: 'number' }], context: [] },
  ...over,
});

describe('environmentChanges: what the catalog and schema gained or lost since the editor opened', () => {
  it('says nothing when nothing changed', () => {
    expect(environmentChanges(env(), env())).toBeUndefined();
  });

  it('names added, removed and changed actions and fields', () => {
    const after = env({
      actions: [
        { id: 'gold', name: 'Gold card', value: 40 },
        { id: 'travel', name: 'Travel insurance' },
      ],
      schema: {
        customer: [
          { name: 'age', type: 'number' },
          { name: 'tenure', type: 'number' },
        ],
        context: [],
      },
    });
    expect(environmentChanges(env(), after)).toBe(
      'action Travel insurance added; action Car loan removed; action Gold card changed; field customer.tenure added.',
    );
  });

  it('counts many at once and lists the first three', () => {
    const many = Array.from({ length: 5 }, (_, i) => ({ id: `a${i}`, name: `Offer ${i}` }));
    expect(environmentChanges(env({ actions: [] }), env({ actions: many }))).toBe(
      '5 actions added (Offer 0, Offer 1, Offer 2 and 2 more).',
    );
  });
});
