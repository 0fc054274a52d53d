import request from 'supertest';
import { createApiKey, rest, type Published } from './support/decision-api';
import { uploadDataset } from './support/datasets';
import { Scenario } from './support/scenario';
import { ok, Role, useTestApp, useUser } from './support/test-app';
import { eligibilityDoc, PROFILE_FIELDS } from './support/fixtures';
import { GOLD_WITH_BALANCE, publishProfileStrategy } from './support/profiles';

/** Credit offer for gold customers with a balance of at least 1,000 known from the last 30 days; a service call for everyone. */
const CREDIT_DOC = eligibilityDoc({
  'credit-offer': {
    all: [
      ...GOLD_WITH_BALANCE,
      { fact: 'customer', path: '$._age.balance', operator: 'lessThanInclusive', value: 30 },
    ],
  },
});

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-01T12:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('customer profiles: sources, decisions that read them, freshness, erasure', () => {
  const t = useTestApp();
  const admin = useUser(t, [Role.admin]);
  const analyst = useUser(t, [Role.analyst]);
  let strategy: Published;
  let key: string;
  let scopedKey: string;

  beforeAll(async () => {
    const s = await new Scenario(t).init();
    ({ strategy, key } = await publishProfileStrategy(t, s, admin.token, {
      actions: [
        { id: 'credit-offer', name: 'Credit offer', group: 'credit', value: 100 },
        { id: 'service-call', name: 'Service call', group: 'service', value: 10 },
      ],
      fields: [...PROFILE_FIELDS, { name: 'phone', type: 'string', personal: true }],
      sources: ['crm', 'billing'],
      sourceDescription: 'test',
      document: CREDIT_DOC,
      name: 'Credit',
    }));
    scopedKey = (await createApiKey(t, admin.token, { strategyIds: [strategy.strategyId] })).secret;
  });

  const put = (id: string, body: unknown, k = key) =>
    request(t.app.getHttpServer())
      .put(`/api/v1/customers/${encodeURIComponent(id)}`)
      .set('authorization', `Bearer ${k}`)
      .send(body as object);
  const batch = (items: unknown[]) => rest(t, key).post('/api/v1/customers:batch', { items });
  const decide = (customer: Record<string, unknown>, now: number) =>
    rest(t, key)
      .post('/api/v1/decisions', {
        strategy: strategy.strategyId,
        customer,
        context: { now: iso(now) },
        explain: true,
      })
      .expect(200);
  const offered = (res: { body: { actions: { actionId: string }[] } }) =>
    res.body.actions.map((a) => a.actionId).sort();
  const stored = async (customerId: string) =>
    Object.fromEntries(
      (
        await t.sql.query(
          `SELECT m.key AS field, p.fields -> m.key AS value, m.value ->> 's' AS source, CASE WHEN m.value ? 'h' THEN 'hashed' ELSE 'clear' END AS treatment
           FROM customer_profiles p, jsonb_each(profile_meta(p.fields, p.meta, p.origin)) m WHERE p.customer_id = $1`,
          [customerId],
        )
      ).rows.map((r) => [r.field, r]),
    );

  it('the story: two sources fill a profile, a decision needs only the id, and a stale balance changes the answer', async () => {
    const crm = await put('C-1', {
      source: 'crm',
      updatedAt: iso(T0),
      fields: { segment: 'gold', email: 'ana@example.com', phone: '+34 600 000 000' },
      personal: { phone: 'keep' },
    }).expect(200);
    expect(crm.body).toEqual({
      customerId: 'C-1',
      applied: ['segment', 'email', 'phone'],
      ignored: [],
      dropped: [],
    });
    await put('C-1', { source: 'billing', updatedAt: iso(T0 + DAY), fields: { balance: 5000 } }).expect(200);

    const rows = await stored('C-1');
    expect(rows.segment).toMatchObject({ value: 'gold', source: 'crm', treatment: 'clear' });
    expect(rows.balance).toMatchObject({ value: 5000, source: 'billing' });
    // Declared personal: a keyed pseudonym unless the update says keep.
    expect(rows.email.treatment).toBe('hashed');
    expect(rows.email.value).toMatch(/^[0-9a-f]{64}$/);
    expect(rows.phone).toMatchObject({ value: '+34 600 000 000', treatment: 'clear' });

    // Three days after the balance: the credit offer, and the explanation says where each field came from.
    const fresh = await decide({ id: 'C-1' }, T0 + 4 * DAY);
    expect(offered(fresh)).toEqual(['credit-offer', 'service-call']);
    expect(fresh.body.customerSources).toEqual(
      expect.arrayContaining([
        { field: 'segment', from: 'profile', source: 'crm', updatedAt: iso(T0), ageDays: 4 },
        { field: 'balance', from: 'profile', source: 'billing', updatedAt: iso(T0 + DAY), ageDays: 3 },
      ]),
    );
    expect(fresh.body.explanation).toEqual(
      expect.arrayContaining([
        '  balance: from source "billing", updated 2026-03-02T12:00:00.000Z (3 days before the decision)',
      ]),
    );

    // 40 days later the balance is stale: no credit offer.
    const stale = await decide({ id: 'C-1' }, T0 + 41 * DAY);
    expect(offered(stale)).toEqual(['service-call']);
    expect(stale.body.explanation.join('\n')).toMatch(
      /dropped credit-offer: rule for Credit offer: age balance 40 is not ≤ 30/,
    );

    // The request wins per field: a balance sent now is fresh (age 0).
    const sent = await decide({ id: 'C-1', balance: 2000 }, T0 + 41 * DAY);
    expect(offered(sent)).toEqual(['credit-offer', 'service-call']);
    expect(sent.body.customerSources).toEqual(
      expect.arrayContaining([{ field: 'balance', from: 'request' }]),
    );
  });

  it('last writer wins by the source time: an older update is ignored and reported; a decision sees a newer one at once', async () => {
    await put('C-2', { source: 'billing', updatedAt: iso(T0), fields: { balance: 3000 } }).expect(200);
    expect(offered(await decide({ id: 'C-2', segment: 'gold' }, T0 + DAY))).toEqual([
      'credit-offer',
      'service-call',
    ]);
    const older = await put('C-2', {
      source: 'crm',
      updatedAt: iso(T0 - DAY),
      fields: { balance: 10, segment: 'gold' },
    }).expect(200);
    expect(older.body.applied).toEqual(['segment']);
    expect(older.body.ignored).toEqual([
      {
        field: 'balance',
        reason: expect.stringContaining('older than the stored value'),
        storedSource: 'billing',
        storedUpdatedAt: iso(T0),
      },
    ]);
    expect((await stored('C-2')).balance.value).toBe(3000);
    // A newer balance below the threshold: the cached profile was dropped, the next decision sees it.
    await put('C-2', { source: 'billing', updatedAt: iso(T0 + DAY), fields: { balance: 10 } }).expect(200);
    expect(offered(await decide({ id: 'C-2' }, T0 + 2 * DAY))).toEqual(['service-call']);
  });

  it('decisions asked for at the same time each read their own profile (looked up together)', async () => {
    const ids = Array.from({ length: 8 }, (_, i) => `T-${i}`);
    await batch(
      ids.map((customerId, i) => ({
        customerId,
        source: 'billing',
        updatedAt: iso(T0),
        fields: { balance: i % 2 ? 5000 : 10 },
      })),
    ).expect(200);
    await batch(
      ids.map((customerId) => ({
        customerId,
        source: 'crm',
        updatedAt: iso(T0),
        fields: { segment: 'gold' },
      })),
    ).expect(200);
    const answers = await Promise.all(ids.map((id) => decide({ id }, T0 + DAY)));
    expect(answers.map(offered)).toEqual(
      ids.map((_, i) => (i % 2 ? ['credit-offer', 'service-call'] : ['service-call'])),
    );
    // An upsert after the lookups: the next decisions see it at once.
    await batch(
      ids.map((customerId) => ({
        customerId,
        source: 'billing',
        updatedAt: iso(T0 + DAY),
        fields: { balance: 5000 },
      })),
    ).expect(200);
    const after = await Promise.all(ids.map((id) => decide({ id }, T0 + 2 * DAY)));
    expect(after.map(offered)).toEqual(ids.map(() => ['credit-offer', 'service-call']));
  });

  it('batch: up to 1,000 updates in one call, per-item results in order; within a call the newer time wins', async () => {
    const res = await batch([
      { customerId: 'B-1', source: 'crm', updatedAt: iso(T0), fields: { segment: 'silver' } },
      { customerId: 'B-2', source: 'billing', updatedAt: iso(T0), fields: { balance: 1 } },
      { customerId: 'B-1', source: 'crm', updatedAt: iso(T0 - DAY), fields: { segment: 'gold' } },
    ]).expect(200);
    expect(
      res.body.results.map((r: { customerId: string; applied: string[] }) => [r.customerId, r.applied]),
    ).toEqual([
      ['B-1', ['segment']],
      ['B-2', ['balance']],
      ['B-1', []],
    ]);
    expect(res.body.results[2].ignored[0].field).toBe('segment');
    expect((await stored('B-1')).segment.value).toBe('silver');
  });

  it('batch: customer ids as the schema reads them (trimmed, numbers as text); a malformed item is named', async () => {
    const res = await batch([
      { customerId: '  N-1 ', source: 'crm', fields: { segment: 'gold' } },
      { customerId: 4711, source: 'crm', fields: { segment: 'silver' }, personal: { segment: 'keep' } },
    ]).expect(200);
    expect(res.body.results.map((r: { customerId: string }) => r.customerId)).toEqual(['N-1', '4711']);
    expect((await stored('N-1')).segment.value).toBe('gold');
    expect((await stored('4711')).segment.value).toBe('silver');
    const bad = await batch([
      { customerId: 'N-2', source: 'crm', fields: { segment: 'gold' } },
      { customerId: ' ', source: 'crm', fields: { segment: 'gold' }, personal: { segment: 'maybe' } },
    ]).expect(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'items[1].customerId',
      'items[1].personal.segment',
    ]);
    expect(await stored('N-2')).toEqual({});
  });

  it('bad input: each problem named, and nothing of the call is stored', async () => {
    const count = async () =>
      Number(
        (await t.sql.query(`SELECT count(*) AS n FROM customer_profiles, jsonb_object_keys(meta)`)).rows[0].n,
      );
    const before = await count();
    const fields = (res: { body: { error: { code: string; details: { field: string }[] } } }) => {
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      return res.body.error.details.map((d) => d.field);
    };
    expect(
      fields(
        await put('X-1', {
          source: 'crm',
          fields: { shoeSize: 42, balance: 'lots', segment: 'bronze' },
        }).expect(400),
      ),
    ).toEqual(['fields.shoeSize', 'fields.balance', 'fields.segment']);
    expect(fields(await put('X-1', { source: 'erp', fields: { balance: 1 } }).expect(400))).toEqual([
      'source',
    ]);
    expect(
      fields(await put('X-1', { source: 'crm', fields: { segment: 'go\u0000ld' } }).expect(400)),
    ).toEqual(['fields.segment']);
    expect(
      fields(await put('X-1', { source: 'crm', fields: { _age: { balance: 0 }, id: 'other' } }).expect(400)),
    ).toEqual(['fields._age', 'fields.id']);
    expect(
      fields(
        await put('X-1', { source: 'crm', updatedAt: iso(Date.now() + DAY), fields: { balance: 1 } }).expect(
          400,
        ),
      ),
    ).toEqual(['updatedAt']);
    expect(
      fields(
        await put('X-1', {
          source: 'crm',
          updatedAt: 'yesterday',
          fields: { balance: 1 },
          extra: true,
        }).expect(400),
      ).sort(),
    ).toEqual(['body', 'updatedAt']);
    expect(fields(await put('X-1', { source: 'crm', fields: { balance: null } }).expect(400))).toEqual([
      'fields.balance',
    ]);
    // One bad item refuses the whole batch, naming item and field.
    const bad = await batch([
      { customerId: 'X-2', source: 'crm', fields: { segment: 'gold' } },
      { customerId: 'X-3', source: 'crm', fields: { balance: true } },
    ]).expect(400);
    expect(fields(bad)).toEqual(['items[1].fields.balance']);
    expect(
      fields(
        await batch(
          Array.from({ length: 1001 }, (_, i) => ({
            customerId: `X-${i}`,
            source: 'crm',
            fields: { balance: i },
          })),
        ).expect(400),
      ),
    ).toEqual(['items']);
    expect(await count()).toBe(before);
    // A key limited to some strategies may not write what every strategy reads.
    expect(
      (await put('X-1', { source: 'crm', fields: { balance: 1 } }, scopedKey).expect(403)).body.error.code,
    ).toBe('FORBIDDEN');
    await put('X-1', { source: 'crm', fields: { balance: 1 } }, 'not-a-key').expect(401);
    // A decision may not bring its own ages.
    const aged = await rest(t, key)
      .post('/api/v1/decisions', {
        strategy: strategy.strategyId,
        customer: { id: 'X-1', _age: { balance: 0 } },
      })
      .expect(400);
    expect(fields(aged)).toEqual(['customer._age']);
    expect(await count()).toBe(before);
  });

  it('the studio reads a profile (personal values for admins only) and the per-source quality', async () => {
    await put('S-1', {
      source: 'crm',
      fields: { segment: 'gold', phone: '+1 555', email: 'x@example.com' },
      personal: { phone: 'keep' },
    }).expect(200);
    await put('S-1', {
      source: 'billing',
      updatedAt: iso(Date.now() - 3 * DAY),
      fields: { balance: 5000 },
    }).expect(200);
    await decide({ id: 'S-1' }, Date.now());
    const view = async (token: string) =>
      ok(
        await t.gql(
          `{ customerProfile(customerId: "S-1") { fields { name value source masked hashed ageDays } recentDecisions } }`,
          {},
          token,
        ),
      ).customerProfile;
    const byName = (p: { fields: { name: string }[] }) =>
      Object.fromEntries(p.fields.map((f) => [f.name, f]));
    // The decision log is written in batches: wait for the decision to be in it.
    let analystView = await view(analyst.token);
    for (let i = 0; i < 100 && analystView.recentDecisions.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      analystView = await view(analyst.token);
    }
    // Recent decisions come with their explanation, in words a service agent reads.
    expect(analystView.recentDecisions[0].explanation).toEqual([
      'Recommended (version 1 of the strategy): 1. Credit offer, 2. Service call.',
      'Based on: balance 5000 (3 days old); segment gold.',
      'Asked through: rest.',
    ]);
    const forAnalyst = byName(analystView);
    expect(forAnalyst.segment).toMatchObject({ value: 'gold', source: 'crm', masked: false });
    expect(forAnalyst.phone).toMatchObject({ value: null, masked: true });
    const forAdmin = byName(await view(admin.token));
    expect(forAdmin.phone).toMatchObject({ value: '+1 555', masked: false });
    expect(forAdmin.email).toMatchObject({ value: null, hashed: true, masked: true });
    const designer = await t.user([Role.designer]);
    expect(
      (await t.gql(`{ customerProfile(customerId: "S-1") { customerId } }`, {}, designer.token)).errors?.[0]
        ?.extensions?.code,
    ).toBe('FORBIDDEN');

    const quality = ok(
      await t.gql(
        `{ profileQuality { customers staleAfterDays sources { source fields { field customers completeness staleCustomers } } } }`,
        {},
        analyst.token,
      ),
    ).profileQuality;
    const crm = quality.sources.find((s: { source: string }) => s.source === 'crm');
    expect(crm.fields.find((f: { field: string }) => f.field === 'segment').customers).toBeGreaterThanOrEqual(
      3,
    );
    expect(quality.customers).toBeGreaterThanOrEqual(5);
  });

  it('export and erasure: everything about a customer, then nothing left in any table; idempotent; audited without the id', async () => {
    const id = 'ERASE-ME-77';
    await put(id, { source: 'crm', fields: { segment: 'gold', email: 'e@example.com' } }).expect(200);
    await put(id, { source: 'billing', fields: { balance: 9000 } }).expect(200);
    const decision = await decide({ id }, Date.now());
    await rest(t, key)
      .post('/api/v1/outcomes', {
        decisionId: decision.body.decisionId,
        actionId: 'credit-offer',
        outcome: 'accepted',
        idempotencyKey: `${id}-1`,
      })
      .expect(201);
    await uploadDataset(t, analyst.token, 'With the customer', `id,balance\n${id},12\nsomeone-else,5\n`, {
      customerId: 'id',
    });
    // A completed comparison, as a simulation with a baseline stores it: examples of changed top actions, in the result and in a chunk.
    const example = (customerId: string) => ({ customerId, before: 'service-call', after: 'credit-offer' });
    const simulationId = (
      await t.sql.query(
        `INSERT INTO simulations (content_hash, status, comparison) VALUES ('h', 'COMPLETED', $1) RETURNING id`,
        [
          JSON.stringify({
            topActions: { compared: 2, changed: 2, examples: [example(id), example('someone-else')] },
          }),
        ],
      )
    ).rows[0].id;
    await t.sql.query(
      `INSERT INTO simulation_chunks (simulation_id, chunk_no, rows, result, paired) VALUES ($1, 0, 2, '{}', $2)`,
      [
        simulationId,
        JSON.stringify({ compared: 2, changed: 2, examples: [example(id), example('someone-else')] }),
      ],
    );
    await t.sql.query(
      `INSERT INTO decision_log_dead_letters (decision_id, sqlstate, reason, record) VALUES ('dl-1', '22P05', 'test', $1)`,
      [JSON.stringify({ id: 'dl-1', decidedAt: 'x', customerId: id, strategyId: strategy.strategyId })],
    );

    const exported = await request(t.app.getHttpServer())
      .get(`/api/v1/customers/${id}/export`)
      .set('authorization', `Bearer ${admin.token}`)
      .expect(200);
    expect(exported.body.profile.map((f: { field: string }) => f.field).sort()).toEqual([
      'balance',
      'email',
      'segment',
    ]);
    expect(exported.body.interactions.map((i: { outcome: string }) => i.outcome).sort()).toEqual([
      'accepted',
      'shown',
      'shown',
    ]);
    expect(exported.body.decisions).toHaveLength(1);
    expect(exported.body.datasetRows).toEqual([
      expect.objectContaining({
        datasetName: 'With the customer',
        customer: expect.objectContaining({ balance: 12 }),
      }),
    ]);

    // Not for an analyst, nor with an API key.
    await request(t.app.getHttpServer())
      .delete(`/api/v1/customers/${id}`)
      .set('authorization', `Bearer ${analyst.token}`)
      .expect(403);
    await request(t.app.getHttpServer())
      .delete(`/api/v1/customers/${id}`)
      .set('authorization', `Bearer ${key}`)
      .expect(401);

    const erased = await request(t.app.getHttpServer())
      .delete(`/api/v1/customers/${id}`)
      .set('authorization', `Bearer ${admin.token}`)
      .expect(200);
    expect(erased.body).toEqual({
      erasureId: expect.any(String),
      profileFields: 3,
      interactionsPseudonymised: 3,
      decisionsPseudonymised: 1,
      deadLettersDeleted: 1,
      datasetRowsDeleted: 1,
      simulationExamplesPseudonymised: 2,
    });
    const pseudonym = `erased:${erased.body.erasureId}`;
    const comparison = (await t.sql.query(`SELECT comparison FROM simulations WHERE id = $1`, [simulationId]))
      .rows[0].comparison;
    expect(comparison.topActions.examples).toEqual([example(pseudonym), example('someone-else')]);
    const chunk = (
      await t.sql.query(`SELECT paired FROM simulation_chunks WHERE simulation_id = $1`, [simulationId])
    ).rows[0].paired;
    expect(chunk.examples).toEqual([example(pseudonym), example('someone-else')]);

    // Every table with a customer id column, and every text or JSON column of the tables that hold customer data.
    const columns = (
      await t.sql.query(
        `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type IN ('text', 'jsonb', 'character varying')`,
      )
    ).rows;
    expect(
      columns
        .filter((c) => c.column_name === 'customer_id')
        .map((c) => c.table_name)
        .sort(),
    ).toEqual(expect.arrayContaining(['customer_profiles', 'dataset_rows', 'decision_log', 'interactions']));
    for (const c of columns) {
      const found = await t.sql.query(
        `SELECT count(*)::int AS n FROM "${c.table_name}" WHERE strpos("${c.column_name}"::text, $1) > 0`,
        [id],
      );
      expect({ column: `${c.table_name}.${c.column_name}`, rows: found.rows[0].n }).toEqual({
        column: `${c.table_name}.${c.column_name}`,
        rows: 0,
      });
    }
    // Aggregate evidence stays, under a pseudonym, without the inputs.
    const kept = (
      await t.sql.query(`SELECT customer_id, inputs FROM decision_log WHERE id = $1`, [
        decision.body.decisionId,
      ])
    ).rows[0];
    expect(kept).toEqual({ customer_id: `erased:${erased.body.erasureId}`, inputs: null });
    expect(
      Number(
        (await t.sql.query(`SELECT row_count FROM datasets WHERE name = 'With the customer'`)).rows[0]
          .row_count,
      ),
    ).toBe(1);
    const audit = (
      await t.sql.query(
        `SELECT entity_type, entity_id, comment FROM audit_log WHERE action = 'customer.erase'`,
      )
    ).rows;
    expect(audit).toEqual([
      expect.objectContaining({ entity_type: 'customerErasure', entity_id: erased.body.erasureId }),
    ]);

    // Idempotent: nothing more to erase; the decision no longer finds a profile.
    const again = ok(
      await t.gql(
        `mutation($c: String!) { eraseCustomer(customerId: $c) { profileFields interactionsPseudonymised decisionsPseudonymised datasetRowsDeleted simulationExamplesPseudonymised } }`,
        { c: id },
        admin.token,
      ),
    ).eraseCustomer;
    expect(again).toEqual({
      profileFields: 0,
      interactionsPseudonymised: 0,
      decisionsPseudonymised: 0,
      datasetRowsDeleted: 0,
      simulationExamplesPseudonymised: 0,
    });
    const after = await rest(t, key)
      .post('/api/v1/decisions', {
        strategy: strategy.strategyId,
        customer: { id: 'someone-new' },
        explain: true,
      })
      .expect(200);
    expect(offered(after)).toEqual(['service-call']);
  });
});
