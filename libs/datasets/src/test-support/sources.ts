import type { DataQualityReport, ImportOptions, ImportedRow } from '../types';
import { DatasetError } from '../dataset-error';
import { importDataset } from '../import-dataset';

/** An async source that yields `data` in pieces of `size` bytes (1 = byte by byte). */
export async function* chunked(data: string | Uint8Array, size = 1 << 16): AsyncGenerator<Uint8Array> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** An async source that yields the given pieces as they are (split points chosen by the test). */
export async function* pieces(parts: readonly (string | Uint8Array)[]): AsyncGenerator<string | Uint8Array> {
  for (const p of parts) yield p;
}

/** Imports and collects every kept row. */
export async function importAll(
  data: string | Uint8Array | AsyncIterable<Uint8Array | string>,
  options: Omit<ImportOptions, 'onRows'> & { chunkSize?: number } = {},
): Promise<{ report: DataQualityReport; rows: ImportedRow[] }> {
  const rows: ImportedRow[] = [];
  const { chunkSize, ...rest } = options;
  const source = typeof data === 'string' || data instanceof Uint8Array ? chunked(data, chunkSize) : data;
  const report = await importDataset(source, {
    ...rest,
    onRows: (batch) => {
      rows.push(...batch);
    },
  });
  return { report, rows };
}

/** The DatasetError an import fails with (any other error, or none, fails the test). */
export async function failure(promise: Promise<unknown>): Promise<DatasetError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DatasetError) return error;
    throw error;
  }
  throw new Error('expected the import to fail');
}
