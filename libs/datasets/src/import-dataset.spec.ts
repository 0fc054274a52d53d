import { createHmac } from 'node:crypto';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { importDataset } from './import-dataset';
import { MAX_COLUMNS } from './read-sample';
import { chunked, failure, importAll } from './test-support/sources';
import type { ImportOptions, ImportProgress } from './types';

const SALT = 'a-secret-salt-of-some-length';

// Line numbers: 1 header, 2 ok, 3–4 a quoted value over two lines, 5 too few values, 6 a bad number,
// 7 blank, 8 ok with non-ASCII text, 9 too many values, 10 text after a closing quote, 11 unterminated quote.
const MESSY = [
  'id,name,age,note',
  '1,Zoë,34,first',
  '2,"Smith, Jo",41,"two',
  'lines"',
  '3,Ann,29',
  '4,Bob,abc,x',
  '',
  '5,Łukasz 😀,52,"said ""hi"""',
  '6,Cy,30,x,extra',
  '7,"Dee"x,30,y',
  '8,Eve,31,"never closed',
  '9,Fay,32,z',
].join('\n');

const AGE_NUMBER: ImportOptions['schema'] = [{ name: 'age', type: 'number' }];

describe('importDataset', () => {
  it('keeps good rows and rejects bad ones with their line number and reason, without aborting', async () => {
    const { report, rows } = await importAll(MESSY, { schema: AGE_NUMBER });
    expect(rows.map((r) => [r.line, r.customer['name']])).toEqual([
      [2, 'Zoë'],
      [3, 'Smith, Jo'],
      [8, 'Łukasz 😀'],
    ]);
    expect(rows[1]!.customer['note']).toBe('two\nlines');
    expect(rows[2]!.customer).toEqual({ id: 5, name: 'Łukasz 😀', age: 52, note: 'said "hi"' });
    expect(report.rejected).toEqual([
      { line: 5, kind: 'field-count', reason: 'the row has 3 values but the header has 4 columns' },
      {
        line: 6,
        column: 'age',
        kind: 'invalid-number',
        reason: expect.stringContaining('the value in age is not a number'),
        value: 'abc',
      },
      { line: 9, kind: 'field-count', reason: expect.stringContaining('must be in quotes') },
      { line: 10, kind: 'quote', reason: expect.stringContaining('after the closing quote') },
      { line: 11, kind: 'unterminated-quote', reason: expect.stringContaining('line 11') },
    ]);
    expect(report).toMatchObject({ rowsRead: 8, rowsKept: 3, rowsRejected: 5, blankLines: 1 });
    expect(report.rejectedByReason).toEqual({
      'field-count': 2,
      'invalid-number': 1,
      quote: 1,
      'unterminated-quote': 1,
    });
  });

  it('gives exactly the same result whatever the chunk size, down to one byte (split characters included)', async () => {
    const whole = await importAll(MESSY, { schema: AGE_NUMBER });
    const strip = (r: typeof whole) => ({ ...r, report: { ...r.report, durationMs: 0 } });
    expect(strip(await importAll(MESSY, { schema: AGE_NUMBER, chunkSize: 1 }))).toEqual(strip(whole));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 40 }), async (size) => {
        expect(strip(await importAll(MESSY, { schema: AGE_NUMBER, chunkSize: size }))).toEqual(strip(whole));
      }),
      { numRuns: 25 },
    );
  });

  it('types columns from the sample and rejects later values that do not fit, instead of coercing', async () => {
    const text =
      'id,score,vip,since\n1,0.5,yes,2024-01-01\n2,1.5,no,2024-02-01\n3,abc,maybe,01/03/2024\n4,2,true,2024-03-01T08:00:00Z\n';
    const { report, rows } = await importAll(text, { sampleRows: 2 });
    expect(report.fields).toEqual([
      { name: 'id', type: 'number' },
      { name: 'score', type: 'number' },
      { name: 'vip', type: 'boolean' },
      { name: 'since', type: 'date' },
    ]);
    expect(rows.map((r) => r.customer)).toEqual([
      { id: 1, score: 0.5, vip: true, since: '2024-01-01' },
      { id: 2, score: 1.5, vip: false, since: '2024-02-01' },
      { id: 4, score: 2, vip: true, since: '2024-03-01T08:00:00Z' },
    ]);
    expect(report.rejected).toEqual([
      { line: 4, column: 'score', kind: 'invalid-number', reason: expect.any(String), value: 'abc' },
    ]);
  });

  it('enforces a corrected schema, matched by column or derived field name', async () => {
    const text =
      'Customer Tier,flag,joined\ngold,1,2024-01-01\nsilver,0,2024-01-02\nbronze,1,2024-01-03\ngold,2,2024-01-04\n';
    const { report, rows } = await importAll(text, {
      schema: [
        { name: 'Customer_Tier', type: 'string', allowedValues: ['gold', 'silver'] },
        { name: 'flag', type: 'boolean' },
        { name: 'joined', type: 'string' },
        { name: 'unused', type: 'number' },
      ],
    });
    expect(rows.map((r) => r.customer)).toEqual([
      { Customer_Tier: 'gold', flag: true, joined: '2024-01-01' },
      { Customer_Tier: 'silver', flag: false, joined: '2024-01-02' },
    ]);
    expect(report.rejected.map((r) => [r.line, r.kind, r.value])).toEqual([
      [4, 'not-allowed', 'bronze'],
      [5, 'invalid-boolean', '2'],
    ]);
    expect(report.warnings).toEqual(['The schema field "unused" has no column in the file.']);
    // Many absent fields make one warning, not one each.
    const fields = Array.from({ length: 14 }, (_, i) => ({ name: `f${i}`, type: 'string' as const }));
    const many = await importAll(text, { schema: fields });
    expect(many.report.warnings).toEqual([
      '14 schema fields have no column in the file: "f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9" and 4 more.',
    ]);
  });

  it('renames a column to another customer field, typed as that field is declared', async () => {
    const text = 'id,Age,tier,ageYears\na,34,gold,x\nb,old,silver,y\n';
    const schema: ImportOptions['schema'] = [
      { name: 'ageYears', type: 'number' },
      { name: 'level', type: 'string', allowedValues: ['gold'] },
    ];
    const { report, rows } = await importAll(text, {
      schema,
      mapping: { customerId: 'id', fields: ['Age', 'tier'], fieldNames: { Age: 'ageYears', tier: 'level' } },
    });
    expect(rows.map((r) => r.customer)).toEqual([{ ageYears: 34, level: 'gold' }]);
    expect(report.rejected.map((r) => [r.line, r.column, r.kind])).toEqual([[3, 'Age', 'invalid-number']]);
    expect(report.fields.map((f) => f.name)).toEqual(['ageYears', 'level']);
    expect(report.warnings).toEqual([]);
    // An undeclared target keeps the type suggested from the file.
    const plain = await importAll('Customer Tier\ngold\n', {
      mapping: { fieldNames: { 'Customer Tier': 'segment' } },
    });
    expect(plain.rows[0]!.customer).toEqual({ segment: 'gold' });
    // Two columns cannot become one field; a field name must be an identifier; the column must exist.
    const both = await failure(importAll(text, { schema, mapping: { fieldNames: { Age: 'ageYears' } } }));
    expect(both.message).toContain('"Age" and "ageYears" would both become the customer field "ageYears"');
    const bad = await failure(importAll(text, { mapping: { fieldNames: { Age: 'age in years' } } }));
    expect(bad.message).toContain('letters, digits and _');
    expect((await failure(importAll(text, { mapping: { fieldNames: { AGE: 'a' } } }))).code).toBe(
      'unknown-column',
    );
  });

  it('suggests allowedValues from the whole file but does not enforce inferred ones', async () => {
    const lines = ['tier'];
    for (let i = 0; i < 20; i++) lines.push(i % 2 ? 'gold' : 'silver');
    lines.push('platinum', 'platinum');
    const { report } = await importAll(lines.join('\n'), { sampleRows: 10 });
    expect(report.rowsKept).toBe(22);
    expect(report.fields).toEqual([
      { name: 'tier', type: 'string', allowedValues: ['gold', 'platinum', 'silver'] },
    ]);
    expect(report.columns[0]).toMatchObject({
      name: 'tier',
      distinct: 3,
      missing: 0,
      topValues: [
        { value: 'gold', count: 10 },
        { value: 'silver', count: 10 },
        { value: 'platinum', count: 2 },
      ],
    });
  });

  it('maps the customer id, a logged action over two columns, the outcome and the propensity', async () => {
    const text = [
      'cust,offer,expiry,result,p,age,region',
      'c1,Coffee,1d,accepted,0.25,30,north',
      'c2,Bar,2h,0,0.5,41,south',
      'c3,Bar,2h,maybe,0.5,41,south',
      'c4,Bar,2h,1,0,41,south',
      ',Bar,2h,1,0.5,41,south',
      'c6,,2h,1,0.5,41,south',
      'c7,Bar,2h,Clicked,1,,north',
    ].join('\n');
    const { report, rows } = await importAll(text, {
      mapping: {
        customerId: 'cust',
        loggedAction: ['offer', 'expiry'],
        outcome: 'result',
        loggingPropensity: 'p',
        segmentColumns: ['region'],
      },
    });
    expect(rows).toEqual([
      {
        line: 2,
        customerId: 'c1',
        customer: { age: 30, region: 'north' },
        logged: { actionId: 'Coffee|1d', outcome: 1, propensity: 0.25 },
        segments: { region: 'north' },
      },
      {
        line: 3,
        customerId: 'c2',
        customer: { age: 41, region: 'south' },
        logged: { actionId: 'Bar|2h', outcome: 0, propensity: 0.5 },
        segments: { region: 'south' },
      },
      {
        line: 8,
        customerId: 'c7',
        customer: { region: 'north' },
        logged: { actionId: 'Bar|2h', outcome: 1, propensity: 1 },
        segments: { region: 'north' },
      },
    ]);
    expect(report.rejected.map((r) => [r.line, r.kind, r.column])).toEqual([
      [4, 'invalid-outcome', 'result'],
      [5, 'invalid-propensity', 'p'],
      [6, 'missing-required', 'cust'],
      [7, 'missing-required', 'offer'],
    ]);
    expect(report.rejected[2]!.reason).toBe('the customer id (cust) is empty; every row needs one');
    expect(report.columns.map((c) => [c.name, c.roles, c.type])).toEqual([
      ['cust', ['customerId'], 'string'],
      ['offer', ['loggedAction'], 'string'],
      ['expiry', ['loggedAction'], 'string'],
      ['result', ['outcome'], 'number'],
      ['p', ['loggingPropensity'], 'number'],
      ['age', ['field'], 'number'],
      ['region', ['field', 'segment'], 'string'],
    ]);
    expect(report.columns.find((c) => c.name === 'age')).toMatchObject({
      missing: 1,
      distinct: 2,
      min: 30,
      max: 41,
    });
  });

  it('imports only the listed fields and reports the others as ignored', async () => {
    const { report, rows } = await importAll('a,b,c\n1,x,2\n', { mapping: { fields: ['c', 'a'] } });
    expect(rows[0]!.customer).toEqual({ a: 1, c: 2 });
    expect(report.ignoredColumns).toEqual(['b']);
    expect(report.columns.map((c) => c.name)).toEqual(['a', 'c']);
  });

  it('refuses a mapping that does not fit the file, saying what to do', async () => {
    const text = 'id,email,action,y\n1,a@x.org,A,1\n';
    const unknown = await failure(importAll(text, { mapping: { outcome: 'Y', loggedAction: 'action' } }));
    expect(unknown.code).toBe('unknown-column');
    expect(unknown.message).toContain('"Y"');
    expect(unknown.message).toContain('"y"');
    expect((await failure(importAll(text, { mapping: { outcome: 'y' } }))).code).toBe('invalid-options');
    expect((await failure(importAll(text, { mapping: { loggedAction: 'action' } }))).message).toContain(
      'outcome',
    );
    expect(
      (await failure(importAll(text, { mapping: { customerId: 'email' }, personal: { email: 'drop' } })))
        .message,
    ).toContain('can be hashed, not dropped');
    expect((await failure(importAll(text, { personal: { email: 'hash' } }))).message).toContain('hashSalt');
    expect((await failure(importAll(text, { personal: { email: 'hash' }, hashSalt: 'short' }))).code).toBe(
      'invalid-options',
    );
    expect((await failure(importAll(text, { batchSize: 0 }))).message).toContain('batchSize');
  });

  describe('personal columns', () => {
    const text =
      'email,phone,age,tier\njane@example.com,+31 6 1234,34,gold\nbob@example.com,+31 6 9876,abc,gold\n,+31 6 5555,50,silver\n';

    it('hashes with HMAC-SHA-256 and the salt, or drops, and keeps them out of the report', async () => {
      const { report, rows } = await importAll(text, {
        personal: { email: 'hash', phone: 'drop' },
        hashSalt: SALT,
        schema: [{ name: 'age', type: 'number' }],
      });
      const hmac = (v: string) => createHmac('sha256', SALT).update(v).digest('hex');
      expect(rows.map((r) => r.customer)).toEqual([
        { email: hmac('jane@example.com'), age: 34, tier: 'gold' },
        { age: 50, tier: 'silver' },
      ]);
      expect(report.droppedColumns).toEqual(['phone']);
      expect(report.fields.find((f) => f.name === 'email')).toEqual({
        name: 'email',
        type: 'string',
        personal: true,
      });
      expect(report.columns.find((c) => c.name === 'email')).toEqual({
        name: 'email',
        roles: ['field'],
        field: 'email',
        type: 'string',
        personal: 'hash',
        missing: 1,
        present: 1,
        distinct: 1,
        distinctCapped: false,
      });
      const json = JSON.stringify(report);
      for (const secret of ['jane', 'bob@', '+31', hmac('jane@example.com')])
        expect(json).not.toContain(secret);
      expect(report.rejected).toEqual([
        { line: 3, column: 'age', kind: 'invalid-number', reason: expect.any(String), value: 'abc' },
      ]);
    });

    it('hashes a schema field marked personal by default, and a hashed customer id stays a stable pseudonym', async () => {
      const { rows } = await importAll(text, {
        schema: [{ name: 'phone', type: 'string', personal: true }],
        mapping: { customerId: 'phone' },
        hashSalt: SALT,
      });
      expect(rows[0]!.customerId).toBe(createHmac('sha256', SALT).update('+31 6 1234').digest('hex'));
      expect(rows[0]!.customer['phone']).toBeUndefined();
      expect(rows[0]!.customer['email']).toBe('jane@example.com');
    });

    it('keeps a field declared personal in clear when the mapping says keep, typed as declared', async () => {
      const schema: ImportOptions['schema'] = [{ name: 'age', type: 'number', personal: true }];
      const kept = await importAll(text, { schema, personal: { age: 'keep' } });
      expect(kept.rows.map((r) => r.customer['age'])).toEqual([34, 50]);
      expect(kept.report.columns.find((c) => c.name === 'age')!.personal).toBeUndefined();
      const hashed = await importAll(text, { schema, hashSalt: SALT });
      expect(hashed.rows[0]!.customer['age']).toMatch(/^[0-9a-f]{64}$/);
      expect(hashed.report.columns.find((c) => c.name === 'age')!.personal).toBe('hash');
    });
  });

  it('reports progress as it goes and once at the end', async () => {
    const lines = ['id,v'];
    for (let i = 0; i < 5_500; i++) lines.push(`${i},${i % 7 === 0 ? 'bad' : i}`);
    const text = `${lines.join('\n')}\n`;
    const seen: ImportProgress[] = [];
    const { report } = await importAll(text, {
      schema: [{ name: 'v', type: 'number' }],
      batchSize: 1_000,
      totalBytes: text.length,
      onProgress: (p) => seen.push(p),
      chunkSize: 4096,
    });
    expect(seen.length).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]!.bytesRead).toBeGreaterThanOrEqual(seen[i - 1]!.bytesRead);
      expect(seen[i]!.rowsRead).toBeGreaterThanOrEqual(seen[i - 1]!.rowsRead);
    }
    expect(seen.filter((p) => p.done)).toHaveLength(1);
    expect(seen.at(-1)).toEqual({
      bytesRead: text.length,
      totalBytes: text.length,
      rowsRead: 5_500,
      rowsKept: report.rowsKept,
      rowsRejected: 786,
      done: true,
    });
  });

  it('tells onPlan what each column becomes before any row, and stops when it throws', async () => {
    const text = 'id,Age,email\nc1,30,a@example.com\nc2,41,b@example.com\n';
    const planned: unknown[] = [];
    const { rows } = await importAll(text, {
      mapping: { customerId: 'id', fieldNames: { Age: 'age' } },
      personal: { email: 'hash' },
      hashSalt: 'a-secret-of-16-chars',
      onPlan: (columns) => void planned.push(columns),
    });
    expect(planned).toEqual([
      [
        { name: 'id', roles: ['customerId'], hashed: false },
        { name: 'Age', roles: ['field'], field: 'age', hashed: false },
        { name: 'email', roles: ['field'], field: 'email', hashed: true },
      ],
    ]);
    expect(rows).toHaveLength(2);

    let delivered = 0;
    await expect(
      importDataset(chunked(text), {
        onPlan: () => {
          throw new Error('no such field');
        },
        onRows: (batch) => void (delivered += batch.length),
      }),
    ).rejects.toThrow('no such field');
    expect(delivered).toBe(0);
  });

  it('reads the source only as fast as onRows takes the rows (backpressure)', async () => {
    const total = 100_000;
    let generated = 0;
    let delivered = 0;
    let maxAhead = 0;
    async function* rowsOnDemand(): AsyncGenerator<string> {
      yield 'id,name,score\n';
      while (generated < total) {
        let chunk = '';
        for (let i = 0; i < 100; i++, generated++)
          chunk += `${generated},name-${generated},${generated % 100}\n`;
        yield chunk;
      }
    }
    const report = await importDataset(rowsOnDemand(), {
      onRows: async (rows) => {
        delivered += rows.length;
        maxAhead = Math.max(maxAhead, generated - delivered);
        await new Promise((resolve) => setTimeout(resolve, 1));
      },
    });
    expect(report.rowsKept).toBe(total);
    // The type-inference sample (5,000 rows), one batch and a 64 KiB chunk: never the whole file.
    expect(maxAhead).toBeLessThan(12_000);
  });

  it('reads JSON lines: JSON types, keys as columns, bad lines and unknown keys as bad rows', async () => {
    const text = [
      '{"id":"c1","age":30,"vip":true,"tags":["a","b"],"joined":"2024-01-01"}',
      '{"id":"c2","age":41,"vip":false,"tags":[],"joined":"2024-02-01","extra":null}',
      '{"id":"c3","age":"old","vip":false}',
      'not json',
      '{"id":"c5","age":50,"address":{"city":"Delft"}}',
      '{"id":"c6","age":51,"surprise":1}',
      '["an","array"]',
    ].join('\n');
    const { report, rows } = await importAll(text, { sampleRows: 2, mapping: { customerId: 'id' } });
    expect(report.format.kind).toBe('jsonl');
    expect(report.header).toEqual(['id', 'age', 'vip', 'tags', 'joined', 'extra']);
    expect(rows).toEqual([
      { line: 1, customerId: 'c1', customer: { age: 30, vip: true, tags: ['a', 'b'], joined: '2024-01-01' } },
      { line: 2, customerId: 'c2', customer: { age: 41, vip: false, tags: [], joined: '2024-02-01' } },
    ]);
    expect(report.rejected.map((r) => [r.line, r.kind, r.column])).toEqual([
      [3, 'invalid-number', 'age'],
      [4, 'invalid-json', undefined],
      [5, 'unexpected-column', 'address'],
      [6, 'unexpected-column', 'surprise'],
      [7, 'not-an-object', undefined],
    ]);
  });

  it('imports UTF-16 with a byte-order mark, byte by byte', async () => {
    const text = 'name,city\nZoë,Malmö\n😀,Łódź\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const { report, rows } = await importAll(le, { chunkSize: 1 });
    expect(report.format).toMatchObject({ encoding: 'utf-16le', bom: true });
    expect(rows.map((r) => r.customer)).toEqual([
      { name: 'Zoë', city: 'Malmö' },
      { name: '😀', city: 'Łódź' },
    ]);
  });

  it('reads a Latin-1 file as Windows-1252 and says so', async () => {
    const { report, rows } = await importAll(Buffer.from('name,quote\nJosé,\x93ok\x94\n', 'latin1'));
    expect(rows[0]!.customer).toEqual({ name: 'José', quote: '\u201cok\u201d' });
    expect(report.warnings[0]).toContain('Windows-1252');
  });

  it('rejects a row holding bytes that are not UTF-8 when they come after the detection sample', async () => {
    const good = `id,name\n${Array.from({ length: 8_000 }, (_, i) => `${i},name${i}`).join('\n')}\n`;
    const data = Buffer.concat([
      Buffer.from(good),
      Buffer.from([0x39, 0x2c, 0xff, 0xfe, 0x0a]),
      Buffer.from('10,ok\n'),
    ]);
    const { report } = await importAll(data, { chunkSize: 1000 });
    expect(report.rowsKept).toBe(8_001);
    expect(report.rejected).toEqual([
      {
        line: 8_002,
        column: 'name',
        kind: 'encoding',
        reason: expect.stringContaining('not valid UTF-8'),
        value: '\ufffd\ufffd',
      },
    ]);
  });

  it('rejects values PostgreSQL cannot store (NUL, a lone surrogate) one row at a time, showing them escaped', async () => {
    const jsonl = [
      '{"id":"a","note":"fine \\ud83d\\ude00"}',
      '{"id":"b","note":"nul \\u0000 inside"}',
      '{"id":"c","note":"half \\ud800 pair"}',
      '{"id":"d","note":["list", "with \\u0000"]}',
      '{"id":"e","note":"ok"}',
      '',
    ].join('\n');
    const { report, rows } = await importAll(jsonl, { format: { kind: 'jsonl' } });
    expect(rows.map((r) => r.customer)).toEqual([
      { id: 'a', note: 'fine \u{1F600}' },
      { id: 'e', note: 'ok' },
    ]);
    expect(report.rejectedByReason).toEqual({ encoding: 3 });
    expect(report.rejected.map((r) => [r.line, r.column, r.value])).toEqual([
      [2, 'note', 'nul \\u0000 inside'],
      [3, 'note', 'half \\ud800 pair'],
      [4, 'note', '["list","with \\u0000"]'],
    ]);
    expect(report.rejected[0]!.reason).toContain('NUL character');
    expect(report.rejected[1]!.reason).toContain('surrogate');
    // A NUL byte after the detection sample of a CSV file.
    const csv = `id,name\n${Array.from({ length: 8_000 }, (_, i) => `c${i},n${i}`).join('\n')}\nx,a\u0000b\ny,ok\n`;
    const fromCsv = await importAll(csv, { chunkSize: 1000 });
    expect(fromCsv.report.rowsKept).toBe(8_001);
    expect(fromCsv.report.rejected).toEqual([
      expect.objectContaining({ line: 8_002, column: 'name', kind: 'encoding', value: 'a\\u0000b' }),
    ]);
  });

  it('accepts a file with a header only, naming unnamed columns', async () => {
    const { report, rows } = await importAll(',id,name\n');
    expect(rows).toEqual([]);
    expect(report).toMatchObject({ header: ['column_1', 'id', 'name'], rowsRead: 0, rowsKept: 0 });
    expect(report.warnings).toEqual([
      'Column 1 has no name in the header; it is called "column_1".',
      'The file has a header but no data rows.',
    ]);
  });

  it('throws a clear error for an empty, binary or header-less file and for duplicate column names', async () => {
    expect((await failure(importAll(''))).code).toBe('empty');
    expect((await failure(importAll(Buffer.from([0x00, 0x01, 0x02, 0x03])))).code).toBe('binary');
    expect((await failure(importAll('1,2,3\n4,5,6\n'))).code).toBe('no-header');
    const duplicate = await failure(importAll('id,age,age\n1,2,3\n'));
    expect(duplicate.code).toBe('duplicate-column');
    expect(duplicate.message).toBe(
      'Columns 2 and 3 in the header line are both called "age". Give every column a different name and upload again.',
    );
  });

  it('refuses a file wider than MAX_COLUMNS columns, CSV or JSON lines, before typing any row', async () => {
    const names = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`);
    const wide = await failure(
      importAll(
        `${names(MAX_COLUMNS + 1).join(',')}\n${names(MAX_COLUMNS + 1)
          .map(() => 1)
          .join(',')}\n`,
      ),
    );
    expect(wide.code).toBe('too-many-columns');
    expect(wide.message).toBe(
      `The file has ${MAX_COLUMNS + 1} columns; at most ${MAX_COLUMNS} are supported. Leave out the columns no strategy reads.`,
    );
    const object = Object.fromEntries(names(MAX_COLUMNS + 1).map((n) => [n, 1]));
    expect(
      (await failure(importAll(`${JSON.stringify(object)}\n`, { format: { kind: 'jsonl' } }))).code,
    ).toBe('too-many-columns');
    const { report } = await importAll(
      `${names(MAX_COLUMNS).join(',')}\n${names(MAX_COLUMNS)
        .map(() => 1)
        .join(',')}\n`,
    );
    expect(report.rowsKept).toBe(1);
  });

  it('lets other work run while it types a wide file (a server keeps answering)', async () => {
    const names = Array.from({ length: 1_000 }, (_, i) => `c${i}`);
    const row = (r: number) => `${r},${names.map((_, i) => (i * r) % 97).join(',')}`;
    const csv = `id,${names.join(',')}\n${Array.from({ length: 600 }, (_, r) => row(r)).join('\n')}\n`;
    let turns = 0;
    const tick = setInterval(() => turns++, 0);
    const { report } = await importAll(csv);
    clearInterval(tick);
    expect(report.rowsKept).toBe(600);
    expect(turns).toBeGreaterThan(5);
    // 600,000 values: seconds on a machine busy with other test suites (CI), never a verdict on speed.
  }, 60_000);

  it('reads a header-less file when the column names are given', async () => {
    const { rows } = await importAll('1,2\n3,4\n', { format: { columnNames: ['a', 'b'] } });
    expect(rows.map((r) => [r.line, r.customer])).toEqual([
      [1, { a: 1, b: 2 }],
      [2, { a: 3, b: 4 }],
    ]);
  });

  it('treats the configured markers as missing values', async () => {
    const { report, rows } = await importAll('a,b\n1,NA\n2,3\nNA,\n', { missingValues: ['', 'NA'] });
    expect(rows.map((r) => r.customer)).toEqual([{ a: 1 }, { a: 2, b: 3 }, {}]);
    expect(report.columns.map((c) => [c.name, c.type, c.missing])).toEqual([
      ['a', 'number', 1],
      ['b', 'number', 2],
    ]);
  });

  it('lists the first rejected rows but counts them all', async () => {
    const text = `n\n${Array.from({ length: 30 }, (_, i) => (i % 2 ? String(i) : 'x')).join('\n')}`;
    const { report } = await importAll(text, {
      maxRejectedListed: 5,
      schema: [{ name: 'n', type: 'number' }],
    });
    expect(report.rejected).toHaveLength(5);
    expect(report.rowsRejected).toBe(15);
    expect(report.rejectedByReason).toEqual({ 'invalid-number': 15 });
  });

  it('reads a Node stream and cuts large chunks into small pieces', async () => {
    const text = `id,v\n${Array.from({ length: 20_000 }, (_, i) => `${i},${i * 2}`).join('\n')}\n`;
    const batches: number[] = [];
    const report = await importDataset(Readable.from([Buffer.from(text)]), {
      onRows: (rows) => void batches.push(rows.length),
    });
    expect(report.rowsKept).toBe(20_000);
    expect(Math.max(...batches)).toBe(1_000);
  });

  it('stops when cancelled and releases the source', async () => {
    const controller = new AbortController();
    let released = false;
    async function* endless(): AsyncGenerator<string> {
      try {
        yield 'id\n';
        for (let i = 0; ; i++) yield `${i}\n`.repeat(100);
      } finally {
        released = true;
      }
    }
    const options: ImportOptions = {
      signal: controller.signal,
      sampleRows: 10,
      onRows: () => controller.abort(),
    };
    const error = await failure(importDataset(endless(), options));
    expect(error.code).toBe('aborted');
    expect(released).toBe(true);
  });

  it('releases the source when the file is refused', async () => {
    let released = false;
    async function* binary(): AsyncGenerator<Uint8Array> {
      try {
        yield Buffer.from([0, 1, 2, 3]);
        yield Buffer.from([4]);
      } finally {
        released = true;
      }
    }
    expect((await failure(importDataset(binary(), { onRows: () => undefined }))).code).toBe('binary');
    expect(released).toBe(true);
  });

  it('accepts strings from the source as well as bytes', async () => {
    const { rows } = await importAll(chunked('a,b\n1,2\n', 3));
    expect(rows[0]!.customer).toEqual({ a: 1, b: 2 });
  });
});
