import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { MaintenanceSchedule } from '../retention/maintenance-schedule';
import { AdaptiveRepository } from './adaptive.repository';

/**
 * Bounds `adaptive_snapshots`, which gains a row per model version every ADAPTIVE_SNAPSHOT_INTERVAL_MS
 * of learning: the newest ADAPTIVE_SNAPSHOTS_KEEP learned snapshots of each model version stay, and
 * so do the served one, every reset or rollback snapshot and every snapshot a rollback's audit entry
 * names ("rolled back to snapshot N"), so what the audit trail points at can still be opened.
 * Runs in every maintenance pass.
 */
@Injectable()
export class SnapshotRetentionService implements OnModuleInit {
  private readonly logger = new Logger('SnapshotRetention');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly snapshots: AdaptiveRepository,
    private readonly audit: AuditService,
    private readonly schedule: MaintenanceSchedule,
  ) {}

  onModuleInit(): void {
    this.schedule.addTask(() => this.trim());
  }

  async trim(): Promise<number> {
    const deleted = await this.snapshots.trimSnapshots(
      this.config.retention.adaptiveSnapshotsKeep,
      await this.rollbackTargets(),
    );
    if (deleted)
      this.logger.log(
        `adaptive_snapshots: deleted ${deleted} learned snapshots beyond the newest ${this.config.retention.adaptiveSnapshotsKeep} per model version`,
      );
    return deleted;
  }

  /** The snapshot ids the rollback entries of the audit log name. */
  private async rollbackTargets(): Promise<string[]> {
    const ids = new Set<string>();
    let after: string | null = null;
    do {
      const page = await this.audit.list({ action: 'adaptiveModel.rollback' }, { first: 100, after });
      for (const { node } of page.edges)
        for (const m of (node.comment ?? '').matchAll(/\bsnapshot (\d{1,18})\b/g)) ids.add(m[1]!);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return [...ids];
  }
}
