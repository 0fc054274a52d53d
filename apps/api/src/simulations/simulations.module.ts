import { Module, type OnModuleInit } from '@nestjs/common';
import { AuditNames, uuidsAmong } from '../audit/audit-names';
import { AuditModule } from '../audit/audit.module';
import { DatasetsModule } from '../datasets/datasets.module';
import { StrategiesModule } from '../strategies/strategies.module';
import { SimulationLinks } from './simulation-links';
import { SimulationsRepository } from './simulations.repository';
import { SimulationNamesResolver } from './simulation-names.resolver';
import { SimulationsResolver } from './simulations.resolver';

/**
 * The simulations table, its list and what each simulation links to (versions, strategy, dataset: read
 * through the strategies' and datasets' services). Running them: SimulationRunsModule.
 */
@Module({
  imports: [AuditModule, StrategiesModule, DatasetsModule],
  providers: [SimulationsRepository, SimulationLinks, SimulationsResolver, SimulationNamesResolver],
  exports: [SimulationsRepository],
})
export class SimulationsModule implements OnModuleInit {
  constructor(
    private readonly auditNames: AuditNames,
    private readonly simulations: SimulationsRepository,
  ) {}

  /** Audit entries about this feature's entities read by name. */
  onModuleInit(): void {
    this.auditNames.register('simulation', async (ids, nameOf) => {
      const named = await Promise.all(
        (await this.simulations.subjects(uuidsAmong(ids))).map(async (s) => {
          const [version, dataset] = await Promise.all([
            s.versionId ? nameOf('version', s.versionId) : null,
            s.datasetId ? nameOf('dataset', s.datasetId) : null,
          ]);
          return [s.id, `simulation of ${version ?? 'a version'}${dataset ? ` on ${dataset}` : ''}`] as const;
        }),
      );
      return new Map(named);
    });
  }
}
