import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { SimulationStatus } from './simulation.entity';

@ObjectType('SimulationProgress', { description: 'Rows decided so far; rate and ETA from the rows done since the first chunk started.' })
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

  @Field(() => Float, { nullable: true, description: 'Seconds left at the current rate; null before the first chunk and once finished.' })
  etaSeconds: number | null;
}
