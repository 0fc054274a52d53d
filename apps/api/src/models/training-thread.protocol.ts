import type { TrainingProgress, TrainingRequest, TrainingResult } from '@arbiter/learning';
import type { ReadColumn } from './training-rows';

/** What the training thread is started with (workerData). */
export interface ThreadSetup {
  columns: ReadColumn[];
  request: Omit<TrainingRequest, 'rows'>;
}

/** Messages to the thread: chunks of projected rows as JSON text, then the end of the rows. */
export type ToThread = { type: 'rows'; text: string } | { type: 'end' };

export interface ThreadError {
  name: string;
  message: string;
  /** The trainer's TrainingError code and column, when it refused the data. */
  code?: string;
  column?: string;
}

/** Messages from the thread. */
export type FromThread =
  | { type: 'taken'; rows: number }
  | { type: 'progress'; progress: TrainingProgress }
  | { type: 'done'; result: TrainingResult; datasetHash: string; rows: number }
  | { type: 'failed'; error: ThreadError };
