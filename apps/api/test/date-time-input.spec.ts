import { errorCode, ok, Role, useTestApp, useUser } from './support/test-app';

/**
 * A DateTime PostgreSQL cannot store (before year 1, after 9999) or that is no date at all is
 * refused at the edge with VALIDATION_FAILED naming the field, never INTERNAL from the database
 * (found by the bad-input fuzz suite, test/api/fuzz).
 */
const t = useTestApp();
const admin = useUser(t, [Role.admin, Role.designer]);

const createAction = (input: Record<string, unknown>) =>
  t.gql(
    `mutation($i: CreateActionInput!) { createAction(input: $i) { id validFrom validTo } }`,
    { i: input },
    admin.token,
  );
const auditLog = (filter: Record<string, unknown>) =>
  t.gql(
    `query($f: AuditFilterInput) { auditLog(filter: $f) { edges { cursor } } }`,
    { f: filter },
    admin.token,
  );

test.each([
  ['the earliest JavaScript date', '-271821-04-20T00:00:00.000Z'],
  ['the latest JavaScript date', '+275760-09-13T00:00:00.000Z'],
  ['year 0', '0000-06-01T00:00:00Z'],
  ['year 10000', '+010000-01-01T00:00:00Z'],
])('%s (%s) is refused naming the field, in an input and in a filter', async (_name, value) => {
  const created = await createAction({ id: 'dated', name: 'Dated', validTo: value });
  expect(errorCode(created)).toBe('VALIDATION_FAILED');
  expect(created.errors?.[0]?.extensions?.details).toEqual([
    expect.objectContaining({ field: 'input.validTo' }),
  ]);
  const filtered = await auditLog({ to: value });
  expect(errorCode(filtered)).toBe('VALIDATION_FAILED');
  expect(filtered.errors?.[0]?.extensions?.details).toEqual([
    expect.objectContaining({ field: 'filter.to' }),
  ]);
});

// Nest's own DateTime read 42 or true as a day in 1970 and "yesterday" as an Invalid Date.
test.each([
  ['not a date', 'yesterday'],
  ['empty', ''],
  ['a number', 42],
  ['true', true],
])(
  '%s is not a DateTime: a 400 naming the variable and the field, before any resolver runs',
  async (_name, value) => {
    const created = await createAction({ id: 'dated', name: 'Dated', validTo: value });
    expect({ status: created.status, code: errorCode(created) }).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
    expect(created.errors?.[0]?.extensions?.details).toEqual([
      expect.objectContaining({ field: 'i.validTo', message: expect.stringContaining('ISO 8601') }),
    ]);
    const filtered = await auditLog({ from: value });
    expect({ status: filtered.status, code: errorCode(filtered) }).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
    expect(filtered.errors?.[0]?.extensions?.details).toEqual([expect.objectContaining({ field: 'f.from' })]);
  },
);

test('date-times from year 1 to 9999 are stored and answered as they were sent', async () => {
  const res = ok(
    await createAction({
      id: 'long-lived',
      name: 'Long lived',
      validFrom: '0001-01-01T00:00:00.000Z',
      validTo: '9999-12-31T23:59:59.999Z',
    }),
  );
  expect(res.createAction).toMatchObject({
    validFrom: '0001-01-01T00:00:00.000Z',
    validTo: '9999-12-31T23:59:59.999Z',
  });
  expect(
    ok(await auditLog({ from: '0001-01-01T00:00:00Z', to: '9999-12-31T00:00:00Z' })).auditLog.edges.length,
  ).toBeGreaterThan(0);
});
