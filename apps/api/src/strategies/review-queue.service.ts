import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { StrategiesRepository } from './strategies.repository';
import type { Strategy } from './strategy.entity';
import type { StrategyVersion } from './strategy-version.entity';
import { VersionsRepository } from './versions.repository';

export interface ReviewQueueItem {
  strategy: Strategy;
  version: StrategyVersion;
}

/** A reviewer's queue: the versions in review they may approve or reject. */
@Injectable()
export class ReviewQueueService {
  constructor(
    private readonly versions: VersionsRepository,
    private readonly strategies: StrategiesRepository,
  ) {}

  async queue(actor: Actor): Promise<ReviewQueueItem[]> {
    const waiting = await this.versions.awaitingReviewBy(actor.id);
    const strategies = new Map<string, Strategy>();
    for (const id of new Set(waiting.map((v) => v.strategyId))) {
      const strategy = await this.strategies.findById(id);
      if (strategy) strategies.set(id, strategy);
    }
    return waiting.flatMap((version) => {
      const strategy = strategies.get(version.strategyId);
      return strategy ? [{ strategy, version }] : [];
    });
  }
}
