import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { recordHash } from '../audit/record-hash';
import type { Simulation } from '../simulations/simulation.entity';
import { SimulationsRepository } from '../simulations/simulations.repository';
import { FairnessStatus, type FairnessCheckType, type FairnessSettingsValues } from './dto/fairness.types';
import { fairnessCheckOf, type CheckedSimulation } from './fairness-check';
import type { FairnessSettings } from './fairness-settings.entity';
import { FairnessSettingsRepository } from './fairness-settings.repository';

export interface FailedCheck {
  simulation: Simulation;
  check: FairnessCheckType;
}

const thresholdsOf = (s: FairnessSettings) => ({ ratioFloor: s.ratioFloor, minGroupSize: s.minGroupSize });

/** The thresholds of the fairness check (admin) and the check of simulations with them. */
@Injectable()
export class FairnessService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settingsRepository: FairnessSettingsRepository,
    private readonly simulations: SimulationsRepository,
    private readonly audit: AuditService,
  ) {}

  settings(em?: EntityManager): Promise<FairnessSettings> {
    return this.settingsRepository.get(em);
  }

  async setSettings(actor: Actor, values: FairnessSettingsValues): Promise<FairnessSettings> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.settingsRepository.lock(em);
      const after = await this.settingsRepository.update(em, { ...values, updatedBy: actor.id });
      await this.audit.append(em, actor, {
        action: 'fairness.settings',
        entityType: 'fairnessSettings',
        entityId: 'fairness-check',
        beforeHash: recordHash(thresholdsOf(before)),
        afterHash: recordHash(thresholdsOf(after)),
        comment: `fairness check: ratio floor ${before.ratioFloor} → ${after.ratioFloor}, minimum group size ${before.minGroupSize} → ${after.minGroupSize}`,
      });
      return after;
    });
  }

  /** The check of one simulation with the current thresholds. */
  async check(simulation: CheckedSimulation, settings?: FairnessSettings): Promise<FairnessCheckType> {
    return fairnessCheckOf(simulation, thresholdsOf(settings ?? (await this.settings())));
  }

  /** The completed simulations of exactly this content whose check fails now: what an approval must justify. */
  async failedEvidence(contentHash: string, em: EntityManager): Promise<FailedCheck[]> {
    const settings = await this.settings(em);
    const failed: FailedCheck[] = [];
    for (const simulation of await this.simulations.completedOf(contentHash, em)) {
      const check = fairnessCheckOf(simulation as CheckedSimulation, thresholdsOf(settings));
      if (check.status === FairnessStatus.FAILED) failed.push({ simulation, check });
    }
    return failed;
  }
}
