import { Injectable } from '@nestjs/common';
import type { InlineModelSpec } from '@arbiter/engine';
import type { AdaptiveState } from '@arbiter/learning';
import { ModelsService } from '../models/models.service';
import type { AdaptiveModelConfig } from './adaptive-config';
import { priorState } from './adaptive-learning';

/** What an adaptive model version's row keeps in `provenance`. */
export interface AdaptiveProvenance {
  config: AdaptiveModelConfig;
  /** The trained model's engine spec the prior was taken from (copied: the version stays self-contained). */
  priorSpec: InlineModelSpec | null;
}

export interface AdaptiveDefinition {
  modelId: string;
  version: number;
  name: string;
  config: AdaptiveModelConfig;
  prior: AdaptiveState;
}

/** Adaptive model versions (immutable, so cached) with their prior state built once. */
@Injectable()
export class AdaptiveDefinitions {
  private readonly cache = new Map<string, Promise<AdaptiveDefinition | undefined>>();

  constructor(private readonly models: ModelsService) {}

  get(modelId: string, version: number): Promise<AdaptiveDefinition | undefined> {
    const key = `${modelId}@${version}`;
    let found = this.cache.get(key);
    if (!found) {
      found = this.load(modelId, version);
      this.cache.set(key, found);
      found.then(
        (d) => d ?? this.cache.delete(key),
        () => this.cache.delete(key),
      );
    }
    return found;
  }

  private async load(modelId: string, version: number): Promise<AdaptiveDefinition | undefined> {
    const row = await this.models.versionOf(modelId, version);
    if (!row || row.algorithm !== 'ADAPTIVE') return undefined;
    const { config, priorSpec } = row.provenance as AdaptiveProvenance;
    return { modelId, version, name: row.modelName, config, prior: priorState(modelId, config, priorSpec) };
  }
}
