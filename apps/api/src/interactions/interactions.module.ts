import { Module, type OnModuleInit } from '@nestjs/common';
import { DecisionLogModule } from '../decision-log/decision-log.module';
import { DecisionLogWriter } from '../decision-log/decision-log.writer';
import { RestModule } from '../rest/rest.module';
import { ArmOutcomesRepository } from './arm-outcomes.repository';
import { CustomerInteractionsRepository } from './customer-interactions.repository';
import { HistoryService } from './history.service';
import { InteractionHistoryRepository } from './interaction-history.repository';
import { InteractionPartitions } from './interaction-partitions.repository';
import { InteractionsController } from './interactions.controller';
import { InteractionsRepository } from './interactions.repository';
import { InteractionsResolver } from './interactions.resolver';
import { InteractionsService } from './interactions.service';

@Module({
  imports: [DecisionLogModule, RestModule],
  controllers: [InteractionsController],
  providers: [
    HistoryService,
    InteractionHistoryRepository,
    InteractionsService,
    InteractionsResolver,
    CustomerInteractionsRepository,
    ArmOutcomesRepository,
    InteractionsRepository,
    InteractionPartitions,
  ],
  exports: [
    HistoryService,
    InteractionsService,
    CustomerInteractionsRepository,
    ArmOutcomesRepository,
    InteractionPartitions,
  ],
})
export class InteractionsModule implements OnModuleInit {
  constructor(
    private readonly writer: DecisionLogWriter,
    private readonly interactions: InteractionsRepository,
  ) {}

  /** Each decision-log flush writes its decisions' `shown` rows here, in the same transaction. */
  onModuleInit(): void {
    this.writer.writeAlongside(this.interactions);
  }
}
