import { Check, Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** One contact with a customer: an action shown by a decision, or the customer's outcome. Partitioned by day on `at`. */
@Entity('interactions')
@Index('interactions_customer_at', ['customerId', 'at'])
@Index('interactions_decision_outcomes', ['decisionId'], {
  where: "decision_id IS NOT NULL AND outcome <> 'shown'",
})
@Check(
  'interactions_outcome_check',
  "outcome IN ('shown', 'accepted', 'declined', 'ignored', 'clicked', 'converted')",
)
@Check('interactions_override_complete', '(override_action_id IS NULL) = (override_reason IS NULL)')
export class Interaction {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column('text', { name: 'customer_id' })
  customerId: string;

  @Column('text', { name: 'action_id' })
  actionId: string;

  @Column('text')
  outcome: string;

  @Column('text', { nullable: true })
  channel: string | null;

  /** Part of the key: the table is partitioned by day on it. */
  @PrimaryColumn('timestamptz')
  at: Date;

  @Column('uuid', { name: 'decision_id', nullable: true })
  decisionId: string | null;

  @Column('uuid', { name: 'strategy_id', nullable: true })
  strategyId: string | null;

  @Column('text', { name: 'idempotency_key', nullable: true })
  idempotencyKey: string | null;

  @Column('uuid', { name: 'api_key_id', nullable: true })
  apiKeyId: string | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  /** Staff chose this action instead of the recommended one (with the reason), or null. */
  @Column('text', { name: 'override_action_id', nullable: true })
  overrideActionId: string | null;

  @Column('text', { name: 'override_reason', nullable: true })
  overrideReason: string | null;
}

/** An outcome's idempotency key, unique per API key (`namespace`; the studio's is the nil UUID), and the interaction it stored. */
@Entity('interaction_idempotency_keys')
@Index('interaction_idempotency_keys_at', ['at'])
export class InteractionIdempotencyKey {
  @PrimaryColumn('uuid')
  namespace: string;

  @PrimaryColumn('text')
  key: string;

  @Column('bigint', { name: 'interaction_id' })
  interactionId: string;

  @Column('timestamptz')
  at: Date;
}
