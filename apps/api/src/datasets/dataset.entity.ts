import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity, Index } from 'typeorm';
import { JSONScalar } from '../common/graphql/json.scalar';
import { CreatedAtColumn, UpdatedAtColumn, UuidPrimaryColumn } from '../common/columns';
import { UserIdColumn } from '../users/user-id-column';

export enum DatasetStatus {
  UPLOADING = 'UPLOADING',
  READY = 'READY',
  FAILED = 'FAILED',
}
registerEnumType(DatasetStatus, { name: 'DatasetStatus' });

/** A historical customer dataset: its mapping, data-quality report and import progress. Rows are in `dataset_rows`. */
@ObjectType('Dataset')
@Check('datasets_name_check', 'length(name) BETWEEN 1 AND 200')
@Check('datasets_format_check', "format IN ('csv','jsonl')")
@Check('datasets_status_check', "status IN ('UPLOADING','READY','FAILED')")
@Index('datasets_created_at', ['createdAt'])
@Entity('datasets')
export class Dataset {
  @UuidPrimaryColumn()
  id: string;

  @Field()
  @Column('text')
  name: string;

  @Field({ description: 'csv or jsonl.' })
  @Column('text')
  format: string;

  @Field(() => DatasetStatus)
  @Column('text')
  status: DatasetStatus;

  @Field(() => JSONScalar, {
    description:
      'Column mapping: customerId, fields, loggedAction, outcome, loggingPropensity, segmentColumns, fieldNames.',
  })
  @Column('jsonb', { default: {} })
  mapping: Record<string, unknown>;

  @Field(() => JSONScalar, {
    description:
      'Personal columns and their treatment at import: hash, drop, or keep (in clear, chosen over the schema default).',
  })
  @Column('jsonb', { name: 'personal_columns', default: {} })
  personalColumns: Record<string, 'hash' | 'drop' | 'keep'>;

  @Field(() => JSONScalar, {
    nullable: true,
    description:
      'Data-quality report (rows read/kept/rejected, rejected rows, per-column statistics) once READY.',
  })
  @Column('jsonb', { nullable: true })
  report: unknown;

  @Field(() => String, { nullable: true, description: 'Why the import failed (FAILED only).' })
  @Column('text', { nullable: true })
  error: string | null;

  @Field(() => Int, { description: 'Rows read so far (progress while UPLOADING).' })
  @Column('int', { name: 'rows_read', default: 0 })
  rowsRead: number;

  @Field(() => Int, { description: 'Rows kept: what simulations run over.' })
  @Column('int', { name: 'row_count', default: 0 })
  rowCount: number;

  @Field(() => Number)
  @Column('bigint', {
    name: 'bytes_read',
    default: 0,
    transformer: { from: (v: string | null) => Number(v ?? 0), to: (v: number) => v },
  })
  bytesRead: number;

  @Field(() => Number, {
    nullable: true,
    description: 'The upload size when the client sent Content-Length.',
  })
  @Column('bigint', {
    name: 'total_bytes',
    nullable: true,
    transformer: { from: (v: string | null) => (v === null ? null : Number(v)), to: (v: number | null) => v },
  })
  totalBytes: number | null;

  @UserIdColumn('created_by', 'datasets_created_by_fkey', { nullable: true })
  createdBy: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
