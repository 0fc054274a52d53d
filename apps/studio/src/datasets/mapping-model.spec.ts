import {
  NO_CUSTOMER_ID,
  chooseField,
  fieldChoices,
  fieldNameFor,
  mappingHeader,
  mappingProblems,
  suggestMapping,
  mappingWarnings,
  newFieldName,
  uploadMapping,
  type MappingForm,
} from './mapping-model';
import { couponInspection, demoSchema } from './test-fixtures';

/** The suggestion with the analyst's answer to each type clash: the declared field of the column's name. */
const suggested = (): MappingForm => {
  const form = suggestMapping(couponInspection, demoSchema, 'in-vehicle-coupon.csv');
  return {
    ...form,
    columns: form.columns.map((c) => (c.clash ? chooseField(c, c.clash.name, demoSchema) : c)),
  };
};
const withColumn = (form: MappingForm, column: string, change: Partial<MappingForm['columns'][number]>) => ({
  ...form,
  columns: form.columns.map((c) => (c.column === column ? { ...c, ...change } : c)),
});

describe('suggestMapping', () => {
  it('names the dataset after the file and guesses the roles by column name', () => {
    const form = suggested();
    expect(form.name).toBe('in-vehicle-coupon');
    expect(form.customerId).toBe('');
    expect(form.loggedAction).toEqual(['coupon']);
    expect(form.outcome).toBe('Y');
    expect(form.columns.find((c) => c.column === 'Y')!.imported).toBe(false);
  });

  it('matches declared fields by name and type, with their personal flag', () => {
    const inspection = {
      ...couponInspection,
      columns: couponInspection.columns.map((c) =>
        c.column === 'age' ? { ...c, field: { name: 'age', type: 'number' as const } } : c,
      ),
    };
    const form = suggestMapping(inspection, demoSchema, 'x.csv');
    expect(form.columns.find((c) => c.column === 'age')).toMatchObject({
      field: 'age',
      inferredType: 'number',
      declared: { type: 'number' },
      personal: 'hash',
    });
    expect(form.columns.find((c) => c.column === 'weather')!.declared).toBeUndefined();
  });

  it('never maps a column onto a declared field of another type: it asks, and hashes nothing meanwhile', () => {
    // The file's age is an age band (text); the schema declares age as a number.
    const form = suggestMapping(couponInspection, demoSchema, 'x.csv');
    const age = form.columns.find((c) => c.column === 'age')!;
    expect(age).toMatchObject({
      inferredType: 'string',
      clash: { name: 'age', type: 'number' },
      personal: 'keep',
    });
    expect(age.declared).toBeUndefined();
    expect(mappingProblems(form)).toContainEqual({
      where: 'column:age',
      message: 'customer.age is declared as numbers, but this column holds text: choose what it becomes.',
    });
    // Either answer settles it: onto the declared field (then hashed, as declared), or a new field.
    const onto = chooseField(age, 'age', demoSchema);
    expect(onto).toMatchObject({ field: 'age', declared: { type: 'number' }, personal: 'hash' });
    expect(onto.clash).toBeUndefined();
    const fresh = chooseField(age, newFieldName(age), demoSchema, true);
    expect(fresh).toMatchObject({ field: 'age_string', named: true, personal: 'keep' });
    expect(fresh.clash).toBeUndefined();
  });

  it('finds the customer id column under its usual names', () => {
    const idOf = (header: string[]) =>
      suggestMapping({ ...couponInspection, header }, [], 'x.csv').customerId;
    for (const name of ['id', 'Client', 'customer_id', 'Customer ID', 'client-no', 'userId'])
      expect(idOf(['age', name])).toBe(name);
    expect(idOf(['age', 'clientele'])).toBe('');
  });

  it('suggests a declared field whose name differs only in case or separators', () => {
    const inspection = { ...couponInspection, header: ['AGE', 'Gen-der'] };
    const form = suggestMapping(inspection, demoSchema, 'x.csv');
    const [age, gender] = form.columns;
    // Both are text in the file: a clash with the declared number and yes/no, to be answered.
    expect(age).toMatchObject({ field: 'age', clash: { type: 'number' } });
    expect(gender).toMatchObject({ field: 'gender', clash: { type: 'boolean' } });
    const answered = form.columns.map((c) => chooseField(c, c.clash!.name, demoSchema));
    expect(answered[0]).toMatchObject({ field: 'age', declared: { type: 'number' }, personal: 'hash' });
    expect(uploadMapping({ ...form, columns: answered, customerId: NO_CUSTOMER_ID }).fieldNames).toEqual({
      AGE: 'age',
      'Gen-der': 'gender',
    });
  });

  it('lets a column become any declared field, typed and flagged personal as declared', () => {
    const weather = suggested().columns.find((c) => c.column === 'weather')!;
    expect(fieldChoices('weather', demoSchema)).toEqual(['weather', 'age', 'gender', 'segment']);
    expect(fieldChoices('age', demoSchema)).toEqual(['age', 'gender', 'segment']);
    expect(chooseField({ ...weather, imported: false }, 'age', demoSchema)).toMatchObject({
      field: 'age',
      imported: true,
      declared: { name: 'age', type: 'number' },
      personal: 'hash',
    });
    const back = chooseField(chooseField(weather, 'segment', demoSchema), 'weather', demoSchema);
    expect(back).toEqual({ ...weather, imported: true });
    // A name typed by the analyst stays typed (not matched to the list) until another choice is made.
    const named = chooseField(weather, 'outsideTemp', demoSchema, true);
    expect(named).toMatchObject({ field: 'outsideTemp', named: true });
    expect(chooseField(named, 'segment', demoSchema)).not.toHaveProperty('named');
    const form = withColumn(
      { ...suggested(), customerId: NO_CUSTOMER_ID },
      'weather',
      chooseField(weather, 'age', demoSchema),
    );
    expect(mappingProblems(form).map((p) => p.message)).toEqual([
      'customer.age is mapped twice, from "weather" and "age": ignore one of them.',
    ]);
  });

  it('derives identifiers from column names like the API', () => {
    expect(fieldNameFor('user-item affinity')).toBe('user_item_affinity');
    expect(fieldNameFor('2024')).toBe('_2024');
  });
});

describe('mappingProblems', () => {
  it('asks for the customer id column (or an explicit none) and a name', () => {
    const problems = mappingProblems({ ...suggested(), name: ' ' });
    expect(problems).toEqual([
      { where: 'name', message: 'Give the dataset a name.' },
      { where: 'customerId', message: 'Choose the customer id column, or say the file has none.' },
    ]);
    expect(mappingProblems({ ...suggested(), customerId: NO_CUSTOMER_ID })).toEqual([]);
  });

  it('refuses a column in two roles and a field mapped twice', () => {
    const base: MappingForm = {
      ...suggested(),
      customerId: NO_CUSTOMER_ID,
      loggingPropensity: 'Y',
      columns: [
        ...suggested().columns,
        { column: 'we ather', field: 'we_ather', inferredType: 'string', imported: true, personal: 'keep' },
      ],
    };
    base.columns = base.columns.map((c) => (c.column === 'weather' ? { ...c, field: 'we_ather' } : c));
    expect(mappingProblems(base).map((p) => p.message)).toEqual([
      'Column "Y" cannot be both the outcome and the logging propensity.',
      'customer.we_ather is mapped twice, from "weather" and "we ather": ignore one of them.',
    ]);
  });

  it('needs the logged action for an outcome, and an id to be hashed rather than dropped', () => {
    const form = withColumn({ ...suggested(), loggedAction: [], customerId: 'gender' }, 'gender', {
      personal: 'drop',
    });
    expect(mappingProblems(form)).toEqual([
      {
        where: 'loggedAction',
        message:
          'Choose the logged action column, or the one action every row was offered: the outcome and propensity describe that action.',
      },
      { where: 'column:gender', message: '"gender" is the customer id: hash it rather than drop it.' },
    ]);
  });

  it('warns when the sample contradicts a declared type, and what hashing a field costs', () => {
    expect(mappingWarnings(suggested()).map((w) => w.message)).toEqual([
      'customer.gender is declared boolean, but the first rows look like string: rows whose value is not a boolean will be rejected.',
      'Hashed, customer.age no longer compares with values (such as ≥ 18 or = "gold"): keep it in clear if your strategies read it.',
    ]);
    const kept = withColumn(suggested(), 'age', { personal: 'keep' });
    // Kept in clear, age is checked as the number it is declared, which the sample contradicts.
    expect(mappingWarnings(kept).map((w) => w.message)).toEqual([
      expect.stringContaining('customer.gender is declared boolean'),
      expect.stringContaining('customer.age is declared number'),
    ]);
    // A field declared personal and kept in clear is said so explicitly: the API would hash it otherwise.
    expect(uploadMapping({ ...kept, customerId: NO_CUSTOMER_ID }).personal).toEqual({ age: 'keep' });
  });
});

describe('a single-offer file (every row was offered one action)', () => {
  const catalog = [
    { id: 'coffee-house-1d', name: 'Coffee House, 1 day' },
    { id: 'bar-1d', name: 'Bar, 1 day' },
  ];
  const single = (change: Partial<MappingForm>): MappingForm => ({
    ...suggested(),
    customerId: NO_CUSTOMER_ID,
    loggedAction: [],
    offeredAction: 'coffee-house-1d',
    ...change,
  });

  it('sends the offered action instead of a logged action column', () => {
    expect(mappingProblems(single({}), catalog)).toEqual([]);
    const mapping = uploadMapping(single({}));
    expect(mapping).toMatchObject({ offeredAction: 'coffee-house-1d', outcome: 'Y' });
    expect(mapping).not.toHaveProperty('loggedAction');
    expect(mapping).not.toHaveProperty('customerId');
  });

  it('takes either the column or the offered action, needs the outcome, and an action of the catalog', () => {
    expect(mappingProblems(single({ loggedAction: ['coupon'] }), catalog)).toEqual([
      {
        where: 'offeredAction',
        message:
          'Either a column holds the logged action or every row was offered one action: clear one of them.',
      },
    ]);
    expect(mappingProblems(single({ outcome: '' }), catalog)).toEqual([
      { where: 'outcome', message: 'Choose the outcome column: what customers did with the offer.' },
    ]);
    expect(mappingProblems(single({ offeredAction: 'tea-1d' }), catalog)).toEqual([
      { where: 'offeredAction', message: '"tea-1d" is not an action of the catalog.' },
    ]);
  });
});

describe('uploadMapping', () => {
  it('lists the imported fields, the roles and the personal columns', () => {
    const form = withColumn(
      {
        ...suggested(),
        customerId: NO_CUSTOMER_ID,
        loggedAction: ['coupon', 'expiration'],
        segmentColumns: ['gender'],
      },
      'weather',
      { imported: false },
    );
    expect(uploadMapping(form)).toEqual({
      fields: ['destination', 'temperature', 'gender', 'age'],
      loggedAction: ['coupon', 'expiration'],
      outcome: 'Y',
      segmentColumns: ['gender'],
      personal: { age: 'hash' },
    });
    expect(
      uploadMapping({ ...form, customerId: 'gender', outcomeKind: 'reward', loggedAction: ['coupon'] }),
    ).toMatchObject({
      customerId: 'gender',
      loggedAction: 'coupon',
      outcomeKind: 'reward',
    });
  });

  it('escapes non-ASCII column names in the header value', () => {
    const header = mappingHeader({ fields: ['âge'] });
    expect(header).toBe('{"fields":["\\u00e2ge"]}');
    expect(JSON.parse(header)).toEqual({ fields: ['âge'] });
  });
});
