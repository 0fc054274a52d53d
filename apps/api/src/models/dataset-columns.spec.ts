import type { ColumnReport, DataQualityReport } from '@arbiter/datasets';
import { targetColumns, trainingColumns, unusableReason } from './dataset-columns';
import type { StoredRowJson } from '../datasets/dataset-rows.repository';
import { TrainingRowDecoder } from './training-rows';

const column = (
  name: string,
  roles: ColumnReport['roles'],
  extra: Partial<ColumnReport> = {},
): ColumnReport => ({
  name,
  roles,
  type: 'string',
  missing: 0,
  present: 10,
  distinct: 2,
  distinctCapped: false,
  topValues: [
    { value: 'a', count: 6 },
    { value: 'b', count: 4 },
  ],
  ...extra,
});

/** The coupon sample's shape: the offer is two columns (coupon, expiration) joined into the logged action id. */
const report = {
  columns: [
    column('weather', ['field'], { field: 'weather' }),
    column('Age', ['field'], { field: 'ageYears', type: 'number', distinct: 60, topValues: [] }),
    column('coupon', ['loggedAction']),
    column('expiration', ['loggedAction']),
    column('Y', ['outcome'], {
      type: 'number',
      topValues: [
        { value: 0, count: 6 },
        { value: 1, count: 4 },
      ],
    }),
    column('email', ['field'], { field: 'email', personal: 'hash' }),
  ],
} as unknown as DataQualityReport;

describe('the columns of a dataset, as training sees them', () => {
  const columns = trainingColumns(report, [{ name: 'weather', type: 'string' }]);
  const byName = (name: string) => columns.find((c) => c.name === name)!;

  it('reads the logged action (one or several columns) as one predictor: the candidate action’s id', () => {
    expect(columns.map((c) => c.name)).toEqual(['weather', 'Age', 'coupon + expiration', 'Y', 'email']);
    expect(byName('coupon + expiration')).toMatchObject({
      input: 'action.id',
      source: { kind: 'action' },
      declared: true,
    });
  });

  it('reads a renamed column through the customer field it became, and knows which fields decisions carry', () => {
    expect(byName('Age')).toMatchObject({ input: 'customer.ageYears', declared: false });
    expect(byName('weather')).toMatchObject({ input: 'customer.weather', declared: true });
    // Without a declared schema, strategies are not checked against one: every field counts.
    expect(trainingColumns(report, []).find((c) => c.name === 'Age')).toMatchObject({ declared: true });
  });

  it('offers the outcome first as a target, with its values as text, and never a hashed column', () => {
    expect(targetColumns(columns).map((c) => [c.name, c.values])).toEqual([
      ['Y', ['0', '1']],
      ['weather', ['a', 'b']],
    ]);
    expect(unusableReason(byName('email'), 'Y')).toMatch(/hashed/);
    expect(unusableReason(byName('Y'), 'weather')).toMatch(/known only after the decision/);
  });

  it('turns stored rows into rows keyed by column, a missing value undefined', () => {
    const decoder = new TrainingRowDecoder(columns.map(({ name, source }) => ({ name, source })));
    const row: StoredRowJson = ['c1', { actionId: 'bar-1d', outcome: 1 }, { weather: 'Sunny' }];
    expect(decoder.decode(row)).toEqual({
      weather: 'Sunny',
      Age: undefined,
      'coupon + expiration': 'bar-1d',
      Y: 1,
      email: undefined,
    });
    expect(decoder.decode(['c2', null, {}])).toEqual({
      weather: undefined,
      Age: undefined,
      'coupon + expiration': undefined,
      Y: undefined,
      email: undefined,
    });
  });
});
