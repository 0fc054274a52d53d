import { Global, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SimulationsModule } from '../simulations/simulations.module';
import { ApprovalEvidence } from '../strategies/lifecycle-ports';
import { SimulationApprovalEvidence, VersionEvidenceResolver } from './approval-evidence';
import { FairnessResolver, SimulationFairnessResolver } from './fairness.resolver';
import { FairnessSettingsRepository } from './fairness-settings.repository';
import { FairnessService } from './fairness.service';

/**
 * The fairness check: its thresholds (admin), and the check of each simulation. Global because it
 * provides the lifecycle's ApprovalEvidence port: strategies cannot import this module (it reads
 * strategies' versions).
 */
@Global()
@Module({
  imports: [AuditModule, SimulationsModule],
  providers: [
    FairnessSettingsRepository,
    FairnessService,
    FairnessResolver,
    SimulationFairnessResolver,
    VersionEvidenceResolver,
    { provide: ApprovalEvidence, useClass: SimulationApprovalEvidence },
  ],
  exports: [FairnessService, ApprovalEvidence],
})
export class FairnessModule {}
