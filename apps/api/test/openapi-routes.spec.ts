import request from 'supertest';
import { type TestApp, useTestApp } from './support/test-app';

/** Every route the Express app serves under the REST prefix, as `METHOD /path/{param}` (OpenAPI's form). */
function restRoutes(t: TestApp): string[] {
  const express = t.app.getHttpAdapter().getInstance() as {
    router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
  };
  return express.router.stack.flatMap((layer) => {
    const route = layer.route;
    if (!route || !route.path.startsWith('/api/v1/')) return [];
    // Nest's `customers\:batch` (a literal colon) and `:id` (a parameter).
    const path = route.path.replace(/(^|[^\\]):(\w+)/g, '$1{$2}').replace(/\\:/g, ':');
    return Object.keys(route.methods)
      .filter((m) => route.methods[m] && m !== '_all')
      .map((m) => `${m.toUpperCase()} ${path}`);
  });
}

describe('the OpenAPI document covers every REST route', () => {
  const t = useTestApp();

  it('documents each route under /api/v1 (method and path), and nothing that is not served', async () => {
    const doc = (await request(t.app.getHttpServer()).get('/api/docs').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const served = restRoutes(t);
    // The profiles feature's routes are among them (the test would pass vacuously without routes).
    expect(served).toEqual(
      expect.arrayContaining([
        'PUT /api/v1/customers/{id}',
        'POST /api/v1/customers:batch',
        'POST /api/v1/customers:import',
        'GET /api/v1/customers/{id}/export',
        'DELETE /api/v1/customers/{id}',
      ]),
    );
    expect(served.filter((r) => !documented.includes(r))).toEqual([]);
    expect(documented.filter((r) => !served.includes(r))).toEqual([]);
  });
});
