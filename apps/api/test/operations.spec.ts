import request from 'supertest';
import { useStudioDir } from './support/studio-dir';
import { startTestApp, useTestApp } from './support/test-app';

describe('operations: health, metrics and the served studio', () => {
  const studio = useStudioDir({
    'index.html': '<!doctype html><title>Arbiter studio</title><div id="root"></div>',
    'app.js': 'console.log("studio")',
  });
  const t = useTestApp({
    STUDIO_DIR: studio,
    REDIS_URL: 'redis://127.0.0.1:6379',
    METRICS_TOKEN: 'scrape-token-0123456789',
  });

  it('is ready when the database answers, migrations are applied and Redis answers', async () => {
    const res = await request(t.app.getHttpServer()).get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body.info).toMatchObject({
      database: { status: 'up' },
      migrations: { status: 'up' },
      redis: { status: 'up' },
    });
  });

  it('reports not ready, naming the part, when Redis does not answer', async () => {
    const broken = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const res = await request(broken.app.getHttpServer()).get('/health/ready');
      expect(res.status).toBe(503);
      expect(res.body.error).toMatchObject({ redis: { status: 'down', message: 'Redis does not answer' } });
    } finally {
      await broken.close();
    }
  });

  it('serves Prometheus metrics only with the token', async () => {
    const server = t.app.getHttpServer();
    expect((await request(server).get('/metrics')).status).toBe(403);
    const res = await request(server).get('/metrics').set('authorization', 'Bearer scrape-token-0123456789');
    expect(res.status).toBe(200);
    expect(res.text).toContain('arbiter_decision_duration_seconds');
    expect(res.text).toContain('arbiter_process_cpu_seconds_total');
    // With REDIS_URL set, the BullMQ queues report their depth.
    expect(res.text).toMatch(/arbiter_queue_jobs\{queue="[^"]*simulation-chunk[^"]*",state="waiting"\} \d+/);
    expect(res.text).toContain('arbiter_simulation_rows_per_second');
  });

  it('serves the studio at / and for its client-side routes, but never in place of the API', async () => {
    const server = t.app.getHttpServer();
    const home = await request(server).get('/').set('accept', 'text/html');
    expect(home.status).toBe(200);
    expect(home.text).toContain('Arbiter studio');
    expect((await request(server).get('/strategies/123/edit').set('accept', 'text/html')).text).toContain(
      'Arbiter studio',
    );
    expect((await request(server).get('/app.js')).text).toContain('studio');
    expect((await request(server).get('/api/v1/unknown').set('accept', 'text/html')).text).not.toContain(
      'Arbiter studio',
    );
    expect((await request(server).get('/health/live').set('accept', 'text/html')).body).toEqual({
      status: 'ok',
    });
  });
});
