import { Injectable } from '@nestjs/common';
import type { ModelSpec } from '@arbiter/engine';
import type { PinnedModel } from '../strategies/pinned-environment';
import { AdaptiveDefinitions } from './adaptive-definitions';
import { restoreLearned, servingSpec } from './adaptive-learning';
import { AdaptiveRepository } from './adaptive.repository';

/** The engine specs of the adaptive models a version pins, as their serving snapshots have them now. */
@Injectable()
export class AdaptiveServing {
  constructor(
    private readonly definitions: AdaptiveDefinitions,
    private readonly repository: AdaptiveRepository,
  ) {}

  /** Specs by registry key for the adaptive ones among `models` (the pinned spec is the prior: used when no snapshot is found). */
  async specs(models: Record<string, PinnedModel> | undefined): Promise<Record<string, ModelSpec>> {
    const specs: Record<string, ModelSpec> = {};
    for (const [key, pinned] of Object.entries(models ?? {})) {
      if ((pinned.spec as { type?: string }).type !== 'adaptive') continue;
      const [definition, snapshot] = await Promise.all([
        this.definitions.get(pinned.modelId, pinned.version),
        this.repository.serving(pinned.modelId, pinned.version),
      ]);
      if (!definition || !snapshot) continue;
      specs[key] = servingSpec(
        restoreLearned(snapshot.state, snapshot.hash),
        definition.prior,
        definition.config,
      ) as ModelSpec;
    }
    return specs;
  }
}
