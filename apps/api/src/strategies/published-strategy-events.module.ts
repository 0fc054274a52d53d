import { Module } from '@nestjs/common';
import { PublishedStrategyEvents } from './published-strategy-events';

/** Imported by the strategies module (publish/rollback/retire announce) and the decisions module (plan cache). */
@Module({ providers: [PublishedStrategyEvents], exports: [PublishedStrategyEvents] })
export class PublishedStrategyEventsModule {}
