import { Module, type OnModuleInit } from '@nestjs/common';
import { AuditNames, uuidsAmong } from '../audit/audit-names';
import { ActionsModule } from '../actions/actions.module';
import { AuditModule } from '../audit/audit.module';
import { CustomerSchemaModule } from '../customer-schema/customer-schema.module';
import { CustomerDatasetRowsRepository } from './customer-dataset-rows.repository';
import { DatasetRowsRepository } from './dataset-rows.repository';
import { DatasetsController } from './datasets.controller';
import { DatasetsRepository } from './datasets.repository';
import { DatasetsResolver } from './datasets.resolver';
import { DatasetsService } from './datasets.service';
import { SampleDatasetsService } from './sample-datasets.service';

/** Historical customer datasets: streamed upload (REST), mapping, quality report, privacy, samples. */
@Module({
  imports: [AuditModule, CustomerSchemaModule, ActionsModule],
  controllers: [DatasetsController],
  providers: [
    DatasetsService,
    DatasetsResolver,
    SampleDatasetsService,
    DatasetsRepository,
    DatasetRowsRepository,
    CustomerDatasetRowsRepository,
  ],
  exports: [DatasetsService, SampleDatasetsService, CustomerDatasetRowsRepository],
})
export class DatasetsModule implements OnModuleInit {
  constructor(
    private readonly auditNames: AuditNames,
    private readonly datasets: DatasetsRepository,
  ) {}

  /** Audit entries about this feature's entities read by name. */
  onModuleInit(): void {
    this.auditNames.register('dataset', async (ids) => {
      const names = await this.datasets.names(uuidsAmong(ids));
      return new Map([...names].map(([id, name]) => [id, `dataset '${name}'`]));
    });
  }
}
