import { createApiKey, rest } from './support/decision-api';
import { Role, useTestApp } from './support/test-app';

/**
 * A path parameter that is not valid percent-encoded UTF-8 is refused while Express matches the
 * route, before any route's filter: still 400 in the REST format (found by the bad-input fuzz
 * suite, test/api/fuzz), while a well-encoded id reaches the route.
 */
const t = useTestApp();
let key: string;

beforeAll(async () => {
  key = (await createApiKey(t, (await t.user([Role.admin])).token)).secret;
});

test.each(['%', '%ED%A0%80', '%C0%80', '%E0%A4%A', 'a%FFb'])(
  'GET /api/v1/customers/%s/interactions: 400 BAD_REQUEST in the REST format',
  async (id) => {
    const res = await rest(t, key).get(`/api/v1/customers/${id}/interactions`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: { code: 'BAD_REQUEST', message: expect.stringContaining('percent-encoded') },
    });
  },
);

test('a well-encoded id reaches the route', async () => {
  const res = await rest(t, key).get(`/api/v1/customers/${encodeURIComponent('c 1/é')}/interactions`);
  expect(res.status).toBe(200);
  expect(res.body.customerId).toBe('c 1/é');
});

test("outside the REST API the answer stays Nest's", async () => {
  const res = await rest(t).get('/health/%');
  expect(res.status).toBe(400);
  expect(res.body.error?.code).toBeUndefined();
});
