import { Module } from '@nestjs/common';
import { CustomerDecisionsRepository } from './customer-decisions.repository';
import { DecisionFactsRepository } from './decision-facts.repository';
import { DecisionLogPartitions } from './decision-log-partitions.repository';
import { DecisionLogWriter } from './decision-log.writer';

@Module({
  providers: [DecisionLogWriter, CustomerDecisionsRepository, DecisionFactsRepository, DecisionLogPartitions],
  exports: [DecisionLogWriter, CustomerDecisionsRepository, DecisionFactsRepository, DecisionLogPartitions],
})
export class DecisionLogModule {}
