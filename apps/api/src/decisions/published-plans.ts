import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import {
  fieldsRead,
  type FieldsRead,
  compileStrategy,
  type CompiledStrategy,
  type DataSchema,
} from '@arbiter/engine';
import { notFound } from '../common/errors';
import { StrategiesService } from '../strategies/strategies.service';
import { StrategyEnvironmentService } from '../strategies/strategy-environment.service';
import { VersionsService } from '../strategies/versions.service';
import { requestSchema } from '../strategies/pinned-environment';
import { PublishedStrategyEvents } from '../strategies/published-strategy-events';
import { AdaptiveEvents } from '../adaptive/adaptive-events';
import { AdaptiveServing } from '../adaptive/adaptive-serving';
import { hasSplit } from './split-arms';

/** The PUBLISHED version of a strategy, compiled once and reused by every request. */
export interface PublishedPlan {
  strategyId: string;
  strategyName: string;
  versionId: string;
  versionNumber: number;
  contentHash: string;
  compiled: CompiledStrategy;
  schema: DataSchema;
  reads: FieldsRead;
  /** The strategy has a split step: each decision logs the arm it took (experiments). */
  split: boolean;
  /** Registry keys of the adaptive models it scores with: a new snapshot of one recompiles the plan. */
  adaptive: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * In-memory cache of compiled published versions, by strategy id (names resolve to ids). Entries
 * are dropped when PublishedStrategyEvents announces a change, so the next request loads and
 * compiles the new published version.
 */
@Injectable()
export class PublishedPlans implements OnModuleDestroy {
  private readonly plans = new Map<string, Promise<PublishedPlan>>();
  private readonly idsByName = new Map<string, string>();
  private readonly unsubscribe: (() => void)[];

  constructor(
    private readonly strategies: StrategiesService,
    private readonly versions: VersionsService,
    private readonly environment: StrategyEnvironmentService,
    private readonly adaptive: AdaptiveServing,
    events: PublishedStrategyEvents,
    snapshots: AdaptiveEvents,
  ) {
    this.unsubscribe = [
      events.onChange((strategyId) => this.invalidate(strategyId)),
      snapshots.onSnapshot((key) => this.snapshotServed(key)),
    ];
  }

  onModuleDestroy(): void {
    for (const unsubscribe of this.unsubscribe) unsubscribe();
  }

  /** A new snapshot of an adaptive model: the plans that score with it are compiled again (with its parameters) on their next request. */
  private snapshotServed(key: string): void {
    if (key === '*') return this.invalidate('*');
    for (const [id, plan] of this.plans) {
      plan.then(
        (p) => {
          if (p.adaptive.includes(key) && this.plans.get(id) === plan) this.plans.delete(id);
        },
        () => undefined,
      );
    }
  }

  invalidate(strategyId: string): void {
    if (strategyId === '*') this.plans.clear();
    else this.plans.delete(strategyId);
    this.idsByName.clear();
  }

  /** By id (UUID) or by name (case-insensitive). NOT_FOUND when unknown, archived or not published. */
  async get(ref: string): Promise<PublishedPlan> {
    const id = UUID.test(ref)
      ? ref.toLowerCase()
      : (this.idsByName.get(ref.toLowerCase()) ?? (await this.resolveName(ref)));
    let plan = this.plans.get(id);
    if (!plan) {
      plan = this.load(id, ref);
      this.plans.set(id, plan);
      // A failed load is not cached: the next request tries again.
      plan.catch(() => {
        if (this.plans.get(id) === plan) this.plans.delete(id);
      });
    }
    return plan;
  }

  private async resolveName(name: string): Promise<string> {
    const strategy = await this.strategies.byName(name);
    if (!strategy) throw notFound('Strategy', name);
    this.idsByName.set(name.toLowerCase(), strategy.id);
    return strategy.id;
  }

  private async load(id: string, ref: string): Promise<PublishedPlan> {
    const strategy = await this.strategies.get(id);
    if (!strategy || strategy.archivedAt) throw notFound('Strategy', ref);
    const version = await this.versions.published(id);
    if (!version) throw notFound('Published version of strategy', ref);
    // The version's own copy of the catalog entries and fields it reads: decides exactly as approved.
    const pinned = await this.environment.forVersion(version);
    // Adaptive models score with the parameters of their serving snapshot, not the pinned prior.
    const learned = await this.adaptive.specs(version.environment?.models);
    const env = Object.keys(learned).length
      ? { ...pinned, models: { ...pinned.models, ...learned } }
      : pinned;
    const live = version.environment ? await this.environment.load() : env;
    return {
      strategyId: strategy.id,
      strategyName: strategy.name,
      versionId: version.id,
      versionNumber: version.number,
      contentHash: version.contentHash,
      compiled: compileStrategy(version.document, env, this.environment.compileOptions(version)),
      schema: requestSchema(live.schema, env.schema ?? {}),
      reads: fieldsRead([version.document, ...Object.values(pinned.models ?? {})]),
      split: hasSplit(version.document),
      adaptive: Object.keys(learned),
    };
  }
}
