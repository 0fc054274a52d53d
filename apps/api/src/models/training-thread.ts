/**
 * The training thread (worker_threads): collects the rows the main thread streams in, trains, and
 * posts the result. The trainer is CPU-bound; here it never holds up decisions or simulations in
 * the process that started it, and cancelling terminates the thread wherever it is.
 */
import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { train, TrainingError } from '@arbiter/learning';
import type { FromThread, ThreadError, ThreadSetup, ToThread } from './training-thread.protocol';
import type { StoredRowJson } from '../datasets/dataset-rows.repository';
import { TrainingRowDecoder } from './training-rows';

const port = parentPort;
if (!port) throw new Error('training-thread runs as a worker thread only');

const setup = workerData as ThreadSetup;
const decoder = new TrainingRowDecoder(setup.columns);
const rows: Record<string, unknown>[] = [];
/** Of the dataset's rows as stored, in order: the provenance's datasetHash (same rows ⇒ same hash). */
const hash = createHash('sha256');
const post = (message: FromThread) => port.postMessage(message);

function describe(error: unknown): ThreadError {
  if (error instanceof TrainingError)
    return {
      name: error.name,
      message: error.message,
      code: error.code,
      ...(error.column !== undefined && { column: error.column }),
    };
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: 'Error', message: String(error) };
}

async function trainRows(): Promise<void> {
  try {
    const result = await train(
      { ...setup.request, rows },
      { onProgress: (progress) => post({ type: 'progress', progress }) },
    );
    post({ type: 'done', result, datasetHash: hash.digest('hex'), rows: rows.length });
  } catch (error) {
    post({ type: 'failed', error: describe(error) });
  }
}

port.on('message', (message: ToThread) => {
  if (message.type === 'end') {
    void trainRows();
    return;
  }
  hash.update(message.text).update('\n');
  for (const row of JSON.parse(message.text) as StoredRowJson[]) rows.push(decoder.decode(row));
  post({ type: 'taken', rows: rows.length });
});
