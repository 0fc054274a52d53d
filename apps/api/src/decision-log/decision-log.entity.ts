import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One answered decision, for learning and audit. Written in batches by DecisionLogWriter; partitioned by day on decided_at. */
@Entity('decision_log')
@Index('decision_log_customer', ['customerId', 'decidedAt'])
@Index('decision_log_strategy', ['strategyId', 'decidedAt'])
@Index('decision_log_version_arms', ['versionId'], { where: 'arms IS NOT NULL' })
export class DecisionLogEntry {
  @PrimaryColumn('uuid')
  id: string;

  /** Part of the key: the log is partitioned by day on it (a partitioned table's keys include the partition column). */
  @PrimaryColumn('timestamptz', { name: 'decided_at' })
  decidedAt: Date;

  @Column('text', { name: 'customer_id' })
  customerId: string;

  @Column('uuid', { name: 'strategy_id' })
  strategyId: string;

  @Column('uuid', { name: 'version_id' })
  versionId: string;

  @Column('int', { name: 'version_number' })
  versionNumber: number;

  @Column('text', { name: 'content_hash' })
  contentHash: string;

  /** The returned actions: [{ actionId, rank, priority, propensity, value }]. */
  @Column('jsonb')
  actions: unknown;

  /** Only the customer/context fields the strategy reads; null when DECISION_LOG_INPUTS=false. */
  @Column('jsonb', { nullable: true })
  inputs: unknown;

  /** The split arm each split step sent the decision down: [{ splitStepId, arm }]; null without splits. */
  @Column('jsonb', { nullable: true })
  arms: unknown;

  @Column('double precision', { name: 'latency_ms' })
  latencyMs: number;

  @Column('uuid', { name: 'api_key_id', nullable: true })
  apiKeyId: string | null;

  @Column('text')
  source: string;
}

/** A decision the log could not store, with PostgreSQL's reason; the record is ASCII-escaped JSON. */
@Entity('decision_log_dead_letters')
export class DecisionLogDeadLetter {
  @PrimaryColumn('text', { name: 'decision_id' })
  decisionId: string;

  @Column('timestamptz', { name: 'failed_at', default: () => 'now()' })
  failedAt: Date;

  @Column('text', { nullable: true })
  sqlstate: string | null;

  @Column('text')
  reason: string;

  @Column('text')
  record: string;
}
