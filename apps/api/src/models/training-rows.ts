import type { StoredRowJson } from '../datasets/dataset-rows.repository';
import type { ColumnSource } from './dataset-columns';

/** A column training reads, and where its value is in a stored row. */
export interface ReadColumn {
  name: string;
  source: ColumnSource;
}

/** Distinct texts shared per column; past it (an id-like column) values are kept as they come. */
const MAX_SHARED_TEXTS = 10_000;

/**
 * Turns stored rows into training rows keyed by column name. Every row gets every key (a
 * missing value is undefined, as the engine sees a missing field), so all rows share one shape;
 * equal texts are stored once per column, so a million rows of categories stay small.
 */
export class TrainingRowDecoder {
  private readonly readers: ((row: StoredRowJson) => unknown)[];
  private readonly texts: Map<string, string>[];

  constructor(private readonly columns: readonly ReadColumn[]) {
    this.readers = columns.map((column) => {
      const source = column.source;
      switch (source.kind) {
        case 'customer': {
          const field = source.field;
          return (row) => (Object.hasOwn(row[2], field) ? row[2][field] : undefined);
        }
        case 'outcome':
          return (row) => row[1]?.outcome;
        case 'action':
          return (row) => row[1]?.actionId;
        case 'propensity':
          return (row) => row[1]?.propensity;
        case 'customerId':
          return (row) => row[0];
      }
    });
    this.texts = columns.map(() => new Map());
  }

  decode(row: StoredRowJson): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < this.columns.length; i++) {
      let value = this.readers[i]!(row);
      if (value === null) value = undefined;
      else if (typeof value === 'string') {
        const texts = this.texts[i]!;
        const known = texts.get(value);
        if (known !== undefined) value = known;
        else if (texts.size < MAX_SHARED_TEXTS) texts.set(value, value);
      }
      out[this.columns[i]!.name] = value;
    }
    return out;
  }
}
