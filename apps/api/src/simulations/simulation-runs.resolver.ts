import { setTimeout as sleep } from 'node:timers/promises';
import { Args, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { z } from 'zod';
import { CurrentActor, Roles } from '../auth/access.decorators';
import { Allowed, Permission } from '../auth/permissions';
import type { Actor } from '../auth/actor';
import { ALL_ROLES } from '../auth/roles';
import { Simulation, SimulationStatus } from './simulation.entity';
import { SimulationLearningInput, SimulationProgress } from './simulation-run.types';
import { SimulationsService } from './simulations.service';
import { CheckedArg, UuidArg } from '../common/graphql/checked-args';

const learningSchema = z
  .object({ orderBy: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters') })
  .nullish();
const RUNNING = new Set<string>([SimulationStatus.QUEUED, SimulationStatus.RUNNING]);
const POLL_MS = 500;

@Resolver(() => Simulation)
export class SimulationRunsResolver {
  constructor(private readonly simulations: SimulationsService) {}

  @Allowed(Permission.runSimulation)
  @Mutation(() => Simulation, {
    description:
      'Simulates a version over a dataset (BullMQ flow: one job per chunk of rows). The same content, dataset and baseline is reused unless force.',
  })
  runSimulation(
    @CurrentActor() actor: Actor,
    @UuidArg('versionId') versionId: string,
    @UuidArg('datasetId') datasetId: string,
    @UuidArg('baselineVersionId', { nullable: true })
    baselineVersionId?: string | null,
    @Args('force', { type: () => Boolean, nullable: true }) force?: boolean | null,
    @CheckedArg('learning', learningSchema, { type: () => SimulationLearningInput, nullable: true })
    learning?: SimulationLearningInput | null,
  ) {
    return this.simulations.run(actor, { versionId, datasetId, baselineVersionId, force, learning });
  }

  @Allowed(Permission.runSimulation)
  @Mutation(() => Simulation, {
    description: 'QUEUED or RUNNING → CANCELLED; pending chunks are removed, running ones stop.',
  })
  cancelSimulation(@CurrentActor() actor: Actor, @UuidArg('id') id: string) {
    return this.simulations.cancel(actor, id);
  }

  @Allowed(Permission.runSimulation)
  @Mutation(() => Simulation, {
    description:
      'Deletes a simulation and its results (audited): not while it is QUEUED or RUNNING (cancel it first), nor while it is the evidence of a version in review, approved or published.',
  })
  deleteSimulation(@CurrentActor() actor: Actor, @UuidArg('id') id: string) {
    return this.simulations.delete(actor, id);
  }

  @Roles(...ALL_ROLES)
  @Query(() => Simulation, {
    description: 'One simulation: status, progress, results and the comparison with its baseline.',
  })
  simulation(@UuidArg('id') id: string) {
    return this.simulations.get(id);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'Why deleteSimulation would refuse now (still running, or the evidence of a version in review, approved or published); null: it may be deleted.',
  })
  async deleteRefusal(@Parent() simulation: Simulation): Promise<string | null> {
    return (await this.simulations.deleteRefusal(simulation))?.message ?? null;
  }

  @ResolveField(() => SimulationProgress)
  progress(@Parent() simulation: Simulation) {
    return this.simulations.progress(simulation);
  }

  @Roles(...ALL_ROLES)
  @Subscription(() => SimulationProgress, {
    description:
      'Progress of a simulation until it ends (graphql-ws; the access token goes in connectionParams.authorization).',
  })
  simulationProgress(@UuidArg('id') id: string): AsyncGenerator<{ simulationProgress: SimulationProgress }> {
    return this.follow(id);
  }

  private async *follow(id: string): AsyncGenerator<{ simulationProgress: SimulationProgress }> {
    let last = '';
    for (;;) {
      const progress = await this.simulations.progress(await this.simulations.get(id));
      const key = `${progress.status}:${progress.rowsDone}`;
      if (key !== last) {
        last = key;
        yield { simulationProgress: progress };
      }
      if (!RUNNING.has(progress.status)) return;
      await sleep(POLL_MS);
    }
  }
}
