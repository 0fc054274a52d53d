import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { SimulationStatus } from './simulation.entity';

@ObjectType('SimulationProgress', {
  description: 'Rows decided so far; rate and ETA from the rows done since the first chunk started.',
})
export class SimulationProgress {
  @Field(() => ID)
  simulationId: string;

  @Field(() => SimulationStatus)
  status: SimulationStatus;

  @Field(() => Int)
  rowsDone: number;

  @Field(() => Int)
  rowsTotal: number;

  @Field(() => Int)
  chunksDone: number;

  @Field(() => Int)
  chunkCount: number;

  @Field(() => Float, { nullable: true })
  rowsPerSecond: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Seconds left at the current rate; null before the first chunk and once finished.',
  })
  etaSeconds: number | null;
}

@InputType('SimulationLearningInput', {
  description:
    'Replay the dataset in time order with learning switched on: the adaptive models learn from each row whose top action is the logged one (the replay method), beside the same replay with the models frozen.',
})
export class SimulationLearningInput {
  @Field({
    description:
      'The customer field that orders the rows in time (a number, date or text column of the dataset).',
  })
  orderBy: string;
}
