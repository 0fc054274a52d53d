import { Injectable } from '@nestjs/common';
import { OutcomeStreamRepository } from '../interactions/outcome-stream.repository';
import { ModelsService } from '../models/models.service';
import { AdaptiveRepository } from './adaptive.repository';

/** Figures every instance reads from PostgreSQL alike (the learner may run in another process). */
@Injectable()
export class AdaptiveStatusReader {
  constructor(
    private readonly repository: AdaptiveRepository,
    private readonly outcomes: OutcomeStreamRepository,
    private readonly models: ModelsService,
  ) {}

  /** Each model version's newest guard figures, with the model's name; a model deleted meanwhile is left out. */
  async guards() {
    const [guards, models] = await Promise.all([this.repository.guards(), this.models.list()]);
    const names = new Map(models.map((m) => [m.id, m.name]));
    return guards.flatMap(({ modelId, ...guard }) => {
      const name = names.get(modelId);
      return name === undefined ? [] : [{ name, ...guard }];
    });
  }

  /** Seconds since the oldest outcome no learning model has read yet arrived; 0 when caught up or nothing learns. */
  async learnerLag(): Promise<number> {
    const seq = await this.repository.lowestScanned();
    return seq === undefined ? 0 : this.outcomes.lagSeconds(seq);
  }
}
