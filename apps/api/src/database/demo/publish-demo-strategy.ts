import type { ModuleRef } from '@nestjs/core';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { SimulationStatus } from '../../simulations/simulation.entity';
import { SimulationsService } from '../../simulations/simulations.service';
import { LifecycleService } from '../../strategies/lifecycle.service';

const SIMULATION_WAIT_MS = 120_000;

/**
 * Takes the demo strategy's first version to PUBLISHED the way people would: the designer submits,
 * the analyst simulates it on a sample dataset, the reviewer approves with that evidence and the
 * publisher publishes. Everything lands in the audit log like any other change.
 */
export async function publishDemoStrategy(
  modules: ModuleRef,
  dataSource: DataSource,
  strategyId: string,
  datasetId: string,
  actors: Record<'designer' | 'analyst' | 'reviewer' | 'publisher', Actor>,
): Promise<boolean> {
  const lifecycle = modules.get(LifecycleService, { strict: false });
  const simulations = modules.get(SimulationsService, { strict: false });
  const [version] = await dataSource.query<{ id: string }[]>(
    'SELECT id FROM strategy_versions WHERE strategy_id = $1 ORDER BY number LIMIT 1',
    [strategyId],
  );
  if (!version) return false;
  await lifecycle.submit(actors.designer, version.id);
  let simulation = await simulations.run(actors.analyst, { versionId: version.id, datasetId });
  const deadline = Date.now() + SIMULATION_WAIT_MS;
  while (simulation.status === SimulationStatus.QUEUED || simulation.status === SimulationStatus.RUNNING) {
    if (Date.now() > deadline) return false; // no worker took it (e.g. RUN_WORKER=false): stays IN_REVIEW
    await new Promise((resolve) => setTimeout(resolve, 250));
    simulation = await simulations.get(simulation.id);
  }
  if (simulation.status !== SimulationStatus.COMPLETED) return false;
  await lifecycle.approve(
    actors.reviewer,
    version.id,
    'Demo: approved after its simulation on the coupon sample.',
  );
  await lifecycle.publish(actors.publisher, version.id);
  return true;
}
