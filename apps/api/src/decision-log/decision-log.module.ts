import { Module } from '@nestjs/common';
import { CustomerDecisionsRepository } from './customer-decisions.repository';
import { DecisionFactsModule } from './decision-facts.module';
import { DecisionLogPartitions } from './decision-log-partitions.repository';
import { DecisionLogWriter } from './decision-log.writer';

@Module({
  imports: [DecisionFactsModule],
  providers: [DecisionLogWriter, CustomerDecisionsRepository, DecisionLogPartitions],
  exports: [DecisionLogWriter, CustomerDecisionsRepository, DecisionFactsModule, DecisionLogPartitions],
})
export class DecisionLogModule {}
