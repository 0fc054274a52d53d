import { createApiKey, publishStrategy, rest, type Published } from './support/decision-api';
import { Scenario } from './support/scenario';
import { ok, Role, useTestApp } from './support/test-app';
import { defineCustomerFields, createActions } from './support/fixtures';

/** Cards only (a shared catalog also holds another team's loans): adults of the gold segment, gold card from 25. */
const CARDS_DOC = {
  schemaVersion: 1,
  nodes: [
    { id: 'cards', type: 'actions', config: { groups: ['cards'] } },
    {
      id: 'eligible',
      type: 'filter',
      config: {
        condition: {
          all: [
            { fact: 'customer', path: '$.age', operator: 'greaterThanInclusive', value: 18 },
            { fact: 'customer', path: '$.segment', operator: 'in', value: ['gold'] },
          ],
        },
        byAction: {
          'gold-card': {
            all: [{ fact: 'customer', path: '$.age', operator: 'greaterThanInclusive', value: 25 }],
          },
        },
      },
    },
    { id: 'output', type: 'output', config: {} },
  ],
  edges: [
    { source: 'cards', target: 'eligible' },
    { source: 'eligible', target: 'output' },
  ],
};

const LOANS_DOC = {
  schemaVersion: 1,
  nodes: [
    { id: 'loans', type: 'actions', config: { groups: ['loans'] } },
    { id: 'output', type: 'output', config: {} },
  ],
  edges: [{ source: 'loans', target: 'output' }],
};

describe('decision explanations (POST /api/v1/decisions with explain: true)', () => {
  const t = useTestApp();
  let cards: Published;
  let key: string;

  beforeAll(async () => {
    const s = await new Scenario(t).init();
    const admin = await t.user([Role.admin]);
    const actions = [
      { id: 'gold-card', name: 'Gold card', group: 'cards', value: 30 },
      { id: 'silver-card', name: 'Silver card', group: 'cards', value: 20 },
      { id: 'home-loan', name: 'Home loan', group: 'loans', value: 500 },
      { id: 'car-loan', name: 'Car loan', group: 'loans', value: 200 },
    ];
    await createActions(t, s.designer.token, actions);
    await defineCustomerFields(t, s.designer.token, [
      { name: 'age', type: 'number' },
      { name: 'segment', type: 'string', allowedValues: ['gold', 'silver'] },
    ]);
    await publishStrategy(t, s, LOANS_DOC, 'Loans');
    cards = await publishStrategy(t, s, CARDS_DOC, 'Cards');
    key = (await createApiKey(t, admin.token)).secret;
  });

  const explain = async (customer: Record<string, unknown>): Promise<string[]> => {
    const res = await rest(t, key)
      .post('/api/v1/decisions', { strategy: cards.strategyId, customer, explain: true })
      .expect(200);
    return res.body.explanation as string[];
  };

  it("lists only the strategy's own actions, not the other strategies' actions of the shared catalog", async () => {
    const lines = await explain({ id: 'c-1', age: 40, segment: 'gold' });
    expect(lines[0]).toBe('cards (actions): 2 in, 2 out.');
    expect(lines.join('\n')).not.toMatch(/loan/);
  });

  it('over a large catalog, lists the first drops, counts the rest by reason and tells the story of an action asked about', async () => {
    const s = await new Scenario(t).init();
    const many = Array.from({ length: 120 }, (_, i) => `bulk-${i}`);
    await createActions(
      t,
      s.designer.token,
      many.map((id) => ({ id, name: `Bulk ${id}`, group: 'bulk' })),
    );
    const byAction = Object.fromEntries(
      many.map((id, i) => [
        id,
        { all: [{ fact: 'customer', path: '$.age', operator: 'greaterThanInclusive', value: 20 + i }] },
      ]),
    );
    const bulk = await publishStrategy(
      t,
      s,
      {
        schemaVersion: 1,
        nodes: [
          { id: 'bulk', type: 'actions', config: { groups: ['bulk'] } },
          { id: 'eligible', type: 'filter', config: { byAction } },
          { id: 'output', type: 'output', config: {} },
        ],
        edges: [
          { source: 'bulk', target: 'eligible' },
          { source: 'eligible', target: 'output' },
        ],
      },
      'Bulk',
    );
    const body = { strategy: bulk.strategyId, customer: { id: 'c-3', age: 30 }, explain: true };
    const plain = (await rest(t, key).post('/api/v1/decisions', body).expect(200)).body
      .explanation as string[];
    expect(plain).toContain('eligible (filter): 120 in, 11 out.');
    expect(plain.filter((l) => l.startsWith('  dropped '))).toHaveLength(20);
    expect(plain).toContain('  … and 89 more dropped, not listed.');
    expect(plain).toContain('  109 dropped: action rule fails on age');
    expect(plain.join('\n')).not.toContain('bulk-119');
    const asked = (
      await rest(t, key)
        .post('/api/v1/decisions', { ...body, explainActions: ['bulk-119'] })
        .expect(200)
    ).body.explanation as string[];
    expect(asked).toContain('  dropped bulk-119: rule for Bulk bulk-119: age 30 is not ≥ 139');
    const viaGraphql = ok(
      await t.gql(
        `query($s: ID!, $i: JSON!, $a: [String!]) { decide(strategyId: $s, input: $i, explain: true, explainActions: $a) { explanation } }`,
        { s: bulk.strategyId, i: { customer: { id: 'c-3', age: 30 } }, a: ['bulk-119'] },
        s.designer.token,
      ),
    );
    expect(viaGraphql.decide.explanation).toContain(
      '  dropped bulk-119: rule for Bulk bulk-119: age 30 is not ≥ 139',
    );
    const bad = await rest(t, key)
      .post('/api/v1/decisions', { ...body, explainActions: [''] })
      .expect(400);
    expect(bad.body.error.details).toEqual([{ field: 'explainActions[0]', message: 'must not be empty' }]);
  });

  it('names every rule that fails for a candidate, not only the first', async () => {
    const lines = await explain({ id: 'c-2', age: 16, segment: 'silver' });
    expect(lines).toEqual([
      'cards (actions): 2 in, 2 out.',
      'eligible (filter): 2 in, 0 out.',
      '  dropped gold-card: age 16 is not ≥ 18 and segment "silver" is not one of "gold"; rule for Gold card: age 16 is not ≥ 25',
      '  dropped silver-card: age 16 is not ≥ 18 and segment "silver" is not one of "gold"',
      'output (output): 0 in, 0 out.',
    ]);
  });
});
