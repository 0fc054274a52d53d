import { randomUUID } from 'node:crypto';
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import request from 'supertest';
import { rest, type Published } from './support/decision-api';
import { CHUNK_ROWS } from '../src/profiles/profile-import.service';
import { Scenario } from './support/scenario';
import { ok, Role, type TestUser, useTestApp, useUser } from './support/test-app';
import { eligibilityDoc, PROFILE_FIELDS } from './support/fixtures';
import { GOLD_WITH_BALANCE, publishProfileStrategy } from './support/profiles';

/** A gold offer for gold customers with a balance of at least 1,000; a service call for everyone. */
const GOLD_DOC = eligibilityDoc({ 'gold-offer': { all: GOLD_WITH_BALANCE } });

describe('a dataset file imported as profiles (POST /api/v1/customers:import)', () => {
  const t = useTestApp();
  const analyst = useUser(t, [Role.analyst]);
  let designer: TestUser;
  let key: string;
  let strategy: Published;

  beforeAll(async () => {
    const s = await new Scenario(t).init();
    designer = s.designer;
    const admin = await t.user([Role.admin]);
    ({ strategy, key } = await publishProfileStrategy(t, s, admin.token, {
      actions: [
        { id: 'gold-offer', name: 'Gold offer' },
        { id: 'service-call', name: 'Service call' },
      ],
      fields: PROFILE_FIELDS,
      sources: ['crm-export'],
      document: GOLD_DOC,
      name: 'Gold',
    }));
  });

  const importFile = (
    content: string,
    query: Record<string, string>,
    mapping?: unknown,
    token: string | undefined = analyst.token,
  ) => {
    const req = request(t.app.getHttpServer())
      .post(`/api/v1/customers:import?${new URLSearchParams(query)}`)
      .set('content-type', 'text/csv');
    if (token) req.set('authorization', `Bearer ${token}`);
    if (mapping !== undefined) req.set('x-dataset-mapping', JSON.stringify(mapping));
    return req.send(Buffer.from(content));
  };
  const stored = async (customerId: string) =>
    Object.fromEntries(
      (
        await t.sql.query(
          `SELECT m.key AS field, p.fields -> m.key AS value, m.value ->> 's' AS source, CASE WHEN m.value ? 'h' THEN 'hashed' ELSE 'clear' END AS treatment,
                  timestamptz 'epoch' + (m.value ->> 't')::bigint * interval '1 millisecond' AS source_updated_at
           FROM customer_profiles p, jsonb_each(profile_meta(p.fields, p.meta, p.origin)) m WHERE p.customer_id = $1`,
          [customerId],
        )
      ).rows.map((r) => [r.field, r]),
    );
  const profileCount = async () =>
    Number(
      (await t.sql.query(`SELECT count(*) AS n FROM customer_profiles, json_object_keys(fields)`)).rows[0].n,
    );

  it('maps columns as for a dataset, upserts by customer id, hashes personal columns; decisions read the values', async () => {
    const csv = [
      'cust,Segment,Balance,email,notes',
      'I-1,gold,2500,ana@example.com,called twice',
      'I-2,silver,100,bo@example.com,',
      'I-3,platinum,50,cy@example.com,', // not an allowed segment: rejected
      'I-4,gold,lots,di@example.com,', // not a number: rejected
      ',gold,10,no-id@example.com,', // no customer id: rejected
    ].join('\n');
    const res = await importFile(
      csv,
      { source: 'crm-export', updatedAt: '2026-03-01T00:00:00Z' },
      {
        customerId: 'cust',
        fields: ['Segment', 'Balance', 'email'],
        fieldNames: { Segment: 'segment', Balance: 'balance' },
      },
    ).expect(200);
    expect(res.body).toMatchObject({
      source: 'crm-export',
      updatedAt: '2026-03-01T00:00:00Z',
      rowsRead: 5,
      rowsImported: 2,
      rowsRejected: 3,
      fieldsApplied: 6,
      fieldsIgnoredAsOlder: 0,
    });
    expect(res.body.rejected.map((r: { line: number }) => r.line).sort()).toEqual([4, 5, 6]);
    expect(res.body.report.ignoredColumns).toEqual(['notes']);

    const one = await stored('I-1');
    expect(one['segment']).toMatchObject({ value: 'gold', source: 'crm-export', treatment: 'clear' });
    expect(one['balance']).toMatchObject({ value: 2500, treatment: 'clear' });
    // Declared personal: a keyed pseudonym, as a dataset upload and PUT /customers/{id} store it.
    expect(one['email'].treatment).toBe('hashed');
    expect(one['email'].value).toMatch(/^[0-9a-f]{64}$/);
    expect(one['email'].source_updated_at.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(await stored('I-3')).toEqual({});

    const decision = await rest(t, key)
      .post('/api/v1/decisions', { strategy: strategy.strategyId, customer: { id: 'I-1' } })
      .expect(200);
    expect(decision.body.actions.map((a: { actionId: string }) => a.actionId).sort()).toEqual([
      'gold-offer',
      'service-call',
    ]);

    // The same pseudonym as an upsert through PUT stores for the same value (one salt everywhere).
    await request(t.app.getHttpServer())
      .put('/api/v1/customers/I-9')
      .set('authorization', `Bearer ${key}`)
      .send({ source: 'crm-export', fields: { email: 'ana@example.com' } })
      .expect(200);
    expect((await stored('I-9'))['email'].value).toBe(one['email'].value);

    // An older extract of the same source changes nothing that is newer; the audit log names the import, not the customers.
    const older = await importFile(
      'cust,segment\nI-1,silver\nI-5,silver\n',
      { source: 'crm-export', updatedAt: '2026-01-01T00:00:00Z' },
      { customerId: 'cust' },
    ).expect(200);
    expect(older.body).toMatchObject({ rowsImported: 2, fieldsApplied: 1, fieldsIgnoredAsOlder: 1 });
    expect((await stored('I-1'))['segment'].value).toBe('gold');
    expect((await stored('I-5'))['segment'].value).toBe('silver');
    const audit = (
      await t.sql.query(
        `SELECT entity_id, comment FROM audit_log WHERE action = 'profiles.import' ORDER BY seq`,
      )
    ).rows;
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ entity_id: 'crm-export' });
    expect(JSON.stringify(audit)).not.toContain('I-1');
  });

  it('streams a large file in batches (JSON lines too)', async () => {
    const rows = 25_000;
    const lines: string[] = [];
    for (let i = 0; i < rows; i++)
      lines.push(JSON.stringify({ id: `L-${i}`, segment: i % 2 ? 'gold' : 'silver', balance: i }));
    const res = await importFile(
      lines.join('\n'),
      { source: 'crm-export', format: 'jsonl' },
      { customerId: 'id' },
    ).expect(200);
    expect(res.body).toMatchObject({
      rowsRead: rows,
      rowsImported: rows,
      rowsRejected: 0,
      fieldsApplied: rows * 2,
    });
    expect(await stored('L-24999')).toMatchObject({ segment: { value: 'gold' }, balance: { value: 24999 } });
  });

  it('imported profiles count in the per-source quality summary and are read back field by field', async () => {
    await importFile(
      'id,segment,balance\nQ-1,gold,10\nQ-2,silver,20\nQ-3,gold,30\n',
      { source: 'crm-export', updatedAt: '2026-03-01T00:00:00Z' },
      { customerId: 'id' },
    ).expect(200);
    const quality = ok(
      await t.gql(
        `{ profileQuality { sources { source fields { field customers staleCustomers } } } }`,
        {},
        analyst.token,
      ),
    ).profileQuality;
    const fields = quality.sources.find((s: { source: string }) => s.source === 'crm-export').fields;
    expect(fields.find((f: { field: string }) => f.field === 'balance').customers).toBeGreaterThanOrEqual(3);
    const profile = ok(
      await t.gql(
        `{ customerProfile(customerId: "Q-2") { fields { name value source } } }`,
        {},
        analyst.token,
      ),
    ).customerProfile;
    expect(profile.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'segment', value: 'silver', source: 'crm-export' }),
        expect.objectContaining({ name: 'balance', value: 20, source: 'crm-export' }),
      ]),
    );
  });

  it('a customer on several lines of one file: per field, the later line wins; fields only on the earlier line stay', async () => {
    const csv = ['id,segment,balance', 'R-1,gold,100', 'R-2,silver,5', 'R-1,silver,'].join('\n');
    const res = await importFile(csv, { source: 'crm-export' }, { customerId: 'id' }).expect(200);
    expect(res.body).toMatchObject({ rowsImported: 3, fieldsApplied: 4, fieldsIgnoredAsOlder: 0 });
    expect(await stored('R-1')).toMatchObject({ segment: { value: 'silver' }, balance: { value: 100 } });
    expect(await stored('R-2')).toMatchObject({ segment: { value: 'silver' }, balance: { value: 5 } });
  });

  it('a customer repeated in another chunk of the file: the later line still wins per field', async () => {
    const lines = ['id,segment,balance', 'RC-0,gold,100'];
    for (let i = 1; i <= CHUNK_ROWS; i++) lines.push(`RC-${i},silver,${i}`);
    lines.push('RC-0,silver,');
    const res = await importFile(lines.join('\n'), { source: 'crm-export' }, { customerId: 'id' }).expect(
      200,
    );
    // The first chunk holds RC-0's first line and the second its last: 2 values, then 1.
    expect(res.body).toMatchObject({
      rowsImported: CHUNK_ROWS + 2,
      fieldsApplied: (CHUNK_ROWS + 1) * 2 + 1,
      fieldsIgnoredAsOlder: 0,
    });
    expect(await stored('RC-0')).toMatchObject({ segment: { value: 'silver' }, balance: { value: 100 } });
  });

  it('a customer written by someone else while a chunk of new customers goes in: the chunk is merged, the newer value wins', async () => {
    // Another writer has inserted RACE-1 but not committed: the import does not see it, and its
    // insert of the chunk waits on that key until the writer commits.
    const { host, port, database, user } = t.sql;
    const other = new Client({ host, port, database, user });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query(
        `INSERT INTO customer_profiles (customer_id, fields, meta) VALUES ('RACE-1', '{"segment": "silver", "balance": 7}', '{"segment": {"s": "crm-export", "t": 1893456000000}, "balance": {"s": "crm-export", "t": 1000}}')`,
      );
      const imported = importFile(
        'id,segment,balance\nRACE-0,gold,10\nRACE-1,gold,20\nRACE-2,gold,30\n',
        { source: 'crm-export', updatedAt: '2026-03-01T00:00:00Z' },
        { customerId: 'id' },
      ).then((res) => res);
      const until = Date.now() + 30_000;
      const waiting = async () =>
        (
          await t.sql.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'COPY customer_profiles%'`,
          )
        ).rows[0].n;
      while (Date.now() < until && (await waiting()) === 0) await new Promise((r) => setTimeout(r, 50));
      await other.query('COMMIT');
      const res = await imported;
      expect(res.status).toBe(200);
      // RACE-1's segment is newer in the other write (2030): kept; its balance is older: the import's.
      expect(res.body).toMatchObject({ rowsImported: 3, fieldsApplied: 5, fieldsIgnoredAsOlder: 1 });
    } finally {
      await other.end();
    }
    const race = await stored('RACE-1');
    expect(race['segment'].value).toBe('silver');
    expect(race['balance'].value).toBe(20);
    expect((await stored('RACE-0'))['segment']).toMatchObject({ value: 'gold', source: 'crm-export' });
    expect((await stored('RACE-2'))['balance'].value).toBe(30);
  });

  it('the customer id stays in clear even when the schema declares its column personal (decisions look it up)', async () => {
    const res = await importFile(
      'email,segment,balance\nzoe@example.com,gold,2000\n',
      { source: 'crm-export' },
      { customerId: 'email' },
    ).expect(200);
    expect(res.body).toMatchObject({ rowsImported: 1, fieldsApplied: 2 });
    expect(await stored('zoe@example.com')).toMatchObject({ segment: { value: 'gold', treatment: 'clear' } });
    const decision = await rest(t, key)
      .post('/api/v1/decisions', { strategy: strategy.strategyId, customer: { id: 'zoe@example.com' } })
      .expect(200);
    expect(decision.body.actions.map((a: { actionId: string }) => a.actionId)).toContain('gold-offer');
  });

  it('an import named by the caller reports how far it is (rows read, stored, rejected)', async () => {
    const importId = randomUUID();
    const csv = ['id,segment', 'P-1,gold', 'P-2,bronze', 'P-3,silver'].join('\n');
    await importFile(csv, { source: 'crm-export', importId }, { customerId: 'id' }).expect(200);
    const progress = (id: string, token = analyst.token) =>
      request(t.app.getHttpServer())
        .get(`/api/v1/customers:import/${id}`)
        .set('authorization', `Bearer ${token}`);
    expect((await progress(importId).expect(200)).body).toMatchObject({
      importId,
      source: 'crm-export',
      status: 'done',
      rowsRead: 3,
      rowsImported: 2,
      rowsRejected: 1,
    });
    // An id names one import only; an unknown one is not found, a malformed one refused.
    expect(
      (await importFile(csv, { source: 'crm-export', importId }, { customerId: 'id' }).expect(409)).body.error
        .code,
    ).toBe('CONFLICT');
    await progress(randomUUID()).expect(404);
    expect((await progress('not-a-uuid').expect(400)).body.error.details[0].field).toBe('importId');
    await request(t.app.getHttpServer()).get(`/api/v1/customers:import/${importId}`).expect(401);
  });

  it('a client that goes away midway: the batches written stay, and the audit log says the import stopped', async () => {
    const server = t.app.getHttpServer() as Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const req = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/v1/customers:import?source=crm-export',
      headers: {
        'content-type': 'text/csv',
        authorization: `Bearer ${analyst.token}`,
        'x-dataset-mapping': JSON.stringify({ customerId: 'id' }),
      },
    });
    req.on('error', () => undefined);
    const rows: string[] = ['id,segment'];
    for (let i = 0; i < 25_000; i++) rows.push(`GONE-${i},gold`);
    req.write(`${rows.join('\n')}\n`);
    // The first chunk is written while the client still "sends"; then it is gone.
    const until = Date.now() + 60_000;
    while (Date.now() < until && (await stored('GONE-0'))['segment'] === undefined)
      await new Promise((r) => setTimeout(r, 100));
    req.destroy();
    let audit: { comment: string }[] = [];
    while (Date.now() < until) {
      audit = (
        await t.sql.query(
          `SELECT comment FROM audit_log WHERE action = 'profiles.import' AND comment LIKE 'stopped%'`,
        )
      ).rows;
      if (audit.length) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(audit).toEqual([{ comment: expect.stringMatching(/values written before$/) }]);
    expect((await stored('GONE-0'))['segment'].value).toBe('gold');
  });

  it('bad input: refused before anything is written, each problem named', async () => {
    const before = await profileCount();
    const csv = 'cust,segment,tier\nX-1,gold,3\n';
    const refused = async (
      query: Record<string, string>,
      mapping: unknown,
      status: number,
      code: string,
      fields: string[],
    ) => {
      const res = await importFile(csv, query, mapping).expect(status);
      expect(res.body.error.code).toBe(code);
      if (fields.length)
        expect(res.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(fields.sort());
      return res.body.error;
    };
    await refused(
      { source: 'billing' },
      { customerId: 'cust', fields: ['segment'] },
      400,
      'VALIDATION_FAILED',
      ['source'],
    );
    await refused({ source: 'Not A Name' }, { customerId: 'cust' }, 400, 'VALIDATION_FAILED', ['source']);
    await refused(
      { source: 'crm-export', updatedAt: 'yesterday' },
      { customerId: 'cust' },
      400,
      'VALIDATION_FAILED',
      ['updatedAt'],
    );
    await refused(
      { source: 'crm-export', updatedAt: '2999-01-01T00:00:00Z' },
      { customerId: 'cust', fields: ['segment'] },
      400,
      'VALIDATION_FAILED',
      ['updatedAt'],
    );
    await refused({ source: 'crm-export' }, { fields: ['segment'] }, 400, 'VALIDATION_FAILED', [
      'mapping.customerId',
    ]);
    await refused(
      { source: 'crm-export' },
      { customerId: 'cust', loggedAction: 'tier', outcome: 'segment' },
      400,
      'VALIDATION_FAILED',
      ['mapping.loggedAction', 'mapping.outcome'],
    );
    await refused(
      { source: 'crm-export' },
      { customerId: 'cust', personal: { cust: 'hash' } },
      400,
      'VALIDATION_FAILED',
      ['mapping.personal.cust'],
    );
    // `tier` is not a declared customer field: nothing of the file is imported.
    const undeclared = await refused(
      { source: 'crm-export' },
      { customerId: 'cust' },
      400,
      'VALIDATION_FAILED',
      ['mapping.fields'],
    );
    expect(undeclared.details[0].message).toContain('"tier"');
    // A column the file does not have.
    const unknown = await refused(
      { source: 'crm-export' },
      { customerId: 'customer_id' },
      400,
      'BAD_REQUEST',
      [],
    );
    expect(unknown.message).toContain('customer_id');
    expect(await profileCount()).toBe(before);

    // Not for designers, nor with an API key.
    await importFile(
      csv,
      { source: 'crm-export' },
      { customerId: 'cust', fields: ['segment'] },
      designer.token,
    ).expect(403);
    await importFile(csv, { source: 'crm-export' }, { customerId: 'cust', fields: ['segment'] }, key).expect(
      401,
    );
    expect(await profileCount()).toBe(before);
  });
});
