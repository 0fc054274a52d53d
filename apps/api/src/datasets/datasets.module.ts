import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CustomerSchemaModule } from '../customer-schema/customer-schema.module';
import { DatasetsController } from './datasets.controller';
import { DatasetsResolver } from './datasets.resolver';
import { DatasetsService } from './datasets.service';
import { SampleDatasetsService } from './sample-datasets.service';

/** Historical customer datasets: streamed upload (REST), mapping, quality report, privacy, samples. */
@Module({
  imports: [AuditModule, CustomerSchemaModule],
  controllers: [DatasetsController],
  providers: [DatasetsService, DatasetsResolver, SampleDatasetsService],
  exports: [DatasetsService, SampleDatasetsService],
})
export class DatasetsModule {}
