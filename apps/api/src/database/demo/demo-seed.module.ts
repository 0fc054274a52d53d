import { DatasetsModule } from '../../datasets/datasets.module';
import { Module } from '@nestjs/common';
import { ActionsModule } from '../../actions/actions.module';
import { CustomerSchemaModule } from '../../customer-schema/customer-schema.module';
import { StrategiesModule } from '../../strategies/strategies.module';
import { UsersModule } from '../../users/users.module';
import { DemoSeedService } from './demo-seed.service';

@Module({
  imports: [UsersModule, ActionsModule, CustomerSchemaModule, StrategiesModule, DatasetsModule],
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class DemoSeedModule {}
