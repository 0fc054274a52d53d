import { Module } from '@nestjs/common';
import { OutcomeStreamRepository } from './outcome-stream.repository';

/** The outcome stream alone, for the adaptive learner (in the worker too, without the interactions API). */
@Module({ providers: [OutcomeStreamRepository], exports: [OutcomeStreamRepository] })
export class OutcomeStreamModule {}
