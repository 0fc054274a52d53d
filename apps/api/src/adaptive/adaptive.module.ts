import { Module, type DynamicModule } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DecisionFactsModule } from '../decision-log/decision-facts.module';
import { OutcomeStreamModule } from '../interactions/outcome-stream.module';
import { ModelsModule } from '../models/models.module';
import { RetentionModule } from '../retention/retention.module';
import { StrategyReadsModule } from '../strategies/strategy-reads.module';
import { AdaptiveLearner } from './adaptive-learner';
import { AdaptiveMetrics } from './adaptive-metrics';
import { AdaptiveModelsService } from './adaptive-models.service';
import { AdaptiveServingModule } from './adaptive-serving.module';
import { AdaptiveStatusReader } from './adaptive-status.reader';
import { AdaptiveResolver } from './adaptive.resolver';
import { SnapshotRetentionService } from './snapshot-retention.service';

/**
 * Adaptive models. `api`: the GraphQL operations, /metrics figures and the learner; `worker`: the
 * learner only. The learner runs where ADAPTIVE_LEARNER is on; one process at a time learns.
 */
@Module({})
export class AdaptiveModule {
  static register(mode: 'api' | 'worker'): DynamicModule {
    return {
      module: AdaptiveModule,
      imports: [
        AdaptiveServingModule,
        // What the learner reads, each from the feature that owns it.
        OutcomeStreamModule,
        DecisionFactsModule,
        StrategyReadsModule,
        ...(mode === 'api' ? [AuditModule, ModelsModule, RetentionModule] : []),
      ],
      providers: [
        AdaptiveLearner,
        ...(mode === 'api'
          ? [
              AdaptiveStatusReader,
              AdaptiveMetrics,
              AdaptiveModelsService,
              AdaptiveResolver,
              SnapshotRetentionService,
            ]
          : []),
      ],
    };
  }
}
