import { Module } from '@nestjs/common';
import { InteractionsModule } from '../interactions/interactions.module';
import { StrategiesModule } from '../strategies/strategies.module';
import { ExperimentsResolver } from './experiments.resolver';
import { ExperimentsService } from './experiments.service';

/** Split steps read as experiments: live rates per arm, an always-valid test, promoting the winner as a draft. */
@Module({
  imports: [StrategiesModule, InteractionsModule],
  providers: [ExperimentsService, ExperimentsResolver],
})
export class ExperimentsModule {}
