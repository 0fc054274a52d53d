import { Module, type DynamicModule } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DecisionFactsRepository } from '../decision-log/decision-facts.repository';
import { OutcomeStreamRepository } from '../interactions/outcome-stream.repository';
import { ModelsModule } from '../models/models.module';
import { PinnedModelsRepository } from '../strategies/pinned-models.repository';
import { AdaptiveLearner } from './adaptive-learner';
import { AdaptiveMetrics } from './adaptive-metrics';
import { AdaptiveModelsService } from './adaptive-models.service';
import { AdaptiveServingModule } from './adaptive-serving.module';
import { AdaptiveStatusReader } from './adaptive-status.reader';
import { AdaptiveResolver } from './adaptive.resolver';

const READERS = [OutcomeStreamRepository, DecisionFactsRepository, PinnedModelsRepository];

/**
 * Adaptive models. `api`: the GraphQL operations, /metrics figures and the learner; `worker`: the
 * learner only. The learner runs where ADAPTIVE_LEARNER is on; one process at a time learns.
 */
@Module({})
export class AdaptiveModule {
  static register(mode: 'api' | 'worker'): DynamicModule {
    return {
      module: AdaptiveModule,
      imports: [AdaptiveServingModule, ...(mode === 'api' ? [AuditModule, ModelsModule] : [])],
      providers: [
        ...READERS,
        AdaptiveLearner,
        ...(mode === 'api'
          ? [AdaptiveStatusReader, AdaptiveMetrics, AdaptiveModelsService, AdaptiveResolver]
          : []),
      ],
    };
  }
}
