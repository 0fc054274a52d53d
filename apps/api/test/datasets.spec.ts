import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import {
  COUPON_SAMPLE,
  OPEN_BANDIT_SAMPLE,
  RETAIL_SAMPLE,
  SampleDatasetsService,
} from '../src/datasets/sample-datasets.service';
import { customersCsv, CUSTOMERS_MAPPING, uploadDataset, uploadJsonl } from './support/datasets';
import { errorCode, ok, Role, useTestApp, useUser } from './support/test-app';
import { defineCustomerFields } from './support/fixtures';

describe('datasets', () => {
  const t = useTestApp();
  const analyst = useUser(t, [Role.analyst]);
  const designer = useUser(t, [Role.designer]);

  it('streams a CSV in, keeps the good rows and reports every bad one with line, column and reason', async () => {
    const csv = [
      'id,age,segment',
      'a,30,gold',
      'b,not-a-number,silver',
      'c,41',
      'd,52,bronze',
      'e,,gold',
      '',
    ].join('\n');
    // Typed against the declared customer schema: age is a number, whatever the file's sample suggests.
    await defineCustomerFields(t, designer.token, [{ name: 'age', type: 'number' }]);
    const res = await uploadDataset(t, analyst.token, 'small', csv, { customerId: 'id' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'small',
      status: 'READY',
      format: 'csv',
      rowCount: 3,
      rowsRead: 5,
    });
    const report = res.body.report;
    expect(report).toMatchObject({
      rowsRead: 5,
      rowsKept: 3,
      rowsRejected: 2,
      rejectedByReason: { 'invalid-number': 1, 'field-count': 1 },
    });
    expect(report.rejected).toEqual([
      expect.objectContaining({ line: 3, column: 'age', kind: 'invalid-number', reason: expect.any(String) }),
      expect.objectContaining({ line: 4, kind: 'field-count' }),
    ]);
    const age = report.columns.find((c: { name: string }) => c.name === 'age');
    expect(age).toMatchObject({ missing: 1, distinct: 2 });
    const rows = await t.sql.query(
      'SELECT row_no, customer_id, customer FROM dataset_rows WHERE dataset_id = $1 ORDER BY row_no',
      [res.body.id],
    );
    expect(rows.rows).toEqual([
      { row_no: 0, customer_id: 'a', customer: { age: 30, segment: 'gold' } },
      { row_no: 1, customer_id: 'd', customer: { age: 52, segment: 'bronze' } },
      { row_no: 2, customer_id: 'e', customer: { segment: 'gold' } },
    ]);
    const gql = ok(
      await t.gql(
        `query($id: ID!) { dataset(id: $id) { status rowCount rowsRead report } datasets { id } }`,
        { id: res.body.id },
        designer.token,
      ),
    );
    expect(gql.dataset).toMatchObject({ status: 'READY', rowCount: 3, rowsRead: 5 });
    expect(gql.dataset.report.rowsRejected).toBe(2);
    expect(gql.datasets.map((d: { id: string }) => d.id)).toContain(res.body.id);
  });

  it('maps the logged action, outcome and propensity, and hashes or drops personal columns', async () => {
    const csv =
      'email,phone,' +
      customersCsv(3)
        .split('\n')
        .slice(0, 4)
        .map((l, i) => (i === 0 ? l : `${['x@y.z', 'x@y.z', 'q@r.s'][i - 1]},555-${i},${l}`))
        .join('\n')
        .replace(/^email,phone,/, 'email,phone,');
    const res = await uploadDataset(
      t,
      analyst.token,
      'personal',
      csv.replace('email,phone,email,phone,', 'email,phone,'),
      { ...CUSTOMERS_MAPPING, personal: { email: 'hash', phone: 'drop' }, useCustomerSchema: false },
    );
    expect(res.status).toBe(201);
    expect(res.body.personalColumns).toEqual({ email: 'hash', phone: 'drop' });
    const rows = (
      await t.sql.query('SELECT customer, logged FROM dataset_rows WHERE dataset_id = $1 ORDER BY row_no', [
        res.body.id,
      ])
    ).rows;
    expect(rows).toHaveLength(3);
    expect(rows[0].customer.email).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].customer.email).toBe(rows[1].customer.email);
    expect(rows[2].customer.email).not.toBe(rows[0].customer.email);
    expect(rows[0].customer).not.toHaveProperty('phone');
    expect(rows[0].logged).toEqual({ actionId: 'card', outcome: 1, propensity: 0.5 });
    expect(JSON.stringify(res.body.report)).not.toContain('x@y.z');
    expect(res.body.report.droppedColumns).toEqual(['phone']);
  });

  it('refuses a file that cannot be a dataset with a clear 400, and keeps it as FAILED', async () => {
    const binary = await uploadDataset(
      t,
      analyst.token,
      'binary',
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1, 2, 3, 0, 0]),
    );
    expect(binary.status).toBe(400);
    expect(binary.body.error).toMatchObject({
      code: 'BAD_REQUEST',
      details: { reason: 'binary' },
      message: expect.stringMatching(/not CSV or JSON lines/),
    });
    const noHeader = await uploadDataset(t, analyst.token, 'no header', '1,2,3\n4,5,6\n7,8,9\n');
    expect(noHeader.status).toBe(400);
    expect(noHeader.body.error.message).toMatch(/header/i);
    const json = await uploadJsonl(t, analyst.token, 'array', ['[{"a":1},{"a":2}]']);
    expect(json.status).toBe(400);
    const failed = ok(
      await t.gql(
        `query($id: ID!) { dataset(id: $id) { status error rowCount } }`,
        { id: binary.body.error.details.datasetId },
        analyst.token,
      ),
    );
    expect(failed.dataset).toMatchObject({
      status: 'FAILED',
      rowCount: 0,
      error: expect.stringMatching(/ZIP/),
    });
  });

  it('validates the mapping and the parameters, and needs the analyst role', async () => {
    const badMapping = await uploadDataset(t, analyst.token, 'x', 'a,b\n1,2\n', { outcome: '', nope: 1 });
    expect(badMapping.status).toBe(400);
    expect(badMapping.body.error.code).toBe('VALIDATION_FAILED');
    expect(badMapping.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'mapping',
      'mapping.outcome',
    ]);
    const badFieldName = await uploadDataset(t, analyst.token, 'x', 'a,b\n1,2\n', {
      fieldNames: { a: 'not a name' },
    });
    expect(badFieldName.status).toBe(400);
    expect(badFieldName.body.error.details).toEqual([
      expect.objectContaining({
        field: 'mapping.fieldNames.a',
        message: expect.stringContaining('letters, digits and _'),
      }),
    ]);
    const renamed = await uploadDataset(t, analyst.token, 'renamed', 'id,Age In Years\nr1,30\n', {
      customerId: 'id',
      fieldNames: { 'Age In Years': 'age' },
    });
    expect(renamed.status).toBe(201);
    expect(
      (await t.sql.query('SELECT customer FROM dataset_rows WHERE dataset_id = $1', [renamed.body.id])).rows,
    ).toEqual([{ customer: { age: 30 } }]);
    expect(renamed.body.mapping.fieldNames).toEqual({ 'Age In Years': 'age' });
    // A column kept in clear against the schema's personal flag is named in the audit trail.
    await defineCustomerFields(t, designer.token, [{ name: 'income', type: 'number', personal: true }]);
    const kept = await uploadDataset(t, analyst.token, 'kept', 'id,income\nk1,1200\n', {
      customerId: 'id',
      personal: { income: 'keep' },
    });
    expect(kept.status).toBe(201);
    expect(
      (await t.sql.query('SELECT customer FROM dataset_rows WHERE dataset_id = $1', [kept.body.id])).rows,
    ).toEqual([{ customer: { income: 1200 } }]);
    const audit = await t.sql.query(
      `SELECT comment FROM audit_log WHERE entity_id = $1 AND action = 'dataset.upload'`,
      [kept.body.id],
    );
    expect(audit.rows).toEqual([
      { comment: 'kept: 1 row kept, 0 rejected; personal columns kept in clear: income' },
    ]);
    const noName = await uploadDataset(t, analyst.token, '', 'a,b\n1,2\n');
    expect(noName.body.error.details[0].field).toBe('name');
    expect((await uploadDataset(t, undefined, 'x', 'a,b\n1,2\n')).status).toBe(401);
    expect((await uploadDataset(t, designer.token, 'x', 'a,b\n1,2\n')).status).toBe(403);
  });

  it('imports JSON lines too, and refuses a body sent as application/json', async () => {
    const res = await uploadJsonl(
      t,
      analyst.token,
      'jsonl',
      [
        '{"id":"a","age":30,"offer":"card","accepted":"yes"}',
        '{"id":"b","age":"old","offer":"loan","accepted":"no"}',
        'not json',
        '{"id":"c","offer":"loan","accepted":"maybe"}',
        // PostgreSQL stores neither: each is one rejected row, not a failed upload.
        '{"id":"d\\u0000","offer":"loan","accepted":"no"}',
        '{"id":"e","offer":"lo\\udc00an","accepted":"no"}',
        // A key would become a column name: the line is rejected, the upload goes on.
        '{"id":"f","g\\u0000old":1,"offer":"loan","accepted":"no"}',
        '{"id":"g","g\\udc00":1,"offer":"loan","accepted":"no"}',
      ],
      { customerId: 'id', loggedAction: 'offer', outcome: 'accepted' },
    );
    expect(res.status).toBe(201);
    expect(res.body.report).toMatchObject({
      rowsRead: 8,
      rowsKept: 1,
      rowsRejected: 7,
      rejectedByReason: { 'invalid-number': 1, 'invalid-json': 1, 'invalid-outcome': 1, encoding: 4 },
    });
    expect(res.body.report.rejected.slice(3)).toEqual([
      expect.objectContaining({ line: 5, column: 'id', kind: 'encoding', value: 'd\\u0000' }),
      expect.objectContaining({ line: 6, column: 'offer', kind: 'encoding', value: 'lo\\udc00an' }),
      expect.objectContaining({ line: 7, kind: 'encoding' }),
      expect.objectContaining({ line: 8, kind: 'encoding' }),
    ]);
    const json = await request(t.app.getHttpServer())
      .post('/api/v1/datasets?name=x')
      .set('authorization', `Bearer ${analyst.token}`)
      .set('content-type', 'application/json')
      .send('{"a":1}');
    expect(json.status).toBe(400);
    expect(json.body.error.message).toMatch(/Content-Type/);
  });

  it('stores a file of many batches whole and in file order, with segment values when segments are mapped', async () => {
    const rows = 1234; // several INSERT batches, the last one partial
    const up = await uploadDataset(t, analyst.token, 'many batches', customersCsv(rows), {
      ...CUSTOMERS_MAPPING,
      segmentColumns: ['segment'],
      useCustomerSchema: false,
    });
    expect(up.status).toBe(201);
    expect(up.body.rowCount).toBe(rows);
    const stored = (
      await t.sql.query(
        `SELECT row_no, customer_id, customer, logged, segments FROM dataset_rows WHERE dataset_id = $1 ORDER BY row_no`,
        [up.body.id],
      )
    ).rows;
    expect(stored.map((r) => r.customer_id)).toEqual(Array.from({ length: rows }, (_, i) => `c${i}`));
    expect(stored.map((r) => r.row_no)).toEqual(Array.from({ length: rows }, (_, i) => i));
    expect(stored[1233]).toEqual({
      row_no: 1233,
      customer_id: 'c1233',
      customer: { age: 33, segment: 'gold' },
      logged: { actionId: 'loan', outcome: 0, propensity: 0.5 },
      segments: { segment: 'gold' },
    });

    const plain = await uploadDataset(t, analyst.token, 'no segments', 'age\n30\n\n41\n', {
      useCustomerSchema: false,
    });
    const plainRows = (
      await t.sql.query(
        `SELECT row_no, customer_id, customer, logged, segments FROM dataset_rows WHERE dataset_id = $1 ORDER BY row_no`,
        [plain.body.id],
      )
    ).rows;
    expect(plainRows).toEqual([
      { row_no: 0, customer_id: null, customer: { age: 30 }, logged: null, segments: null },
      { row_no: 1, customer_id: null, customer: { age: 41 }, logged: null, segments: null },
    ]);
  });

  describe('with the id chosen by the client (X-Dataset-Id)', () => {
    /** Starts `POST /api/v1/datasets` with a body the test writes piece by piece; `done` is the answer. */
    async function startStreamingUpload(id: string, name: string) {
      const server = t.app.getHttpServer() as http.Server;
      if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const req = http.request({
        host: '127.0.0.1',
        port: (server.address() as AddressInfo).port,
        method: 'POST',
        path: `/api/v1/datasets?${new URLSearchParams({ name })}`,
        headers: {
          authorization: `Bearer ${analyst.token}`,
          'content-type': 'text/csv',
          'x-dataset-id': id,
          'x-dataset-mapping': JSON.stringify({ ...CUSTOMERS_MAPPING, useCustomerSchema: false }),
        },
      });
      const done = new Promise<{ status: number; body: { id: string; status: string; rowCount: number } }>(
        (resolve, reject) => {
          req.on('response', (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
          });
          req.on('error', reject);
        },
      );
      return { req, done };
    }

    const datasetById = async (id: string) =>
      ok(
        await t.gql(
          `query($id: ID!) { dataset(id: $id) { id name status rowsRead } }`,
          { id },
          designer.token,
        ),
      ).dataset;

    it('is readable by that id while the file is still streaming in, with rising rowsRead', async () => {
      const id = randomUUID();
      const rows = 20_000;
      const lines = customersCsv(rows).split('\n');
      const { req, done } = await startStreamingUpload(id, 'chosen id');
      // The header and the rows the importer samples (5,000) before it stores any.
      req.write(`${lines.slice(0, 6001).join('\n')}\n`);
      let seen = await datasetById(id).catch(() => undefined);
      let sent = 6001;
      for (; !(seen?.rowsRead > 0) && sent < 18_001; sent += 1000) {
        // A little more of the file every so often: the server records progress about once a second.
        await new Promise((r) => setTimeout(r, 400));
        req.write(`${lines.slice(sent, sent + 1000).join('\n')}\n`);
        seen = await datasetById(id);
      }
      expect(seen).toMatchObject({ id, name: 'chosen id', status: 'UPLOADING' });
      expect(seen.rowsRead).toBeGreaterThan(0);
      expect(seen.rowsRead).toBeLessThan(rows);
      req.end(lines.slice(sent).join('\n'));
      const res = await done;
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ id, status: 'READY', rowCount: rows });
      expect(await datasetById(id)).toMatchObject({ status: 'READY', rowsRead: rows });
    });

    it('keeps no row of an upload that stops before the end of the file, and none is visible before it is READY', async () => {
      const id = randomUUID();
      const lines = customersCsv(20_000).split('\n');
      const { req, done } = await startStreamingUpload(id, 'cut short');
      done.catch(() => undefined); // the connection is cut: there is no answer
      req.write(`${lines.slice(0, 6001).join('\n')}\n`);
      let seen = await datasetById(id).catch(() => undefined);
      for (let sent = 6001; !(seen?.rowsRead > 0) && sent < 18_001; sent += 1000) {
        await new Promise((r) => setTimeout(r, 400));
        req.write(`${lines.slice(sent, sent + 1000).join('\n')}\n`);
        seen = await datasetById(id);
      }
      expect(seen).toMatchObject({ status: 'UPLOADING' });
      expect(seen.rowsRead).toBeGreaterThan(0);
      const stored = async () =>
        (await t.sql.query('SELECT count(*)::int AS n FROM dataset_rows WHERE dataset_id = $1', [id])).rows[0]
          .n;
      // Rows already handed to PostgreSQL are not visible while the dataset is UPLOADING.
      expect(await stored()).toBe(0);
      req.destroy();
      for (let i = 0; i < 100 && seen.status === 'UPLOADING'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        seen = await datasetById(id);
      }
      expect(
        ok(
          await t.gql(
            `query($id: ID!) { dataset(id: $id) { status error rowCount } }`,
            { id },
            analyst.token,
          ),
        ).dataset,
      ).toEqual({ status: 'FAILED', error: 'The upload stopped before the end of the file.', rowCount: 0 });
      expect(await stored()).toBe(0);
    });

    it('refuses an id that already exists with 409 and imports nothing', async () => {
      const id = randomUUID();
      const first = await uploadDataset(
        t,
        analyst.token,
        'first',
        customersCsv(5),
        { useCustomerSchema: false },
        undefined,
        id,
      );
      expect(first.status).toBe(201);
      expect(first.body.id).toBe(id);
      const again = await uploadDataset(
        t,
        analyst.token,
        'second',
        customersCsv(50),
        { useCustomerSchema: false },
        undefined,
        id.toUpperCase(),
      );
      expect(again.status).toBe(409);
      expect(again.body.error).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining(`A dataset with id ${id} already exists`),
      });
      expect(await datasetById(id)).toMatchObject({ name: 'first', status: 'READY', rowsRead: 5 });
      expect(
        (await t.sql.query('SELECT count(*)::int AS n FROM dataset_rows WHERE dataset_id = $1', [id])).rows[0]
          .n,
      ).toBe(5);
      expect(
        (await t.sql.query(`SELECT count(*)::int AS n FROM datasets WHERE name = 'second'`)).rows[0].n,
      ).toBe(0);
    });

    it('refuses an id that is not a UUID with 400 naming the header', async () => {
      const before = (await t.sql.query('SELECT count(*)::int AS n FROM datasets')).rows[0].n;
      const bad = await uploadDataset(
        t,
        analyst.token,
        'bad id',
        customersCsv(5),
        undefined,
        undefined,
        'dataset-1',
      );
      expect(bad.status).toBe(400);
      expect(bad.body.error).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: expect.stringContaining('X-Dataset-Id'),
        details: [{ field: 'X-Dataset-Id', message: 'is not a UUID' }],
      });
      expect((await t.sql.query('SELECT count(*)::int AS n FROM datasets')).rows[0].n).toBe(before);
    });
  });

  it('inspects the start of a file: format and suggested fields', async () => {
    const res = await request(t.app.getHttpServer())
      .post('/api/v1/datasets/inspect')
      .set('authorization', `Bearer ${analyst.token}`)
      .set('content-type', 'text/csv')
      .send(Buffer.from('id;age;vip\na;30;true\nb;40;false\n'));
    expect(res.status).toBe(200);
    expect(res.body.format).toMatchObject({ kind: 'csv', delimiter: ';' });
    expect(
      res.body.columns.map((c: { field: { name: string; type: string } }) => [c.field.name, c.field.type]),
    ).toEqual([
      ['id', 'string'],
      ['age', 'number'],
      ['vip', 'boolean'],
    ]);
  });

  it('deletes a dataset with its rows', async () => {
    const up = await uploadDataset(t, analyst.token, 'to delete', customersCsv(10), {
      useCustomerSchema: false,
    });
    expect(
      errorCode(
        await t.gql(
          `mutation($id: ID!) { deleteDataset(id: $id) { id } }`,
          { id: up.body.id },
          designer.token,
        ),
      ),
    ).toBe('FORBIDDEN');
    ok(
      await t.gql(
        `mutation($id: ID!) { deleteDataset(id: $id) { id name } }`,
        { id: up.body.id },
        analyst.token,
      ),
    );
    expect(
      (await t.sql.query('SELECT count(*)::int AS n FROM dataset_rows WHERE dataset_id = $1', [up.body.id]))
        .rows[0].n,
    ).toBe(0);
    expect(
      errorCode(
        await t.gql(`query($id: ID!) { dataset(id: $id) { id } }`, { id: up.body.id }, analyst.token),
      ),
    ).toBe('NOT_FOUND');
    const audit = await t.sql.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY seq`, [
      up.body.id,
    ]);
    expect(audit.rows.map((r) => r.action)).toEqual(['dataset.upload', 'dataset.delete']);
  });

  it('deletes a dataset over REST too, refusing while a simulation is queued on it', async () => {
    const up = await uploadDataset(t, analyst.token, 'to delete over REST', customersCsv(10), {
      useCustomerSchema: false,
    });
    const id = up.body.id as string;
    const remove = (token: string, target = id) =>
      request(t.app.getHttpServer())
        .delete(`/api/v1/datasets/${target}`)
        .set('authorization', `Bearer ${token}`);
    expect((await remove(designer.token)).status).toBe(403);
    const bad = await remove(analyst.token, 'not-an-id');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'id' }] });
    expect((await remove(analyst.token, randomUUID())).status).toBe(404);

    const queued = await t.sql.query<{ id: string }>(
      `INSERT INTO simulations (content_hash, status, dataset_id) VALUES ($1, 'QUEUED', $2) RETURNING id`,
      ['c'.repeat(64), id],
    );
    const refused = await remove(analyst.token);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'INVALID_STATE',
      message:
        'A simulation is running on dataset "to delete over REST": cancel it first. Allowed now: cancelSimulation.',
    });
    expect(
      (await t.sql.query('SELECT count(*)::int AS n FROM dataset_rows WHERE dataset_id = $1', [id])).rows[0]
        .n,
    ).toBe(10);

    await t.sql.query(`UPDATE simulations SET status = 'CANCELLED' WHERE id = $1`, [queued.rows[0]!.id]);
    const deleted = await remove(analyst.token);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ id, name: 'to delete over REST', rowCount: 10 });
    expect(
      (await t.sql.query('SELECT count(*)::int AS n FROM dataset_rows WHERE dataset_id = $1', [id])).rows[0]
        .n,
    ).toBe(0);
    // The cancelled simulation stays, without its dataset.
    expect(
      (await t.sql.query('SELECT dataset_id FROM simulations WHERE id = $1', [queued.rows[0]!.id])).rows[0],
    ).toEqual({ dataset_id: null });
    const audit = await t.sql.query(
      `SELECT action, comment FROM audit_log WHERE entity_id = $1 ORDER BY seq`,
      [id],
    );
    expect(audit.rows).toEqual([
      expect.objectContaining({ action: 'dataset.upload' }),
      { action: 'dataset.delete', comment: 'to delete over REST (10 rows)' },
    ]);
  });

  it('imports the sample datasets once, with the coupon offers as the example catalog action ids', async () => {
    const samples = t.app.get(SampleDatasetsService);
    expect(await samples.seed(null)).toEqual([COUPON_SAMPLE, OPEN_BANDIT_SAMPLE, RETAIL_SAMPLE]);
    expect(await samples.seed(null)).toEqual([]);
    const sets = (
      await t.sql.query(
        `SELECT id, name, row_count, report FROM datasets WHERE name = ANY($1) ORDER BY name`,
        [[COUPON_SAMPLE, OPEN_BANDIT_SAMPLE]],
      )
    ).rows;
    const coupon = sets.find((s) => s.name === COUPON_SAMPLE);
    const obd = sets.find((s) => s.name === OPEN_BANDIT_SAMPLE);
    expect(coupon.report.rowsRead).toBe(12684);
    expect(coupon.row_count + coupon.report.rowsRejected).toBe(12684);
    expect(obd.row_count).toBe(10000);
    const logged = (
      await t.sql.query(
        `SELECT DISTINCT logged->>'actionId' AS a FROM dataset_rows WHERE dataset_id = $1 ORDER BY 1`,
        [coupon.id],
      )
    ).rows.map((r) => r.a);
    expect(logged).toEqual([
      'bar-1d',
      'bar-2h',
      'carry-out-1d',
      'carry-out-2h',
      'coffee-house-1d',
      'coffee-house-2h',
      'restaurant-20-50-1d',
      'restaurant-20-50-2h',
      'restaurant-under-20-1d',
      'restaurant-under-20-2h',
    ]);
    // The coupon demo strategy reads the age band and the models its other survey answers: kept in clear.
    const couponAges = (
      await t.sql.query(
        `SELECT DISTINCT customer->>'age' AS a FROM dataset_rows WHERE dataset_id = $1 ORDER BY 1`,
        [coupon.id],
      )
    ).rows.map((r) => r.a);
    expect(couponAges).toEqual(['21', '26', '31', '36', '41', '46', '50plus', 'below21']);
    const obdRow = (
      await t.sql.query(`SELECT customer, logged FROM dataset_rows WHERE dataset_id = $1 AND row_no = 0`, [
        obd.id,
      ])
    ).rows[0];
    expect(obdRow.logged).toEqual({ actionId: '14', outcome: 0, propensity: expect.closeTo(0.0294, 3) });
    expect(Object.keys(obdRow.customer)).toHaveLength(38);
    // The generated retail sample: typed as the retail demo strategy reads it, with its campaign's offers.
    const retailRow = (
      await t.sql.query(
        `SELECT r.customer, r.logged FROM dataset_rows r JOIN datasets d ON d.id = r.dataset_id
          WHERE d.name = $1 AND r.row_no = 0`,
        [RETAIL_SAMPLE],
      )
    ).rows[0];
    expect(retailRow.customer).toEqual({ ageYears: 74, segment: 'bronze', hasCard: false, churnRisk: 0.24 });
    expect(retailRow.logged).toEqual({ actionId: 'travel-insurance', outcome: 0, propensity: 0.25 });
  });
});
