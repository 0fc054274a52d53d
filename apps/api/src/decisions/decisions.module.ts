import { Module } from '@nestjs/common';
import { AdaptiveServingModule } from '../adaptive/adaptive-serving.module';
import { DecisionLogModule } from '../decision-log/decision-log.module';
import { InteractionsModule } from '../interactions/interactions.module';
import { ProfilesModule } from '../profiles/profiles.module';
import { RestModule } from '../rest/rest.module';
import { StrategiesModule } from '../strategies/strategies.module';
import { DecisionsController } from './decisions.controller';
import { DecisionsResolver } from './decisions.resolver';
import { DecisionsService } from './decisions.service';
import { PublishedPlans } from './published-plans';
import { PublishedStrategyEventsModule } from '../strategies/published-strategy-events.module';

/** The decision API: REST /api/v1/decisions (+ :batch), the GraphQL `decide` query, the published-plan cache. */
@Module({
  imports: [
    AdaptiveServingModule,
    StrategiesModule,
    PublishedStrategyEventsModule,
    DecisionLogModule,
    InteractionsModule,
    ProfilesModule,
    RestModule,
  ],
  controllers: [DecisionsController],
  providers: [PublishedPlans, DecisionsService, DecisionsResolver],
})
export class DecisionsModule {}
