import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { AppError } from '../common/errors';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DatasetsService } from '../datasets/datasets.service';
import { MaintenanceSchedule } from './maintenance-schedule';

/**
 * Deletes the datasets uploaded more than DATASET_RETENTION_DAYS ago (0: keeps them for ever), each
 * with its rows and an audit entry naming the setting, as a user's delete would. A dataset a
 * simulation is queued or running on is kept until a later pass: the delete guards refuse it now.
 * Runs in every maintenance pass.
 */
@Injectable()
export class DatasetRetentionService implements OnModuleInit {
  private readonly logger = new Logger('DatasetRetention');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly datasets: DatasetsService,
    private readonly schedule: MaintenanceSchedule,
  ) {}

  onModuleInit(): void {
    this.schedule.addTask(() => this.expire());
  }

  /** Deletes the expired datasets it may; returns how many it deleted. */
  async expire(): Promise<number> {
    const days = this.config.retention.datasetDays;
    if (days === 0) return 0;
    let deleted = 0;
    for (const dataset of await this.datasets.uploadedBefore(days)) {
      try {
        await this.datasets.delete(null, dataset.id, `older than DATASET_RETENTION_DAYS=${days}`);
        deleted += 1;
      } catch (error) {
        // Refused for now (a simulation on it) or deleted by someone else meanwhile: the next pass sees.
        if (!(error instanceof AppError)) throw error;
        this.logger.log(`Dataset "${dataset.name}" is past its retention but kept for now: ${error.message}`);
      }
    }
    if (deleted) this.logger.log(`datasets: deleted ${deleted} uploaded more than ${days} days ago`);
    return deleted;
  }
}
