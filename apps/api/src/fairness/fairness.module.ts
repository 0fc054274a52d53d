import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SimulationsModule } from '../simulations/simulations.module';
import { FairnessResolver, SimulationFairnessResolver } from './fairness.resolver';
import { FairnessSettingsRepository } from './fairness-settings.repository';
import { FairnessService } from './fairness.service';

/** The fairness check: its thresholds (admin), and the check of each simulation; approval reads it. */
@Module({
  imports: [AuditModule, SimulationsModule],
  providers: [FairnessSettingsRepository, FairnessService, FairnessResolver, SimulationFairnessResolver],
  exports: [FairnessService],
})
export class FairnessModule {}
