import { Injectable } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { EntityManager } from 'typeorm';
import { Simulation } from '../simulations/simulation.entity';
import { SimulationsRepository } from '../simulations/simulations.repository';
import { ApprovalEvidence } from '../strategies/lifecycle-ports';
import { StrategyVersion } from '../strategies/strategy-version.entity';
import { FairnessService } from './fairness.service';

/** The lifecycle's approval evidence: the simulations of a version's exact content and their fairness check. */
@Injectable()
export class SimulationApprovalEvidence extends ApprovalEvidence {
  constructor(
    private readonly simulations: SimulationsRepository,
    private readonly fairness: FairnessService,
  ) {
    super();
  }

  async latestSimulationId(contentHash: string, em: EntityManager): Promise<string | null> {
    return (await this.simulations.latestCompleted(contentHash, em))?.id ?? null;
  }

  async fairnessFindings(contentHash: string, em: EntityManager): Promise<string[]> {
    return (await this.fairness.failedEvidence(contentHash, em)).flatMap((failed) => failed.check.findings);
  }
}

@Resolver(() => StrategyVersion)
export class VersionEvidenceResolver {
  constructor(private readonly simulations: SimulationsRepository) {}

  @ResolveField(() => [Simulation], {
    description: 'Simulations of exactly this content: the evidence a reviewer approves on.',
  })
  evidence(@Parent() version: StrategyVersion) {
    return this.simulations.byContentHash(version.contentHash);
  }
}
