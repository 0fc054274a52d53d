import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Interaction as EngineInteraction } from '@arbiter/engine';
import { DataSource } from 'typeorm';
import { MetricsService } from '../metrics/metrics.service';
import { decisionLogMetrics } from './metrics';

export interface LoggedAction {
  actionId: string;
  rank: number;
  priority?: number;
  propensity?: number;
  value?: number;
  channel?: string;
  group?: string;
}

/** One decision as logged; its returned actions also become `shown` interactions. */
export interface DecisionRecord {
  id: string;
  decidedAt: Date;
  customerId: string;
  strategyId: string;
  versionId: string;
  versionNumber: number;
  contentHash: string;
  actions: LoggedAction[];
  inputs: Record<string, unknown> | null;
  latencyMs: number;
  apiKeyId: string | null;
  source: 'rest' | 'graphql';
  /** The decision's channel (context.channel), stored on the shown rows when the action has none. */
  channel?: string;
}

export const FLUSH_INTERVAL_MS = 200;
export const FLUSH_ROWS = 500;
const MAX_PENDING = 200_000;

/**
 * Writes the decision log (and the `shown` interactions of each decision) in the background: the
 * request path only appends to a buffer. Flushes every 200 ms or at 500 decisions, each flush one
 * multi-row INSERT per table in one transaction; a failed flush keeps the rows for the next one.
 * Everything still buffered is written before the database closes on shutdown.
 */
@Injectable()
export class DecisionLogWriter implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(DecisionLogWriter.name);
  private pending: DecisionRecord[] = [];
  private flushing: Promise<void> | null = null;
  private timer?: NodeJS.Timeout;

  private readonly metrics: ReturnType<typeof decisionLogMetrics>;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    metrics: MetricsService,
  ) {
    this.metrics = decisionLogMetrics(metrics.registry);
  }

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  append(record: DecisionRecord): void {
    if (this.pending.length >= MAX_PENDING) {
      this.metrics.dropped.inc();
      return;
    }
    this.pending.push(record);
    this.metrics.pending.inc();
    if (this.pending.length >= FLUSH_ROWS) void this.flush();
  }

  /** A decision not written yet (outcomes may arrive before the next flush). */
  findPending(decisionId: string): DecisionRecord | undefined {
    return this.pending.find((r) => r.id === decisionId) ?? this.inFlight.find((r) => r.id === decisionId);
  }

  /** The `shown` interactions of this customer's decisions not written yet, newest first. */
  pendingShown(customerId: string): EngineInteraction[] {
    const out: EngineInteraction[] = [];
    for (const r of [...this.inFlight, ...this.pending]) if (r.customerId === customerId) out.unshift(...shownOf(r));
    return out;
  }

  get pendingCount(): number {
    return this.pending.length + this.inFlight.length;
  }

  private inFlight: DecisionRecord[] = [];

  /** Writes everything buffered now; concurrent calls wait for the same flush. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (!this.pending.length || !this.dataSource.isInitialized) return;
    this.flushing = this.writeBatch().finally(() => (this.flushing = null));
    await this.flushing;
  }

  private async writeBatch(): Promise<void> {
    const batch = this.pending.splice(0, FLUSH_ROWS * 4);
    this.inFlight = batch;
    try {
      await this.insert(batch);
      this.metrics.written.inc(batch.length);
      this.metrics.pending.dec(batch.length);
    } catch (error) {
      this.metrics.failed.inc();
      this.logger.error(`Decision log flush of ${batch.length} rows failed; retrying: ${error instanceof Error ? error.message : String(error)}`);
      this.pending.unshift(...batch);
    } finally {
      this.inFlight = [];
    }
  }

  private async insert(batch: DecisionRecord[]): Promise<void> {
    const shown = batch.flatMap((r) => r.actions.map((a) => ({ r, a })));
    await this.dataSource.transaction(async (em) => {
      await em.query(
        `INSERT INTO decision_log (id, decided_at, customer_id, strategy_id, version_id, version_number, content_hash, actions, inputs, latency_ms, api_key_id, source)
         SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::uuid[], $5::uuid[], $6::int[], $7::text[], $8::jsonb[], $9::jsonb[], $10::float8[], $11::uuid[], $12::text[])
         ON CONFLICT (id) DO NOTHING`,
        [
          batch.map((r) => r.id),
          batch.map((r) => r.decidedAt.toISOString()),
          batch.map((r) => r.customerId),
          batch.map((r) => r.strategyId),
          batch.map((r) => r.versionId),
          batch.map((r) => r.versionNumber),
          batch.map((r) => r.contentHash),
          batch.map((r) => JSON.stringify(r.actions)),
          batch.map((r) => (r.inputs ? JSON.stringify(r.inputs) : null)),
          batch.map((r) => r.latencyMs),
          batch.map((r) => r.apiKeyId),
          batch.map((r) => r.source),
        ],
      );
      if (shown.length) {
        await em.query(
          `INSERT INTO interactions (customer_id, action_id, outcome, channel, at, decision_id, strategy_id, api_key_id)
           SELECT c, a, 'shown', ch, t, d, s, k FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::uuid[], $6::uuid[], $7::uuid[]) AS u(c, a, ch, t, d, s, k)`,
          [
            shown.map(({ r }) => r.customerId),
            shown.map(({ a }) => a.actionId),
            shown.map(({ r, a }) => a.channel ?? r.channel ?? null),
            shown.map(({ r }) => r.decidedAt.toISOString()),
            shown.map(({ r }) => r.id),
            shown.map(({ r }) => r.strategyId),
            shown.map(({ r }) => r.apiKeyId),
          ],
        );
      }
    });
  }

  /** Before the database closes: write everything (requests have stopped by now). */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.drain();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.drain();
  }

  private async drain(): Promise<void> {
    for (let attempt = 0; this.pending.length && attempt < 20 && this.dataSource.isInitialized; attempt++) await this.flush();
    if (this.pending.length) this.logger.error(`${this.pending.length} decision log rows could not be written before shutdown`);
  }
}

export function shownOf(r: DecisionRecord): EngineInteraction[] {
  const at = r.decidedAt.toISOString();
  return r.actions.map((a) => ({ actionId: a.actionId, outcome: 'shown' as const, at, ...((a.channel ?? r.channel) && { channel: a.channel ?? r.channel }), ...(a.group && { group: a.group }) }));
}
