import { Injectable } from '@nestjs/common';
import { OutcomeStreamRepository } from '../interactions/outcome-stream.repository';
import { AdaptiveRepository } from './adaptive.repository';

/** Figures every instance reads from PostgreSQL alike (the learner may run in another process). */
@Injectable()
export class AdaptiveStatusReader {
  constructor(
    private readonly repository: AdaptiveRepository,
    private readonly outcomes: OutcomeStreamRepository,
  ) {}

  guards() {
    return this.repository.guards();
  }

  /** Seconds since the oldest outcome no learning model has read yet arrived; 0 when caught up or nothing learns. */
  async learnerLag(): Promise<number> {
    const seq = await this.repository.lowestScanned();
    return seq === undefined ? 0 : this.outcomes.lagSeconds(seq);
  }
}
