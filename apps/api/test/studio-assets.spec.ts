import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import http, { type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { useStudioDir } from './support/studio-dir';
import { useTestApp } from './support/test-app';

/** A response's raw bytes and headers, as the browser receives them (no client-side decoding). */
function get(
  server: Server,
  path: string,
  acceptEncoding: string,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject);
  });
}

describe('the studio’s files: compressed once at build, cached by their hashed names', () => {
  const script = `export const screens = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `screen ${i}`))};\n`;
  const studio = useStudioDir({
    'index.html': '<!doctype html><title>Arbiter studio</title>',
    'assets/index-AbC123.js': script,
    'assets/index-AbC123.js.br': brotliCompressSync(script),
    'assets/index-AbC123.js.gz': gzipSync(script),
    'assets/plain-XyZ.css': 'body { margin: 0 }',
  });
  const t = useTestApp({ STUDIO_DIR: studio });
  let server: Server;

  beforeAll(async () => {
    server = t.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  it('sends the brotli copy to a browser that accepts it, as JavaScript, cached for a year', async () => {
    const res = await get(server, '/assets/index-AbC123.js', 'gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(res.body).toString()).toBe(script);
    expect(res.body.length).toBeLessThan(script.length / 3);
  });

  it('sends gzip when brotli is not accepted, and the plain file when nothing is', async () => {
    const gz = await request(t.app.getHttpServer())
      .get('/assets/index-AbC123.js')
      .set('Accept-Encoding', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.text).toBe(script);
    const plain = await get(server, '/assets/index-AbC123.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('serves an asset without a compressed copy as it is, and never the page itself from cache', async () => {
    const css = await request(t.app.getHttpServer())
      .get('/assets/plain-XyZ.css')
      .set('Accept-Encoding', 'br');
    expect(css.status).toBe(200);
    expect(css.headers['content-encoding']).toBeUndefined();
    const page = await request(t.app.getHttpServer()).get('/strategies').set('Accept', 'text/html');
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('does not let a path climb out of the studio’s folder', async () => {
    const res = await request(t.app.getHttpServer())
      .get('/assets/..%2f..%2f..%2fetc%2fpasswd')
      .set('Accept-Encoding', 'br');
    expect(res.text ?? '').not.toMatch(/root:/);
  });
});
