import * as fs from 'node:fs';
import { readCsvFields } from './csv';
import { COUPON_CSV } from './test-support/data-files';
import { failure, importAll } from './test-support/sources';

/**
 * A real single-offer campaign: the survey rows where the coupon was "Coffee House, 1 day", without
 * the coupon columns (the file of a campaign that had only that offer) and without a customer id.
 */
function coffeeCampaign(rows: number): { csv: string; outcomes: number[] } {
  const [columns, ...records] = readCsvFields(fs.readFileSync(COUPON_CSV, 'utf8'));
  if (!columns) throw new Error('the coupon CSV is empty');
  const coupon = columns.indexOf('coupon');
  const expiration = columns.indexOf('expiration');
  const y = columns.indexOf('Y');
  const keep = (cells: string[]) => cells.filter((_, i) => i !== coupon && i !== expiration);
  const chosen = records.filter((c) => c[coupon] === 'Coffee House' && c[expiration] === '1d').slice(0, rows);
  return {
    csv: [keep(columns), ...chosen.map(keep)].map((c) => c.join(',')).join('\n') + '\n',
    outcomes: chosen.map((c) => Number(c[y])),
  };
}

describe('a single-offer dataset (every row was offered the same action)', () => {
  const { csv, outcomes } = coffeeCampaign(120);

  it('logs the named action on every row, with the outcome of the row', async () => {
    const { report, rows } = await importAll(csv, {
      mapping: { outcome: 'Y', offeredAction: 'coffee-house-1d' },
    });
    expect(report.rowsKept).toBe(120);
    expect(rows.map((r) => r.logged)).toEqual(
      outcomes.map((outcome) => ({ actionId: 'coffee-house-1d', outcome })),
    );
    expect(rows.every((r) => r.customerId === undefined)).toBe(true);
    expect(report.columns.find((c) => c.name === 'Y')!.roles).toEqual(['outcome']);
    expect(report.columns.some((c) => c.roles.includes('loggedAction'))).toBe(false);
  });

  it('is refused without the offered action, saying it can be named', async () => {
    const refused = await failure(importAll(csv, { mapping: { outcome: 'Y' } }));
    expect(refused.code).toBe('invalid-options');
    expect(refused.message).toContain('every row was offered the same action');
  });

  it('takes either a logged action column or the offered action, and needs the outcome', async () => {
    const both = await failure(
      importAll('offer,Y,age\ncard,1,30\n', {
        mapping: { outcome: 'Y', loggedAction: 'offer', offeredAction: 'card' },
      }),
    );
    expect(both.message).toContain('not both');
    const withoutOutcome = await failure(importAll(csv, { mapping: { offeredAction: 'coffee-house-1d' } }));
    expect(withoutOutcome.message).toContain('outcome');
  });
});
