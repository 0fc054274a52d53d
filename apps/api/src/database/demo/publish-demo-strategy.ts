import type { ModuleRef } from '@nestjs/core';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { FairnessService } from '../../fairness/fairness.service';
import { SimulationStatus } from '../../simulations/simulation.entity';
import { SimulationsService } from '../../simulations/simulations.service';
import { LifecycleService } from '../../strategies/lifecycle.service';
import { VersionsService } from '../../strategies/versions.service';

const SIMULATION_WAIT_MS = 120_000;

/**
 * The seed's reviewer's reason for approving the coupon strategy although its fairness check fails:
 * what the check shows is true of the example, and a real review would have to act on it.
 */
export const DEMO_FAIRNESS_JUSTIFICATION =
  'Demo data only. The acceptance models fitted on the coupon survey read age band and gender, and bar ' +
  'coupons are never offered to drivers under 21, so these groups get different coupons first. Approved ' +
  'so the tour has a live strategy; a real review would take gender and age out of the models or ' +
  'document why each difference is acceptable.';

/**
 * Takes the demo strategy's first version to PUBLISHED the way people would: the designer submits,
 * the analyst simulates it on its business line's sample dataset, the reviewer approves with that
 * evidence and the publisher publishes. Everything lands in the audit log like any other change.
 * When the simulation's fairness check fails (the coupon models read age band and gender), the
 * reviewer approves with a written justification that says so, as a person would have to.
 */
export async function publishDemoStrategy(
  modules: ModuleRef,
  dataSource: DataSource,
  strategyId: string,
  dataset: { id: string; name: string },
  actors: Record<'designer' | 'analyst' | 'reviewer' | 'publisher', Actor>,
): Promise<boolean> {
  const lifecycle = modules.get(LifecycleService, { strict: false });
  const simulations = modules.get(SimulationsService, { strict: false });
  // Newest first: the last one is the strategy's first version.
  const version = (await modules.get(VersionsService, { strict: false }).byStrategy(strategyId)).at(-1);
  if (!version) return false;
  await lifecycle.submit(actors.designer, version.id);
  let simulation = await simulations.run(actors.analyst, { versionId: version.id, datasetId: dataset.id });
  const deadline = Date.now() + SIMULATION_WAIT_MS;
  while (simulation.status === SimulationStatus.QUEUED || simulation.status === SimulationStatus.RUNNING) {
    if (Date.now() > deadline) return false; // no worker took it (e.g. RUN_WORKER=false): stays IN_REVIEW
    await new Promise((resolve) => setTimeout(resolve, 250));
    simulation = await simulations.get(simulation.id);
  }
  if (simulation.status !== SimulationStatus.COMPLETED) return false;
  const unfair = await modules
    .get(FairnessService, { strict: false })
    .failedEvidence(simulation.contentHash, dataSource.manager);
  await lifecycle.approve(
    actors.reviewer,
    version.id,
    `Demo: approved after its simulation on “${dataset.name}”.`,
    unfair.length ? DEMO_FAIRNESS_JUSTIFICATION : null,
  );
  await lifecycle.publish(actors.publisher, version.id);
  return true;
}
