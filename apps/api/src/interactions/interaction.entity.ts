import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One contact with a customer: an action shown by a decision, or the customer's outcome. */
@Entity('interactions')
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

  @Column('timestamptz')
  at: Date;

  @Column('uuid', { name: 'decision_id', nullable: true })
  decisionId: string | null;

  @Column('uuid', { name: 'strategy_id', nullable: true })
  strategyId: string | null;

  @Column('text', { name: 'idempotency_key', nullable: true })
  idempotencyKey: string | null;

  @Column('uuid', { name: 'api_key_id', nullable: true })
  apiKeyId: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
