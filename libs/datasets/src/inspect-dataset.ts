import type { DatasetSource } from './byte-reader';
import type { DetectedFormat } from './detect-format';
import { inferColumns } from './infer-types';
import type { InferredColumn } from './infer-types';
import { DEFAULT_SAMPLE_ROWS, columnsOf, readSample, sampleValues } from './read-sample';
import { RecordReader } from './record-reader';
import type { InspectOptions } from './types';

export interface DatasetInspection {
  format: DetectedFormat;
  /** The file's columns, in order (for JSON lines: the keys of the sampled lines). */
  header: string[];
  /** Inferred customer fields, one per column, for the user to correct before importing. */
  columns: InferredColumn[];
  /** Rows looked at (including bad ones). */
  sampledRows: number;
  bytesRead: number;
  notes: string[];
}

/**
 * Reads only the start of a file (detection plus `sampleRows` rows) and suggests its format and
 * column types, then releases the source. What an upload screen shows before the import runs.
 */
export async function inspectDataset(
  source: DatasetSource,
  options: InspectOptions = {},
): Promise<DatasetInspection> {
  const reader = await RecordReader.open(source, options);
  try {
    const { sample } = await readSample(reader, options.sampleRows ?? DEFAULT_SAMPLE_ROWS);
    const header = columnsOf(reader, sample);
    return {
      format: reader.format,
      header,
      columns: inferColumns(header, sampleValues(sample, header), { missingValues: options.missingValues }),
      sampledRows: sample.length,
      bytesRead: reader.bytesRead,
      notes: reader.notes,
    };
  } finally {
    await reader.close();
  }
}
