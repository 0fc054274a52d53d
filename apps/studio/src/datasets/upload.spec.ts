import { ApiError } from '../api/client';
import { newDatasetId, postRaw, restError, rowsPerSecond, uploadFraction } from './upload';

/** Just enough of XMLHttpRequest to drive postRaw. */
class FakeXhr {
  status = 0;
  responseText = '';
  headers: Record<string, string> = {};
  sent: unknown;
  upload: { onprogress?: (e: { loaded: number; total: number; lengthComputable: boolean }) => void } = {};
  onload?: () => void;
  onerror?: () => void;
  onabort?: () => void;
  open(method: string, url: string) {
    this.headers[':request'] = `${method} ${url}`;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.sent = body;
  }
  abort() {
    this.onabort?.();
  }
  answer(status: number, body: string) {
    this.status = status;
    this.responseText = body;
    this.onload?.();
  }
}

const body = new Blob(['a,b\n1,2\n']);

describe('postRaw', () => {
  it('reports bytes sent and resolves with the JSON answer', async () => {
    const xhr = new FakeXhr();
    const seen: number[] = [];
    const done = postRaw<{ id: string }>(
      {
        url: '/api/v1/datasets?name=x',
        body,
        headers: { 'X-Dataset-Mapping': '{}' },
        onProgress: (p) => seen.push(p.sent),
      },
      () => xhr as unknown as XMLHttpRequest,
    );
    expect(xhr.headers).toMatchObject({
      ':request': 'POST /api/v1/datasets?name=x',
      'X-Dataset-Mapping': '{}',
    });
    expect(xhr.sent).toBe(body);
    xhr.upload.onprogress!({ loaded: 4, total: 8, lengthComputable: true });
    xhr.upload.onprogress!({ loaded: 8, total: 8, lengthComputable: true });
    xhr.answer(201, '{"id":"d1"}');
    await expect(done).resolves.toEqual({ id: 'd1' });
    expect(seen).toEqual([4, 8]);
  });

  it("rejects with the server's sentence on 4xx", async () => {
    const xhr = new FakeXhr();
    const done = postRaw({ url: '/x', body, headers: {} }, () => xhr as unknown as XMLHttpRequest);
    xhr.answer(
      400,
      JSON.stringify({
        error: {
          code: 'BAD_REQUEST',
          message: 'This looks like a binary file, not CSV or JSON lines.',
          reason: 'binary',
        },
      }),
    );
    await expect(done).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'This looks like a binary file, not CSV or JSON lines.',
    });
  });

  it('aborts when the signal fires', async () => {
    const xhr = new FakeXhr();
    const controller = new AbortController();
    const done = postRaw(
      { url: '/x', body, headers: {}, signal: controller.signal },
      () => xhr as unknown as XMLHttpRequest,
    );
    controller.abort();
    await expect(done).rejects.toMatchObject({ code: 'ABORTED', message: 'The upload was cancelled.' });
  });
});

describe('restError', () => {
  it('keeps validation details and falls back to a sentence without a body', () => {
    const err = restError(400, {
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Invalid input',
        details: [{ field: 'mapping.outcome', message: 'must not be empty' }],
      },
    });
    expect(err).toBeInstanceOf(ApiError);
    expect(err.details).toEqual([{ field: 'mapping.outcome', message: 'must not be empty' }]);
    expect(restError(502, undefined)).toMatchObject({
      code: 'INTERNAL',
      message: 'The server refused the request (HTTP 502).',
    });
    expect(restError(401, undefined).code).toBe('UNAUTHENTICATED');
  });
});

describe('progress figures', () => {
  it('computes rows/s and the share done', () => {
    expect(rowsPerSecond(0, 0, 5000)).toBeUndefined();
    expect(rowsPerSecond(10_000, 0, 2000)).toBe(5000);
    expect(uploadFraction({ sent: 50, total: 200 })).toBe(0.25);
    expect(uploadFraction({ sent: 200, total: 200, bytesRead: 50 })).toBe(0.25);
    expect(uploadFraction({ sent: 100, total: 200, bytesRead: 0 })).toBe(0.5);
    expect(uploadFraction({ sent: 0, total: 0 })).toBe(0);
  });
});

describe('newDatasetId', () => {
  it('makes distinct version 4 UUIDs, also where crypto.randomUUID is missing (plain http)', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const original = crypto.randomUUID;
    try {
      Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
      const ids = new Set(Array.from({ length: 200 }, newDatasetId));
      expect(ids.size).toBe(200);
      for (const id of ids) expect(id).toMatch(uuid);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
    expect(newDatasetId()).toMatch(uuid);
  });
});
