import { Inject, Injectable, Logger } from '@nestjs/common';
import { DAY_MS, dayOf, type DailyPartitions } from '../common/daily-partitions.repository';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DecisionLogPartitions } from '../decision-log/decision-log-partitions.repository';
import { InteractionPartitions } from '../interactions/interaction-partitions.repository';
import { VersionsService } from '../strategies/versions.service';
import { longestContactWindowDays } from './contact-policy-windows';

/** What one pass did to one table. */
export interface TableMaintenance {
  table: string;
  /** Days kept (0: for ever), after any extension for contact policies. */
  retentionDays: number;
  /** Partitions created (UTC days, ISO dates). */
  created: string[];
  /** Rows moved out of the default partition into their day's new partition. */
  moved: number;
  /** Expired partitions dropped (UTC days, ISO dates). */
  dropped: string[];
  /** Expired rows deleted from the default partition (days that never had a partition). */
  strayDeleted: number;
}

const isoDay = (day: number) => new Date(day).toISOString().slice(0, 10);

/**
 * Keeps the decision log and the interactions bounded: daily partitions exist PARTITIONS_AHEAD_DAYS
 * ahead, rows that landed in a default partition move into their day's partition, and days older
 * than the table's retention are dropped whole. The interactions are kept at least as long as the
 * longest contact-policy window of a published strategy, which reads them: a shorter setting is
 * extended, and the log says so.
 */
@Injectable()
export class PartitionMaintenanceService {
  private readonly logger = new Logger('PartitionMaintenance');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly decisionLog: DecisionLogPartitions,
    private readonly interactions: InteractionPartitions,
    private readonly versions: VersionsService,
  ) {}

  async run(now = Date.now()): Promise<TableMaintenance[]> {
    const { decisionLogDays } = this.config.retention;
    const decisions = await this.maintain(this.decisionLog, decisionLogDays, now);
    const interactionsDays = await this.interactionsRetention();
    const interactions = await this.maintain(this.interactions, interactionsDays, now);
    if (interactionsDays) await this.interactions.deleteKeysBefore(dayOf(now) - interactionsDays * DAY_MS);
    return [decisions, interactions];
  }

  /** INTERACTIONS_RETENTION_DAYS, or the longest contact-policy window of a published strategy when that is longer. */
  async interactionsRetention(): Promise<number> {
    const configured = this.config.retention.interactionsDays;
    if (configured === 0) return 0;
    let longest = 0;
    let strategyId: string | undefined;
    for (const version of await this.versions.allPublished()) {
      const days = longestContactWindowDays(version.document);
      if (days > longest) [longest, strategyId] = [days, version.strategyId];
    }
    if (longest <= configured) return configured;
    this.logger.warn(
      `INTERACTIONS_RETENTION_DAYS=${configured} is shorter than the ${longest}-day contact-policy window of published strategy ${strategyId}: interactions are kept ${longest} days`,
    );
    return longest;
  }

  private async maintain(
    table: DailyPartitions,
    retentionDays: number,
    now: number,
  ): Promise<TableMaintenance> {
    const today = dayOf(now);
    const cutoff = retentionDays ? today - retentionDays * DAY_MS : -Infinity;
    const horizon = today + this.config.retention.partitionsAheadDays * DAY_MS;
    const report: TableMaintenance = {
      table: table.table,
      retentionDays,
      created: [],
      moved: 0,
      dropped: [],
      strayDeleted: 0,
    };
    const existing = new Set(await table.days());
    const wanted = new Set<number>();
    for (let day = today; day <= horizon; day += DAY_MS) wanted.add(day);
    for (const { day } of await table.strayDays())
      if (day >= cutoff && day <= horizon && table.nameable(day)) wanted.add(day);
    for (const day of [...wanted].sort((a, b) => a - b)) {
      if (existing.has(day)) continue;
      const moved = await table.create(day);
      if (moved === undefined) continue;
      report.moved += moved;
      report.created.push(isoDay(day));
    }
    for (const day of existing) {
      if (day >= cutoff) continue;
      await table.drop(day);
      report.dropped.push(isoDay(day));
    }
    if (retentionDays) report.strayDeleted = await table.deleteStray(cutoff);
    if (report.dropped.length || report.moved || report.strayDeleted)
      this.logger.log(
        `${table.table}: kept ${retentionDays || 'all'} days; dropped ${report.dropped.length} expired partitions${report.dropped.length ? ` (${report.dropped[0]} … ${report.dropped.at(-1)})` : ''}, moved ${report.moved} rows out of the default partition, deleted ${report.strayDeleted} expired rows from it`,
      );
    return report;
  }
}
