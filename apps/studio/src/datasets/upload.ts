import { ApiError } from '../api/client';

/** Bytes of the file the browser has handed to the network so far. */
export interface SendProgress {
  sent: number;
  total: number;
}

export interface RawRequest {
  url: string;
  body: Blob;
  headers: Record<string, string>;
  onProgress?(progress: SendProgress): void;
  signal?: AbortSignal;
}

/**
 * POSTs a raw body with XMLHttpRequest (fetch cannot report upload progress) and resolves with the
 * JSON answer; a 4xx/5xx answer rejects with an ApiError carrying the server's sentence.
 */
export function postRaw<T>(
  req: RawRequest,
  xhrFactory: () => XMLHttpRequest = () => new XMLHttpRequest(),
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (req.signal?.aborted) return reject(aborted());
    const xhr = xhrFactory();
    xhr.open('POST', req.url);
    for (const [name, value] of Object.entries(req.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) =>
      req.onProgress?.({ sent: e.loaded, total: e.lengthComputable ? e.total : req.body.size });
    xhr.onload = () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(restError(xhr.status, body));
    };
    xhr.onerror = () =>
      reject(new ApiError('The server cannot be reached. Check your connection and try again.', 'NETWORK'));
    xhr.onabort = () => reject(aborted());
    req.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(req.body);
  });
}

function aborted(): ApiError {
  return new ApiError('The upload was cancelled.', 'ABORTED');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `{ error: { code, message, details? } }` (the REST error format) or Nest's `{ statusCode, message }`. */
export function restError(status: number, body: unknown): ApiError {
  const obj = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const error = (obj.error && typeof obj.error === 'object' ? obj.error : obj) as Record<string, unknown>;
  const code = typeof error.code === 'string' ? error.code : codeForStatus(status);
  const message =
    typeof error.message === 'string' && error.message
      ? error.message
      : status === 413
        ? 'The file is too large for the server.'
        : `The server refused the request (HTTP ${status}).`;
  return new ApiError(message, code, error.details, error);
}

function codeForStatus(status: number): string {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  return status >= 500 ? 'INTERNAL' : 'BAD_REQUEST';
}

/** Rows per second since `startedAt`, or undefined before there is anything to measure. */
export function rowsPerSecond(rowsRead: number, startedAt: number, now: number): number | undefined {
  const seconds = (now - startedAt) / 1000;
  return rowsRead > 0 && seconds >= 0.5 ? Math.round(rowsRead / seconds) : undefined;
}

/** The bytes done: what the server reports having read once it has, before that what was sent. */
export function bytesDone(p: { sent: number; bytesRead?: number }): number {
  return p.bytesRead ? p.bytesRead : p.sent;
}

/** The share done, 0–1 (see bytesDone). */
export function uploadFraction(p: { sent: number; total: number; bytesRead?: number }): number {
  return p.total > 0 ? Math.min(1, bytesDone(p) / p.total) : 0;
}

/**
 * A version 4 UUID for `X-Dataset-Id`. `crypto.randomUUID` exists only in secure contexts (https or
 * localhost); a studio served over plain http on another host builds one from getRandomValues.
 */
export function newDatasetId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
