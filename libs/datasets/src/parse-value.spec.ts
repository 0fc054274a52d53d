import { missingTest, readOutcome, readPropensity, typeValue } from './parse-value';

const ok = (value: unknown) => ({ ok: true, value });

describe('typeValue', () => {
  it('reads numbers from text or JSON, and refuses anything else with the reason', () => {
    expect(typeValue(' -1.5e2 ', { type: 'number' })).toEqual(ok(-150));
    expect(typeValue(3, { type: 'number' })).toEqual(ok(3));
    expect(typeValue('abc', { type: 'number' })).toMatchObject({
      ok: false,
      kind: 'invalid-number',
      reason: expect.stringContaining('not a number'),
    });
    expect(typeValue('1,5', { type: 'number' })).toMatchObject({ ok: false, kind: 'invalid-number' });
    expect(typeValue('NaN', { type: 'number' })).toMatchObject({ ok: false, kind: 'invalid-number' });
    expect(typeValue('1e999', { type: 'number' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('too large'),
    });
    expect(typeValue('12345678901234567890', { type: 'number' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('identifier'),
    });
    expect(typeValue(true, { type: 'number' })).toMatchObject({
      ok: false,
      reason: 'is a boolean, not a number',
    });
  });

  it('reads booleans as true/false, yes/no, 1/0 in any case', () => {
    expect(['TRUE', 'yes', '1', 1, true].map((v) => typeValue(v, { type: 'boolean' }))).toEqual(
      Array(5).fill(ok(true)),
    );
    expect(['false', 'No', '0', 0, false].map((v) => typeValue(v, { type: 'boolean' }))).toEqual(
      Array(5).fill(ok(false)),
    );
    expect(typeValue('maybe', { type: 'boolean' })).toMatchObject({ ok: false, kind: 'invalid-boolean' });
  });

  it('reads ISO dates and writes a space separator as T', () => {
    expect(typeValue('2019-11-24 00:03:13.442536+00:00', { type: 'date' })).toEqual(
      ok('2019-11-24T00:03:13.442536+00:00'),
    );
    expect(typeValue('2024-03-01', { type: 'date' })).toEqual(ok('2024-03-01'));
    expect(typeValue('2024-13-01', { type: 'date' })).toMatchObject({ ok: false, kind: 'invalid-date' });
    expect(typeValue('2024-03-01T25:00', { type: 'date' })).toMatchObject({
      ok: false,
      kind: 'invalid-date',
    });
  });

  it('reads lists from JSON arrays or |-separated text', () => {
    expect(typeValue('["a",2]', { type: 'list' })).toEqual(ok(['a', 2]));
    expect(typeValue('a|b', { type: 'list' })).toEqual(ok(['a', 'b']));
    expect(typeValue('[oops', { type: 'list' })).toMatchObject({ ok: false, kind: 'invalid-list' });
    expect(typeValue([{ a: 1 }], { type: 'list' })).toMatchObject({ ok: false, kind: 'invalid-list' });
  });

  it('keeps text as written and refuses nested objects', () => {
    expect(typeValue(' padded ', { type: 'string' })).toEqual(ok(' padded '));
    expect(typeValue(12, { type: 'string' })).toEqual(ok('12'));
    expect(typeValue({ a: 1 }, { type: 'string' })).toMatchObject({
      ok: false,
      kind: 'invalid-string',
      reason: expect.stringContaining('flatten'),
    });
  });

  it('enforces allowedValues, also on list items', () => {
    const tier = { type: 'string' as const, allowedValues: ['gold', 'silver'] };
    expect(typeValue('gold', tier)).toEqual(ok('gold'));
    expect(typeValue('Gold', tier)).toMatchObject({
      ok: false,
      kind: 'not-allowed',
      reason: 'is not one of the allowed values ("gold", "silver")',
    });
    expect(typeValue('gold|bronze', { type: 'list', allowedValues: ['gold', 'silver'] })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('holds "bronze"'),
    });
    expect(typeValue('2', { type: 'number', allowedValues: [1, 2, 3] })).toEqual(ok(2));
  });
});

describe('readOutcome', () => {
  it('maps the documented words to 1 and 0', () => {
    for (const v of ['1', 'true', 'YES', 'accepted', 'Clicked', 'converted', 1, true, '1.0'])
      expect(readOutcome(v)).toEqual(ok(1));
    for (const v of ['0', 'false', 'no', 'declined', 'ignored', 0, false, '0.0'])
      expect(readOutcome(v)).toEqual(ok(0));
  });

  it('refuses anything else', () => {
    for (const v of ['2', 'maybe', 0.5, 'shown'])
      expect(readOutcome(v)).toMatchObject({ ok: false, kind: 'invalid-outcome' });
  });

  it('reads any number as a reward when the outcome is declared one', () => {
    expect(readOutcome('12.5', 'reward')).toEqual(ok(12.5));
    expect(readOutcome(-3, 'reward')).toEqual(ok(-3));
    expect(readOutcome('accepted', 'reward')).toMatchObject({ ok: false, kind: 'invalid-outcome' });
  });
});

describe('readPropensity', () => {
  it('accepts probabilities in (0, 1]', () => {
    expect(readPropensity('0.029411764705882353')).toEqual(ok(0.029411764705882353));
    expect(readPropensity(1)).toEqual(ok(1));
  });

  it('refuses 0, negatives, above 1 and non-numbers', () => {
    for (const v of ['0', '-0.1', '1.01', 'x'])
      expect(readPropensity(v)).toMatchObject({ ok: false, kind: 'invalid-propensity' });
  });
});

describe('missingTest', () => {
  it('treats absent, null, and the markers after trimming as missing', () => {
    const isMissing = missingTest(['', 'NA']);
    expect([undefined, null, '', '  ', 'NA', ' NA '].every(isMissing)).toBe(true);
    expect(['0', 'na', 0, false].some(isMissing)).toBe(false);
    expect(missingTest()('NA')).toBe(false);
  });
});
