import { inferColumns, inferFields } from './infer-types';

const column = (values: unknown[], options = {}) =>
  inferColumns(
    ['c'],
    values.map((v) => [v]),
    options,
  )[0]!.field;

describe('inferColumns', () => {
  it('infers numbers: decimals, negatives, exponents, surrounding spaces', () => {
    expect(column(['1', '-2.5', '3e-4', ' 42 ', '.5', '+7']).type).toBe('number');
  });

  it('keeps codes with leading zeros and over-long integers as strings', () => {
    expect(column(['007', '12', '3']).type).toBe('string');
    expect(column(['12345678901234567890', '1']).type).toBe('string');
    expect(column(['0', '0.5', '0e1']).type).toBe('number');
  });

  it('makes a strictly 0/1 column a number, and true/false/yes/no a boolean', () => {
    expect(column(['0', '1', '1', '0']).type).toBe('number');
    expect(column(['true', 'FALSE', 'Yes', 'no']).type).toBe('boolean');
    expect(column(['true', '1']).type).toBe('string');
  });

  it('infers ISO 8601 dates and date-times, and only real calendar days', () => {
    expect(column(['2024-03-01', '2024-02-29T10:00:00Z', '2019-11-24 00:03:13.442536+00:00']).type).toBe(
      'date',
    );
    expect(column(['2023-02-29']).type).toBe('string');
    expect(column(['01/03/2024']).type).toBe('string');
  });

  it('infers lists from JSON arrays, in CSV text or JSON values', () => {
    expect(column(['["a","b"]', '[]', '[1]']).type).toBe('list');
    expect(column([['a'], [2, true]]).type).toBe('list');
    expect(column([[{ nested: 1 }]]).type).toBe('string');
  });

  it('reads JSON values by their JSON type', () => {
    expect(column([1, 2.5, -3]).type).toBe('number');
    expect(column([true, false]).type).toBe('boolean');
    expect(column([1, 'x']).type).toBe('string');
  });

  it('ignores missing values, and calls a column with none a string', () => {
    expect(column(['', '5', null, undefined, '  ']).type).toBe('number');
    expect(column(['', '']).type).toBe('string');
    expect(column(['NA', '5'], { missingValues: ['', 'NA'] }).type).toBe('number');
  });

  it('suggests allowedValues for texts with few distinct values that repeat', () => {
    expect(column(['gold', 'silver', 'gold', 'bronze', 'silver', 'gold']).allowedValues).toEqual([
      'bronze',
      'gold',
      'silver',
    ]);
    expect(column(['Ann', 'Bob', 'Cy']).allowedValues).toBeUndefined();
    const many = Array.from({ length: 200 }, (_, i) => `v${i % 60}`);
    expect(column(many).allowedValues).toBeUndefined();
  });

  it('derives identifier field names and keeps the column name as label', () => {
    const fields = inferFields(['', 'user-item affinity', '2nd', 'Âge', 'age'], [['1', '2', '3', '4', '5']]);
    expect(fields.map((f) => [f.name, f.label])).toEqual([
      ['column', undefined],
      ['user_item_affinity', 'user-item affinity'],
      ['_2nd', '2nd'],
      ['Age', 'Âge'],
      ['age', undefined],
    ]);
  });
});
