import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { CustomerSchemaModule } from '../customer-schema/customer-schema.module';
import { ModelsModule } from '../models/models.module';
import { PinnedModelsRepository } from './pinned-models.repository';
import { StrategiesRepository } from './strategies.repository';
import { StrategyEnvironmentService } from './strategy-environment.service';
import { VersionsRepository } from './versions.repository';

const READS = [StrategiesRepository, VersionsRepository, StrategyEnvironmentService, PinnedModelsRepository];

/**
 * The strategies feature's reads, without its lifecycle and resolvers: for the features that run
 * versions in the worker too (simulations, the adaptive learner), which cannot import
 * StrategiesModule there.
 */
@Module({
  imports: [ActionsModule, CustomerSchemaModule, ModelsModule],
  providers: READS,
  exports: READS,
})
export class StrategyReadsModule {}
