import { DatasetError } from './dataset-error';

/** Anything a file can arrive as: a Node stream (upload, file, S3 body) or any async iterable of bytes or text. */
export type DatasetSource = AsyncIterable<Uint8Array | string> | NodeJS.ReadableStream;

/** Chunks are cut to this size, so one huge chunk from the source never turns into a huge batch of records. */
export const MAX_CHUNK_BYTES = 64 * 1024;

/** Pulls byte chunks from the source one at a time: the source is read only as fast as the import asks. */
export class ByteReader {
  bytesRead = 0;
  private readonly iterator: AsyncIterator<Uint8Array | string>;
  private rest: Uint8Array | undefined;
  private done = false;

  constructor(
    source: DatasetSource,
    private readonly signal?: AbortSignal,
  ) {
    const iterable = source as AsyncIterable<Uint8Array | string>;
    if (typeof iterable[Symbol.asyncIterator] !== 'function') {
      throw new DatasetError(
        'invalid-options',
        'The dataset source must be a readable stream or an async iterable of bytes or strings.',
      );
    }
    this.iterator = iterable[Symbol.asyncIterator]();
  }

  /** The next piece of at most MAX_CHUNK_BYTES, or undefined at the end of the source. */
  async next(): Promise<Uint8Array | undefined> {
    if (this.signal?.aborted) throw new DatasetError('aborted', 'The import was cancelled.');
    while (!this.rest || this.rest.length === 0) {
      if (this.done) return undefined;
      const { value, done } = await this.iterator.next();
      if (done) {
        this.done = true;
        return undefined;
      }
      if (typeof value === 'string') this.rest = Buffer.from(value, 'utf8');
      else if (value instanceof Uint8Array) this.rest = value;
      else
        throw new DatasetError(
          'invalid-options',
          'The dataset source gave something other than bytes or text; read the file as a byte stream.',
        );
    }
    const piece = this.rest.length > MAX_CHUNK_BYTES ? this.rest.subarray(0, MAX_CHUNK_BYTES) : this.rest;
    this.rest = this.rest.length > MAX_CHUNK_BYTES ? this.rest.subarray(MAX_CHUNK_BYTES) : undefined;
    this.bytesRead += piece.length;
    return piece;
  }

  /** Stops reading early (an error, or an inspection that has seen enough) and lets the source release its resources. */
  async close(): Promise<void> {
    if (this.done) return;
    this.done = true;
    this.rest = undefined;
    await this.iterator.return?.();
  }
}
