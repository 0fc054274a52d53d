import { Module } from '@nestjs/common';
import { DecisionFactsRepository } from './decision-facts.repository';

/** Logged decisions' facts alone, for readers in the worker too (without the log's writer and its timer). */
@Module({ providers: [DecisionFactsRepository], exports: [DecisionFactsRepository] })
export class DecisionFactsModule {}
