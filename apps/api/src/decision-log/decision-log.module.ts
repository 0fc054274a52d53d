import { Module } from '@nestjs/common';
import { DecisionLogWriter } from './decision-log.writer';

@Module({ providers: [DecisionLogWriter], exports: [DecisionLogWriter] })
export class DecisionLogModule {}
