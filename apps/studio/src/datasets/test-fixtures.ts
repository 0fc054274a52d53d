import type { DatasetDetail, DatasetsApi, DatasetSummary } from './datasets-api';
import type { FieldType, Inspection, SchemaField } from './mapping-model';
import { analyst } from '../test-support/session-users';

/** A CSV file's inspection: its columns with the types suggested from the first `rows` rows. */
export const csvInspection = (
  columns: [column: string, type: FieldType][],
  rows: number,
  bytesRead: number,
): Inspection => ({
  format: { kind: 'csv', encoding: 'utf-8', delimiter: ',', notes: [] },
  header: columns.map(([column]) => column),
  columns: columns.map(([column, type]) => ({ column, field: { name: column, type }, sampled: rows })),
  sampledRows: rows,
  bytesRead,
  notes: [],
});

/** The start of the coupon sample as the API inspects it (trimmed to a few columns). */
export const couponInspection = csvInspection(
  [
    ['destination', 'string'],
    ['weather', 'string'],
    ['temperature', 'number'],
    ['coupon', 'string'],
    ['expiration', 'string'],
    ['gender', 'string'],
    ['age', 'string'],
    ['Y', 'number'],
  ],
  500,
  65536,
);

export const demoSchema: SchemaField[] = [
  { name: 'age', type: 'number', label: null, personal: true },
  { name: 'gender', type: 'boolean', label: null, personal: false },
  { name: 'segment', type: 'string', label: null, personal: false },
];

export const report = {
  format: { kind: 'csv', encoding: 'utf-8', delimiter: ',', notes: [] },
  header: ['destination', 'age', 'coupon', 'Y'],
  rowsRead: 1000,
  rowsKept: 990,
  rowsRejected: 10,
  blankLines: 0,
  rejected: Array.from({ length: 10 }, (_, i) => ({
    line: 10 + i,
    column: 'age',
    kind: 'invalid-number',
    reason: 'age must be a number.',
  })),
  rejectedByReason: { 'invalid-number': 10 },
  columns: [
    {
      name: 'destination',
      roles: ['field'],
      field: 'destination',
      type: 'string',
      missing: 0,
      present: 990,
      distinct: 3,
      distinctCapped: false,
      topValues: [
        { value: 'Home', count: 500 },
        { value: 'Work', count: 400 },
      ],
    },
    {
      name: 'temperature',
      roles: ['field'],
      field: 'temperature',
      type: 'number',
      missing: 9,
      present: 981,
      distinct: 3,
      distinctCapped: false,
      min: 30,
      max: 80,
      histogram: [
        { from: 30, to: 55, count: 500 },
        { from: 55, to: 80, count: 481 },
      ],
    },
    {
      name: 'age',
      roles: ['field'],
      field: 'age',
      type: 'number',
      personal: 'hash',
      missing: 0,
      present: 990,
      distinct: 8,
      distinctCapped: false,
    },
  ],
  ignoredColumns: ['weather'],
  droppedColumns: [],
  warnings: [],
  durationMs: 120,
};

export function dataset(over: Partial<DatasetDetail> = {}): DatasetDetail {
  return {
    id: 'd1',
    name: 'Coupons 2026',
    format: 'csv',
    status: 'READY',
    rowsRead: 1000,
    rowCount: 990,
    bytesRead: 2_100_000,
    totalBytes: 2_100_000,
    createdAt: '2026-11-20T10:00:00.000Z',
    createdBy: analyst.id,
    error: null,
    mapping: {
      loggedAction: ['coupon', 'expiration'],
      outcome: 'Y',
      fields: ['destination', 'temperature', 'age'],
    },
    personalColumns: {},
    report,
    ...over,
  };
}

/** An in-memory API; `calls` records what the screen asked for. */
export function memoryApi(datasets: DatasetDetail[], over: Partial<DatasetsApi> = {}) {
  const calls: { method: string; args: unknown[]; id?: string }[] = [];
  const store = [...datasets];
  const summary = ({ mapping, personalColumns, report, ...rest }: DatasetDetail): DatasetSummary => {
    void mapping;
    void personalColumns;
    void report;
    return rest;
  };
  const api: DatasetsApi = {
    list: async () => {
      calls.push({ method: 'list', args: [] });
      return store.map(summary);
    },
    get: async (id) => {
      calls.push({ method: 'get', args: [id] });
      const found = store.find((d) => d.id === id);
      if (!found) throw new Error(`Dataset ${id} not found.`);
      return found;
    },
    remove: async (id) => {
      calls.push({ method: 'remove', args: [id] });
      store.splice(
        store.findIndex((d) => d.id === id),
        1,
      );
    },
    customerSchema: async () => demoSchema,
    catalog: async () => [
      { id: 'coffee-house-1d', name: 'Coffee House, 1 day' },
      { id: 'bar-1d', name: 'Bar, 1 day' },
    ],
    inspect: async (head) => {
      calls.push({ method: 'inspect', args: [head.size] });
      return couponInspection;
    },
    upload: async (req) => {
      calls.push({ method: 'upload', args: [req.name, req.format, req.mapping], id: req.id });
      req.onProgress({ sent: req.file.size, total: req.file.size });
      return { id: req.id };
    },
    ...over,
  };
  return { api, calls, store };
}
