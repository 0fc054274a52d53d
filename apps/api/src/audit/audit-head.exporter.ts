import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { MetricsService } from '../metrics/metrics.service';
import type { ChainHead } from './audit.repository';
import { AuditService } from './audit.service';

/**
 * Publishes the audit chain's head (seq and hash) outside the database: on /metrics
 * (`arbiter_audit_chain_head_seq`, `arbiter_audit_chain_head_info{hash}`) and as a log line every
 * AUDIT_HEAD_LOG_SECONDS. Whoever keeps these (Prometheus, the log store) can tell when the tail of
 * the chain was cut off or rewritten: the seq goes down, or an exported hash is no longer in the
 * chain (verifyAuditChain(anchor:) checks one). Only in processes that serve /metrics (the API).
 * At start-up it also seals a chain written before the key (AuditService.sealLegacyChain).
 */
@Injectable()
export class AuditHeadExporter implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AuditChain');
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Optional() private readonly metrics?: MetricsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      const sealed = await this.dataSource.transaction((em) => this.audit.sealLegacyChain(em));
      if (sealed) this.logger.log(`audit chain keyed from entry ${sealed.seq} on`);
    } catch (error) {
      this.logger.warn(
        `could not seal the audit chain written before AUDIT_HMAC_SECRET (next start tries again): ${String(error)}`,
      );
    }
    if (!this.metrics) return;
    this.registerMetrics(this.metrics);
    if (this.config.audit.headLogSeconds > 0) {
      this.timer = setInterval(() => void this.logHead(), this.config.audit.headLogSeconds * 1000);
      this.timer.unref();
      await this.logHead();
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** One log line with the head; returns it (null for an empty chain or when the database is away). */
  async logHead(): Promise<ChainHead | null> {
    try {
      const head = await this.audit.head();
      this.logger.log(
        { auditChainHead: head && { seq: head.seq, hash: head.hash } },
        head ? `audit chain head: entry ${head.seq}, hash ${head.hash}` : 'audit chain head: empty',
      );
      return head;
    } catch (error) {
      this.logger.warn(`audit chain head not readable: ${String(error)}`);
      return null;
    }
  }

  private registerMetrics(metrics: MetricsService): void {
    const registry = metrics.registry;
    if (registry.getSingleMetric('arbiter_audit_chain_head_seq')) return;
    const audit = this.audit;
    // Read at scrape time, once per scrape for both gauges. While the database is away the last values stay
    // (a head seq of 0 would look like a cut-off chain).
    let pending: Promise<ChainHead | null | undefined> | null = null;
    const head = () =>
      (pending ??= audit
        .head()
        .catch(() => undefined)
        .finally(() => setImmediate(() => (pending = null))));
    new Gauge({
      name: 'arbiter_audit_chain_head_seq',
      help: 'Sequence number of the newest audit log entry (0: empty); it never goes down',
      registers: [registry],
      async collect() {
        const current = await head();
        if (current !== undefined) this.set(current?.seq ?? 0);
      },
    });
    new Gauge({
      name: 'arbiter_audit_chain_head_info',
      help: "Always 1; the hash label is the newest audit log entry's hash (keep it to detect a cut-off or rewritten tail)",
      labelNames: ['seq', 'hash'],
      registers: [registry],
      async collect() {
        const current = await head();
        if (current === undefined) return;
        this.reset();
        if (current) this.set({ seq: String(current.seq), hash: current.hash }, 1);
      },
    });
  }
}
