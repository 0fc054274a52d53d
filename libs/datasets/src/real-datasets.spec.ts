import * as fs from 'node:fs';
import * as path from 'node:path';
import { COUPON_NUMBER_COLUMNS } from '@arbiter/engine/examples';
import { importDataset } from './import-dataset';
import { inspectDataset } from './inspect-dataset';
import { COUPON_CSV, OBD_DIR } from './test-support/data-files';
import type { ImportedRow } from './types';

const OBD_CSV = path.join(OBD_DIR, 'bts', 'men', 'men.csv');

async function importFile(file: string, options: Omit<Parameters<typeof importDataset>[1], 'onRows'> = {}) {
  const rows: ImportedRow[] = [];
  const report = await importDataset(fs.createReadStream(file), {
    ...options,
    onRows: (batch) => void rows.push(...batch),
  });
  return { report, rows };
}

(fs.existsSync(COUPON_CSV) ? describe : describe.skip)(`UCI in-vehicle coupon CSV (${COUPON_CSV})`, () => {
  it('imports all 12,684 rows with the right types and the documented missing counts', async () => {
    const { report, rows } = await importFile(COUPON_CSV, {
      mapping: { loggedAction: ['coupon', 'expiration'], outcome: 'Y' },
    });
    expect(report.format).toEqual({
      kind: 'csv',
      encoding: 'utf-8',
      bom: false,
      delimiter: ',',
      quote: '"',
      lineEnding: 'crlf',
      header: true,
      notes: [],
    });
    expect(report).toMatchObject({
      bytesRead: 2_163_456,
      rowsRead: 12_684,
      rowsKept: 12_684,
      rowsRejected: 0,
      blankLines: 0,
    });
    expect(rows).toHaveLength(12_684);

    const type = Object.fromEntries(report.fields.map((f) => [f.name, f.type]));
    // The number columns the coupon example declares (0/1 flags and the temperature).
    expect(COUPON_NUMBER_COLUMNS.size).toBe(7);
    for (const n of COUPON_NUMBER_COLUMNS) expect([n, type[n]]).toEqual([n, 'number']);
    for (const s of [
      'destination',
      'passanger',
      'weather',
      'time',
      'gender',
      'age',
      'maritalStatus',
      'education',
      'occupation',
      'income',
      'car',
      'Bar',
    ]) {
      expect([s, type[s]]).toEqual([s, 'string']);
    }
    expect(type['coupon']).toBeUndefined();
    expect(report.fields.find((f) => f.name === 'occupation')!.allowedValues).toHaveLength(25);

    const missing = Object.fromEntries(report.columns.map((c) => [c.name, c.missing]));
    expect(missing).toMatchObject({
      car: 12_576,
      Bar: 107,
      CoffeeHouse: 217,
      CarryAway: 151,
      RestaurantLessThan20: 130,
      Restaurant20To50: 189,
      age: 0,
    });
    expect(report.columns.find((c) => c.name === 'temperature')).toMatchObject({
      distinct: 3,
      min: 30,
      max: 80,
    });

    expect(rows[0]).toEqual({
      line: 2,
      customer: expect.objectContaining({
        destination: 'No Urgent Place',
        passanger: 'Alone',
        temperature: 55,
        time: '2PM',
        has_children: 1,
        age: '21',
      }),
      logged: { actionId: 'Restaurant(<20)|1d', outcome: 1 },
    });
    expect(rows[0]!.customer).not.toHaveProperty('car');
    expect(new Set(rows.map((r) => r.logged!.actionId)).size).toBe(10);
    expect(rows.reduce((sum, r) => sum + r.logged!.outcome, 0)).toBe(7_210);
    expect(rows.at(-1)!.line).toBe(12_685);
  });

  it('suggests the same types from the first rows alone', async () => {
    const inspection = await inspectDataset(fs.createReadStream(COUPON_CSV), { sampleRows: 1_000 });
    expect(inspection.sampledRows).toBe(1_000);
    expect(inspection.bytesRead).toBeLessThan(2_163_456);
    expect(inspection.columns.find((c) => c.column === 'Y')!.field).toEqual({ name: 'Y', type: 'number' });
  });
});

(fs.existsSync(OBD_CSV) ? describe : describe.skip)(`Open Bandit Dataset, bts/men (${OBD_CSV})`, () => {
  it('imports 10,000 logged impressions with action, click and propensity', async () => {
    const { report, rows } = await importFile(OBD_CSV, {
      mapping: { loggedAction: 'item_id', outcome: 'click', loggingPropensity: 'propensity_score' },
    });
    expect(report).toMatchObject({ rowsRead: 10_000, rowsKept: 10_000, rowsRejected: 0 });
    expect(report.format).toMatchObject({ delimiter: ',', lineEnding: 'lf' });
    expect(report.header[0]).toBe('column_1');
    expect(report.warnings).toEqual(['Column 1 has no name in the header; it is called "column_1".']);
    expect(rows.reduce((sum, r) => sum + r.logged!.outcome, 0)).toBe(69);
    expect(rows.every((r) => r.logged!.propensity! > 0 && r.logged!.propensity! <= 1)).toBe(true);
    expect(new Set(rows.map((r) => r.logged!.actionId)).size).toBe(34);

    const first = rows[0]!;
    expect(first.logged).toEqual({ actionId: '2', outcome: 0, propensity: 0.045525 });
    expect(first.customer).toMatchObject({
      timestamp: '2019-11-24T00:01:03.979311+00:00',
      position: 2,
      user_feature_0: 'cef3390ed299c09874189c387777674a',
      user_item_affinity_0: 0,
    });
    const affinity = report.fields.find((f) => f.name === 'user_item_affinity_0');
    expect(affinity).toEqual({ name: 'user_item_affinity_0', type: 'number', label: 'user-item_affinity_0' });
    expect(report.fields.find((f) => f.name === 'timestamp')!.type).toBe('date');
    expect(report.columns.find((c) => c.name === 'propensity_score')).toMatchObject({
      roles: ['loggingPropensity'],
      type: 'number',
      missing: 0,
    });
  });
});
