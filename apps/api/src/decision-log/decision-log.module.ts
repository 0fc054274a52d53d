import { Module } from '@nestjs/common';
import { CustomerDecisionsRepository } from './customer-decisions.repository';
import { DecisionLogWriter } from './decision-log.writer';

@Module({
  providers: [DecisionLogWriter, CustomerDecisionsRepository],
  exports: [DecisionLogWriter, CustomerDecisionsRepository],
})
export class DecisionLogModule {}
