import { Module } from '@nestjs/common';
import { AdaptiveRepository } from '../adaptive/adaptive.repository';
import { AuditModule } from '../audit/audit.module';
import { DecisionLogModule } from '../decision-log/decision-log.module';
import { InteractionsModule } from '../interactions/interactions.module';
import { StrategiesModule } from '../strategies/strategies.module';
import { MaintenanceSchedule } from './maintenance-schedule';
import { PartitionMaintenanceService } from './partition-maintenance.service';
import { SnapshotRetentionService } from './snapshot-retention.service';

/** Bounds the tables that grow with every decision (daily partitions made ahead, expired days dropped) and the adaptive snapshots. */
@Module({
  imports: [DecisionLogModule, InteractionsModule, StrategiesModule, AuditModule],
  providers: [PartitionMaintenanceService, SnapshotRetentionService, AdaptiveRepository, MaintenanceSchedule],
  exports: [PartitionMaintenanceService, SnapshotRetentionService],
})
export class RetentionModule {}
