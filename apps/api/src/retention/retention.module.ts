import { Module } from '@nestjs/common';
import { AdaptiveRepository } from '../adaptive/adaptive.repository';
import { AuditModule } from '../audit/audit.module';
import { DatasetsModule } from '../datasets/datasets.module';
import { DecisionLogModule } from '../decision-log/decision-log.module';
import { InteractionsModule } from '../interactions/interactions.module';
import { StrategiesModule } from '../strategies/strategies.module';
import { DatasetRetentionService } from './dataset-retention.service';
import { MaintenanceSchedule } from './maintenance-schedule';
import { PartitionMaintenanceService } from './partition-maintenance.service';
import { SnapshotRetentionService } from './snapshot-retention.service';

/** Bounds the tables that grow with every decision (daily partitions made ahead, expired days dropped), the adaptive snapshots and the datasets kept. */
@Module({
  imports: [DecisionLogModule, InteractionsModule, StrategiesModule, AuditModule, DatasetsModule],
  providers: [
    PartitionMaintenanceService,
    SnapshotRetentionService,
    DatasetRetentionService,
    AdaptiveRepository,
    MaintenanceSchedule,
  ],
  exports: [PartitionMaintenanceService, SnapshotRetentionService, DatasetRetentionService],
})
export class RetentionModule {}
