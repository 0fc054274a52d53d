import { Module } from '@nestjs/common';
import { DatasetsModule } from '../datasets/datasets.module';
import { DecisionLogModule } from '../decision-log/decision-log.module';
import { InteractionsModule } from '../interactions/interactions.module';
import { StrategiesModule } from '../strategies/strategies.module';
import { DatasetRetentionService } from './dataset-retention.service';
import { MaintenanceSchedule } from './maintenance-schedule';
import { PartitionMaintenanceService } from './partition-maintenance.service';

/**
 * Bounds the tables that grow with every decision (daily partitions made ahead, expired days dropped)
 * and the datasets kept; other features add their own trimming to the same pass (MaintenanceSchedule.addTask).
 */
@Module({
  imports: [DecisionLogModule, InteractionsModule, StrategiesModule, DatasetsModule],
  providers: [PartitionMaintenanceService, DatasetRetentionService, MaintenanceSchedule],
  exports: [PartitionMaintenanceService, DatasetRetentionService, MaintenanceSchedule],
})
export class RetentionModule {}
