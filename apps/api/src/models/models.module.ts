import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DatasetsModule } from '../datasets/datasets.module';
import { ModelsRepository } from './models.repository';
import { ModelsResolver } from './models.resolver';
import { ModelsService } from './models.service';
import { TrainingJobsRepository } from './training-jobs.repository';

/**
 * The model registry (models, versions, the training jobs' records) and its queries. Other
 * features (strategies pinning a model version) import this module and call ModelsService.
 */
@Module({
  imports: [AuditModule, DatasetsModule],
  providers: [ModelsRepository, TrainingJobsRepository, ModelsService, ModelsResolver],
  exports: [ModelsService, TrainingJobsRepository],
})
export class ModelsModule {}
