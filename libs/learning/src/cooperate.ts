import { cancelled } from './training-error';

/**
 * Lets the event loop run (decisions served by the same process keep flowing) and stops with a
 * `cancelled` TrainingError once the signal is aborted. Called between iterations and row chunks.
 */
export async function checkpoint(signal: AbortSignal | undefined): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (signal?.aborted) throw cancelled();
}

/** Rows handled between two checkpoints in long passes over the data. */
export const CHUNK_ROWS = 65_536;
