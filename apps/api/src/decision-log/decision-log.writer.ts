import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { Interaction as EngineInteraction } from '@arbiter/engine';
import { DataSource, type EntityManager } from 'typeorm';
import { errorCode, isDatabaseUnavailable } from '../common/database-errors';
import { unavailable } from '../common/errors';
import { MetricsService } from '../metrics/metrics.service';
import { isoTime } from './decided-at';
import { DecisionLogRepository } from './decision-log.repository';
import type { LoggedAction } from './logged-action';
import { decisionLogMetrics } from './metrics';

/** A split step the decision went through, and the branch (arm) it took there. */
export interface SplitArm {
  splitStepId: string;
  arm: string;
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
  /** The arms of the split steps reached, in evaluation order; absent when the strategy has no split. */
  arms?: SplitArm[];
  latencyMs: number;
  apiKeyId: string | null;
  source: 'rest' | 'graphql';
  /** The decision's channel (context.channel), stored on the shown rows when the action has none. */
  channel?: string;
}

/**
 * A table its owning feature writes with each flush of decisions, in the flush's transaction (the
 * interactions feature stores the `shown` rows so). Registered with `writeAlongside`: the decision
 * log depends on no feature that writes next to it.
 */
export interface WrittenAlongside {
  insert(em: EntityManager, batch: readonly DecisionRecord[]): Promise<void>;
  /** The same rows by COPY (the first try of each flush). */
  copy(em: EntityManager, batch: readonly DecisionRecord[]): Promise<void>;
}

export const FLUSH_INTERVAL_MS = 200;
export const FLUSH_ROWS = 500;
const MAX_PENDING = 200_000;
const DRAIN_ATTEMPTS = 20;
const DRAIN_RETRY_MS = 250;

/**
 * Writes the decision log (and, through the tables registered with `writeAlongside`, the `shown`
 * interactions of each decision) in the background: the request path only appends to a buffer.
 * Flushes every 200 ms or at 500 decisions, each flush one COPY per table in one transaction (in
 * chunks, with turns of the event loop between them, so a flush never holds requests up for long).
 * The log is partitioned by day: a row of a day without a partition lands in the default partition,
 * so no insert fails for want of one.
 *
 * A flush that fails because the database is out of reach keeps its rows for the next one. A COPY
 * that fails for any other reason is tried again as multi-row INSERTs, which skip a decision
 * already stored (a retried flush whose commit did land). If that fails too, the batch has a row
 * PostgreSQL refuses: the batch is split in halves until
 * that row stands alone, every other row is written, and the refused one goes to
 * `decision_log_dead_letters` with the reason, so one bad row never blocks the log. Everything still
 * buffered is written before the database closes on shutdown; after that, appending throws.
 */
@Injectable()
export class DecisionLogWriter implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(DecisionLogWriter.name);
  private pending: DecisionRecord[] = [];
  private inFlight: DecisionRecord[] = [];
  private flushing: Promise<void> | null = null;
  private timer?: NodeJS.Timeout;
  private closed = false;
  private readonly alongside: WrittenAlongside[] = [];

  private readonly metrics: ReturnType<typeof decisionLogMetrics>;
  private readonly rows: DecisionLogRepository;
  private copies?: Promise<boolean>;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    metrics: MetricsService,
  ) {
    this.rows = new DecisionLogRepository(dataSource);
    this.metrics = decisionLogMetrics(metrics.registry);
  }

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  /** Each flush also writes this table, in the same transaction. */
  writeAlongside(table: WrittenAlongside): void {
    if (!this.alongside.includes(table)) this.alongside.push(table);
  }

  append(record: DecisionRecord): void {
    // Only reachable if a request outlives the graceful stop; its caller gets a retryable error, not a lost row.
    if (this.closed) throw unavailable('The server is shutting down; send the request again.', 1);
    if (this.pending.length >= MAX_PENDING) {
      this.metrics.dropped.inc();
      return;
    }
    this.pending.push(record);
    this.metrics.pending.inc();
    if (this.pending.length >= FLUSH_ROWS) void this.flush();
  }

  /** append() of a batch's decisions. */
  appendMany(records: readonly DecisionRecord[]): void {
    if (this.closed) throw unavailable('The server is shutting down; send the request again.', 1);
    const room = Math.max(0, MAX_PENDING - this.pending.length);
    if (room < records.length) this.metrics.dropped.inc(records.length - room);
    for (let i = 0; i < Math.min(room, records.length); i++) this.pending.push(records[i]!);
    this.metrics.pending.inc(Math.min(room, records.length));
    if (this.pending.length >= FLUSH_ROWS) void this.flush();
  }

  /** A decision not written yet (outcomes may arrive before the next flush). */
  findPending(decisionId: string): DecisionRecord | undefined {
    return this.pending.find((r) => r.id === decisionId) ?? this.inFlight.find((r) => r.id === decisionId);
  }

  /** The `shown` interactions of this customer's decisions not written yet (of these strategies only, if given), newest first. */
  pendingShown(customerId: string, strategyIds?: readonly string[]): EngineInteraction[] {
    const out: EngineInteraction[] = [];
    for (const buffer of [this.inFlight, this.pending])
      for (const r of buffer)
        if (r.customerId === customerId && (!strategyIds || strategyIds.includes(r.strategyId)))
          out.unshift(...shownOf(r));
    return out;
  }

  /** pendingShown of many customers in one pass over the buffer (a batch of decisions); only those with some. */
  pendingShownOf(customerIds: ReadonlySet<string>): Map<string, EngineInteraction[]> {
    const out = new Map<string, EngineInteraction[]>();
    for (const buffer of [this.inFlight, this.pending])
      for (const r of buffer) {
        if (!customerIds.has(r.customerId)) continue;
        const shown = out.get(r.customerId) ?? [];
        shown.unshift(...shownOf(r));
        out.set(r.customerId, shown);
      }
    return out;
  }

  get pendingCount(): number {
    return this.pending.length + this.inFlight.length;
  }

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
      const kept = await this.store(batch);
      if (kept.length) this.pending.unshift(...kept);
    } finally {
      this.inFlight = [];
    }
  }

  /** Writes what it can of the batch; returns the rows to retry because the database is out of reach. */
  private async store(batch: DecisionRecord[], copy = true): Promise<DecisionRecord[]> {
    try {
      // Asked once; a failed question (database away) is asked again.
      const copies = await (this.copies ??= this.rows.takesCopy().catch((error: unknown) => {
        this.copies = undefined;
        throw error;
      }));
      await this.insert(batch, copy && copies);
      this.metrics.written.inc(batch.length);
      this.metrics.pending.dec(batch.length);
      return [];
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        this.metrics.failed.inc();
        this.logger.error(`Decision log flush of ${batch.length} rows failed; retrying: ${messageOf(error)}`);
        return batch;
      }
      if (isPartitionAttachRace(error)) {
        this.logger.warn(
          `Decision log flush of ${batch.length} rows met a partition being attached; retrying`,
        );
        return batch;
      }
      if (copy) return this.store(batch, false);
      if (batch.length === 1) return this.deadLetter(batch[0]!, error);
      const half = Math.ceil(batch.length / 2);
      const kept = await this.store(batch.slice(0, half), false);
      // The database went away meanwhile: keep the rest untried, in order.
      if (kept.length) return [...kept, ...batch.slice(half)];
      return this.store(batch.slice(half), false);
    }
  }

  private async deadLetter(record: DecisionRecord, error: unknown): Promise<DecisionRecord[]> {
    const reason = asciiText(messageOf(error));
    try {
      await this.rows.deadLetter(
        asciiText(record.id),
        errorCode(error) ?? null,
        reason,
        asciiText(JSON.stringify(record)),
      );
    } catch (deadLetterError) {
      if (isDatabaseUnavailable(deadLetterError)) return [record];
      throw deadLetterError;
    }
    this.metrics.deadLettered.inc();
    this.metrics.pending.dec();
    // Once per row, and without the values: they may hold personal data.
    this.logger.warn(
      `Decision ${record.id} could not be stored and was moved to decision_log_dead_letters: ${reason}`,
    );
    return [];
  }

  private async insert(batch: DecisionRecord[], copy: boolean): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      if (copy) {
        await this.rows.copy(em, batch);
        for (const table of this.alongside) await table.copy(em, batch);
        return;
      }
      await this.rows.insert(em, batch);
      for (const table of this.alongside) await table.insert(em, batch);
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

  /** Retries for a few seconds while the database is out of reach, then says what could not be written. */
  private async drain(): Promise<void> {
    this.closed = true;
    // A flush in flight holds its rows outside `pending`: it finishes before the database closes.
    await this.flush();
    for (
      let attempt = 0;
      this.pending.length && attempt < DRAIN_ATTEMPTS && this.dataSource.isInitialized;
      attempt++
    ) {
      await this.flush();
      if (this.pending.length) await new Promise((resolve) => setTimeout(resolve, DRAIN_RETRY_MS));
    }
    if (this.pending.length)
      this.logger.error(`${this.pending.length} decision log rows could not be written before shutdown`);
  }
}

export function shownOf(r: DecisionRecord): EngineInteraction[] {
  const at = isoTime(r.decidedAt);
  return r.actions.map((a) => ({
    actionId: a.actionId,
    outcome: 'shown' as const,
    at,
    ...((a.channel ?? r.channel) && { channel: a.channel ?? r.channel }),
    ...(a.group && { group: a.group }),
  }));
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * A row routed to the default partition while partition maintenance attached its day's partition:
 * PostgreSQL refuses it with a partition-constraint violation, and the next flush routes it to the
 * new partition. Not a refused row: with a default partition every storable time has a place.
 */
const isPartitionAttachRace = (error: unknown): boolean =>
  errorCode(error) === '23514' && /violates partition constraint/.test(messageOf(error));

/** Text any PostgreSQL column keeps: every character outside printable ASCII as a \\uXXXX escape. */
export function asciiText(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
