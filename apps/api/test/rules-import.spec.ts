import { errorCode, ok, Role, useTestApp, useUser } from './support/test-app';
import { createActions } from './support/fixtures';

const IMPORT = `mutation($n: String!, $r: JSON!) {
  importJsonRulesEngineRules(name: $n, rules: $r) {
    strategy { id name versions { id number status document } }
    versionId imported total createdActions matchedActions
    report { rule name field message carriedOver }
  }
}`;

const RULES = [
  {
    name: 'Gold card',
    priority: 2,
    conditions: { all: [{ fact: 'age', operator: 'greaterThanInclusive', value: 18, customId: 'adult' }] },
    event: { type: 'gold-card', params: { message: 'Offer the gold card' } },
  },
  {
    name: 'Loan for members',
    conditions: { any: [{ fact: 'account', path: '$.tier', operator: 'in', value: ['gold', 'platinum'] }] },
    event: { type: 'loan' },
  },
  {
    name: 'Dynamic',
    conditions: { all: [{ fact: 'score', params: { model: 'x' }, operator: 'equal', value: 1 }] },
    event: { type: 'never' },
  },
];

describe('importing json-rules-engine rules (importJsonRulesEngineRules)', () => {
  const t = useTestApp();
  const designer = useUser(t, [Role.designer]);
  const analyst = useUser(t, [Role.analyst]);

  beforeAll(async () => {
    await createActions(t, designer.token, [{ id: 'loan', name: 'Personal loan', value: 300 }]);
  });

  it('makes a draft strategy and the missing actions, matches existing ones by id, and reports what was left out', async () => {
    const res = ok(
      await t.gql(IMPORT, { n: 'From rules', r: { rules: RULES } }, designer.token),
    ).importJsonRulesEngineRules;
    expect(res).toMatchObject({
      imported: 2,
      total: 3,
      createdActions: ['gold-card'],
      matchedActions: ['loan'],
    });
    expect(res.report).toEqual([
      {
        rule: 2,
        name: 'Dynamic',
        field: 'conditions.all[0].params',
        message: expect.stringContaining('dynamic facts'),
        carriedOver: false,
      },
    ]);
    expect(res.strategy.name).toBe('From rules');
    expect(res.strategy.versions).toEqual([
      expect.objectContaining({ id: res.versionId, number: 1, status: 'DRAFT' }),
    ]);
    const filter = res.strategy.versions[0].document.nodes.find((n: { type: string }) => n.type === 'filter');
    expect(filter.config.byAction['gold-card']).toEqual({
      all: [
        { fact: 'customer', path: '$.age', operator: 'greaterThanInclusive', value: 18, customId: 'adult' },
      ],
    });
    // The new action is in the catalog with the rule's name and params; the existing one is unchanged.
    const catalog = ok(
      await t.gql(`{ actions { edges { node { id name value attributes } } } }`, {}, designer.token),
    ).actions.edges.map((e: { node: unknown }) => e.node);
    expect(catalog).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: 'gold-card',
          name: 'Gold card',
          attributes: { message: 'Offer the gold card' },
        }),
        expect.objectContaining({ id: 'loan', name: 'Personal loan', value: 300 }),
      ]),
    );
    // The draft decides: an adult gets the gold card (priority 2) before the loan.
    const tried = ok(
      await t.gql(
        `query($i: TestDecisionInput!) { testDecision(input: $i) { recommendations } }`,
        { i: { versionId: res.versionId, input: { customer: { age: 30, account: { tier: 'gold' } } } } },
        designer.token,
      ),
    );
    expect(tried.testDecision.recommendations.map((r: { actionId: string }) => r.actionId)).toEqual([
      'gold-card',
      'loan',
    ]);
  });

  it('refuses a file that is not a rules file, naming the field, and writes nothing', async () => {
    const before = (await t.sql.query(`SELECT count(*)::int AS n FROM strategies`)).rows[0].n;
    for (const rules of [{ rule: [] }, [], 'text', 5]) {
      const res = await t.gql(IMPORT, { n: 'Bad file', r: rules }, designer.token);
      expect(errorCode(res)).toBe('VALIDATION_FAILED');
      expect(res.errors![0]!.extensions!.details![0]).toMatchObject({ field: 'rules' });
    }
    const none = await t.gql(IMPORT, { n: 'Nothing to import', r: [RULES[2]] }, designer.token);
    expect(errorCode(none)).toBe('VALIDATION_FAILED');
    expect(none.errors![0]!.message).toContain('None of the 1 rules can be carried over');
    expect(none.errors![0]!.extensions!.details).toEqual([
      { field: 'rules[0].conditions.all[0].params', message: expect.stringContaining('dynamic facts') },
    ]);
    const huge = await t.gql(
      IMPORT,
      {
        n: 'Huge params',
        r: [{ conditions: { all: [] }, event: { type: 'huge', params: { text: 'x'.repeat(21_000) } } }],
      },
      designer.token,
    );
    expect(errorCode(huge)).toBe('VALIDATION_FAILED');
    expect(huge.errors![0]!.extensions!.details).toEqual([
      {
        field: 'rules',
        message: expect.stringContaining(
          'action "huge" (from its rule\'s event), attributes: must be at most 20000 characters',
        ),
      },
    ]);
    expect((await t.sql.query(`SELECT count(*)::int AS n FROM strategies`)).rows[0].n).toBe(before);
    expect((await t.sql.query(`SELECT count(*)::int AS n FROM actions WHERE id = 'huge'`)).rows[0].n).toBe(0);
  });

  it('is all or nothing: a taken strategy name adds no action either', async () => {
    ok(await t.gql(`mutation { createStrategy(input: { name: "Taken" }) { id } }`, {}, designer.token));
    const res = await t.gql(
      IMPORT,
      { n: 'Taken', r: [{ conditions: { all: [] }, event: { type: 'brand-new' } }] },
      designer.token,
    );
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0]!.extensions!['field']).toBe('name');
    expect(
      (await t.sql.query(`SELECT count(*)::int AS n FROM actions WHERE id = 'brand-new'`)).rows[0].n,
    ).toBe(0);
  });

  it('is for designers only', async () => {
    expect(errorCode(await t.gql(IMPORT, { n: 'No', r: RULES }, analyst.token))).toBe('FORBIDDEN');
  });
});
