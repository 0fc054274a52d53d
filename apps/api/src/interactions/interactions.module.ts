import { Module } from '@nestjs/common';
import { DecisionLogModule } from '../decision-log/decision-log.module';
import { RestModule } from '../rest/rest.module';
import { ArmOutcomesRepository } from './arm-outcomes.repository';
import { CustomerInteractionsRepository } from './customer-interactions.repository';
import { HistoryService } from './history.service';
import { InteractionsController } from './interactions.controller';
import { InteractionsResolver } from './interactions.resolver';
import { InteractionsService } from './interactions.service';

@Module({
  imports: [DecisionLogModule, RestModule],
  controllers: [InteractionsController],
  providers: [
    HistoryService,
    InteractionsService,
    InteractionsResolver,
    CustomerInteractionsRepository,
    ArmOutcomesRepository,
  ],
  exports: [HistoryService, InteractionsService, CustomerInteractionsRepository, ArmOutcomesRepository],
})
export class InteractionsModule {}
