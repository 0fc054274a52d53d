import { randomBytes } from 'node:crypto';
import request, { type Response } from 'supertest';
import { useStudioDir } from './support/studio-dir';
import { useTestApp } from './support/test-app';

/** The studio's script and a source map naming a source file that must not leak in production. */
const SCRIPT_AND_MAP = {
  'app.js': 'console.log("studio")',
  'app.js.map': '{"version":3,"sources":["src/secret-source.ts"],"mappings":""}',
};

/** The studio's policy, directive by directive: its own scripts only, no eval, no framing. */
function csp(res: Response): Map<string, string[]> {
  const header = res.headers['content-security-policy'];
  expect(typeof header).toBe('string');
  return new Map(
    (header as string)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

function expectStrictHeaders(res: Response): void {
  const policy = csp(res);
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  expect(res.headers['content-security-policy']).not.toMatch(/unsafe-eval|unsafe-inline|\*/);
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['x-powered-by']).toBeUndefined();
}

describe('security headers on the studio, the REST API and GraphQL', () => {
  const studio = useStudioDir({
    'index.html': '<!doctype html><title>Arbiter studio</title><script type="module" src="/app.js"></script>',
    ...SCRIPT_AND_MAP,
  });
  const t = useTestApp({ STUDIO_DIR: studio });

  it('sends the strict policy with the studio page, its client-side routes and its assets', async () => {
    const server = t.app.getHttpServer();
    for (const path of ['/', '/strategies/123/edit', '/app.js']) {
      const res = await request(server)
        .get(path)
        .set('accept', path === '/app.js' ? '*/*' : 'text/html');
      expect(res.status).toBe(200);
      expectStrictHeaders(res);
    }
  });

  it('sends it with REST answers, their errors and the health probes', async () => {
    const server = t.app.getHttpServer();
    const decision = await request(server)
      .post('/api/v1/decisions')
      .send({ strategy: 'x', customer: { id: 'c' } });
    expect(decision.status).toBe(401);
    expectStrictHeaders(decision);
    const unknown = await request(server).get('/api/v1/unknown');
    expect(unknown.status).toBe(404);
    expectStrictHeaders(unknown);
    const malformed = await request(server)
      .post('/api/v1/outcomes')
      .set('content-type', 'application/json')
      .send('{');
    expect(malformed.status).toBe(400);
    expectStrictHeaders(malformed);
    expectStrictHeaders(await request(server).get('/health/live'));
    expectStrictHeaders(await request(server).get('/api/docs'));
  });

  it('serves the REST docs page without inline script or style, so it runs under that policy', async () => {
    const server = t.app.getHttpServer();
    const page = await request(server).get('/api/docs.html');
    expectStrictHeaders(page);
    expect(page.text).not.toMatch(/<script>|<script [^>]*>[^<]|<style|style=/);
    expect(page.text).toContain('<script src="/api/docs.js" defer></script>');
    const script = await request(server)
      .get('/api/docs.js')
      .expect(200)
      .expect('content-type', /javascript/);
    expect(script.text).toContain("fetch('/api/docs')");
    await request(server)
      .get('/api/docs.css')
      .expect(200)
      .expect('content-type', /text\/css/);
  });

  it('sends it with GraphQL answers', async () => {
    const res = await request(t.app.getHttpServer()).post('/graphql').send({ query: '{ __typename }' });
    expect(res.status).toBe(200);
    expectStrictHeaders(res);
  });

  it('relaxes only the sandbox page, whose own <meta> policy allows its nonce’d scripts, and still forbids framing it', async () => {
    const res = await request(t.app.getHttpServer()).get('/graphql').set('accept', 'text/html');
    expect(res.status).toBe(200);
    expect(res.text).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="script-src 'self' 'nonce-[0-9a-f]+'/,
    );
    const policy = csp(res);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.has('script-src')).toBe(false);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves the studio’s source maps outside production', async () => {
    expect((await request(t.app.getHttpServer()).get('/app.js.map')).status).toBe(200);
  });
});

describe('security headers in production', () => {
  const studio = useStudioDir({
    'index.html': '<!doctype html><title>Arbiter studio</title>',
    ...SCRIPT_AND_MAP,
  });
  const secret = () => randomBytes(32).toString('hex');
  const t = useTestApp({
    STUDIO_DIR: studio,
    NODE_ENV: 'production',
    JWT_SECRET: secret(),
    AUDIT_HMAC_SECRET: secret(),
  });

  it('does not serve the studio’s source maps', async () => {
    const server = t.app.getHttpServer();
    expect((await request(server).get('/app.js')).status).toBe(200);
    const map = await request(server).get('/app.js.map');
    expect(map.status).toBe(404);
    expect(map.text).not.toContain('secret-source');
  });

  it('answers /graphql in a browser with a script-free page under the strict policy (no sandbox)', async () => {
    const res = await request(t.app.getHttpServer()).get('/graphql').set('accept', 'text/html');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Arbiter GraphQL API');
    expect(res.text).not.toMatch(/<script|apollographql\.com/);
    expectStrictHeaders(res);
  });
});
