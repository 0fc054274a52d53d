import { Injectable } from '@nestjs/common';
import type { AdaptiveState } from '@arbiter/learning';
import { notFound } from '../common/errors';
import { OutcomeStreamRepository } from '../interactions/outcome-stream.repository';
import { ModelsService } from '../models/models.service';
import { PinnedModelsRepository } from '../strategies/pinned-models.repository';
import { configView } from './adaptive-config';
import { AdaptiveDefinitions } from './adaptive-definitions';
import { restoreLearned, servingSpec } from './adaptive-learning';
import { AdaptiveRepository } from './adaptive.repository';
import type { AdaptiveModelStatus, AdaptivePredictorStatus } from './adaptive.types';

/**
 * What adaptive models' status reads, from PostgreSQL alike on every instance (the learner may run
 * in another process): the /metrics figures and a version's status page.
 */
@Injectable()
export class AdaptiveStatusReader {
  constructor(
    private readonly repository: AdaptiveRepository,
    private readonly outcomes: OutcomeStreamRepository,
    private readonly models: ModelsService,
    private readonly definitions: AdaptiveDefinitions,
    private readonly pinned: PinnedModelsRepository,
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

  /** A model version's status page: what it learned, its guard, history, snapshots and staff override rates. */
  async status(modelId: string, version: number): Promise<AdaptiveModelStatus> {
    const definition = await this.definitions.get(modelId, version);
    const [control, serving] = await Promise.all([
      this.repository.control(modelId, version),
      this.repository.serving(modelId, version),
    ]);
    if (!definition || !control || !serving)
      throw notFound('Adaptive model version', `${modelId} version ${version}`);
    const key = `${modelId}@${version}`;
    const learned = restoreLearned(serving.state, serving.hash);
    const { config } = definition;
    const [snapshots, versions, lag] = await Promise.all([
      this.repository.snapshots(modelId, version, 500),
      this.pinned.versionsPinning(key),
      this.outcomes.lagSeconds(Math.max(control.scannedSeq, serving.seq)),
    ]);
    const [names, overrideRates] = await Promise.all([
      this.actionNames(versions),
      this.outcomes.overrideRates(versions),
    ]);
    const groups = Object.entries(learned.groups).map(([groupKey, g]) => ({
      key: groupKey,
      name: config.groupBy === 'action' ? (names.get(groupKey) ?? groupKey) : groupKey,
      evidence: g.evidence,
      positives: g.positives,
      successRate: g.evidence ? g.positives / g.evidence : null,
      mature: g.evidence >= config.maturity,
    }));
    const guard = serving.guard;
    return {
      modelId,
      version,
      config: configView(config),
      frozen: control.frozen,
      servingSnapshotId: serving.id,
      evidence: serving.evidence,
      positives: serving.positives,
      successRate: serving.evidence ? serving.positives / serving.evidence : null,
      rollingAuc: guard.rollingAuc,
      calibrationError: guard.calibrationError,
      mature: groups.length > 0 && groups.every((g) => g.mature),
      lastUpdatedAt: serving.createdAt,
      learnerLagSeconds: lag,
      alert: guard.alert && { ...guard.alert, since: new Date(guard.alert.since) },
      history: snapshots
        .slice()
        .reverse()
        .map((s) => ({
          at: s.createdAt,
          evidence: s.evidence,
          positives: s.positives,
          rollingAuc: s.rollingAuc,
          calibrationError: s.calibrationError,
        })),
      groups,
      predictors: predictorStatus(Object.values(learned.groups), definition.prior),
      snapshots: snapshots.slice(0, 100),
      overrides: overrideRates.map((r) => ({
        ...r,
        actionName: names.get(r.actionId) ?? r.actionId,
        rate: r.shown ? r.overridden / r.shown : null,
      })),
      servingSpec: servingSpec(learned, definition.prior, config),
    };
  }

  /** Action id → name, from the catalogs the versions that use the model were saved with. */
  private async actionNames(versionIds: string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const env of (await this.pinned.environments(versionIds)).values())
      for (const a of env?.actions ?? []) names.set(a.id, a.name);
    return names;
  }
}

/** Each predictor's bins as posterior weights (groups averaged by evidence; the prior before any), and its importance. */
function predictorStatus(groups: AdaptiveState[], prior: AdaptiveState): AdaptivePredictorStatus[] {
  const learned = groups.filter((g) => g.evidence > 0);
  const states = learned.length ? learned : [prior];
  const total = states.reduce((n, s) => n + Math.max(1, s.evidence), 0);
  return prior.predictors.map((slot, p) => {
    const bins = new Map<string, { weight: number; variance: number }>();
    const add = (label: string, state: AdaptiveState, index: number) => {
      const share = Math.max(1, state.evidence) / total;
      const bin = bins.get(label) ?? { weight: 0, variance: 0 };
      bin.weight += share * state.means[index]!;
      bin.variance += share * (1 / state.precisions[index]!);
      bins.set(label, bin);
    };
    for (const state of states) {
      const own = state.predictors[p]!;
      if (own.kind === 'number') {
        add('per standard unit', state, own.value);
        add('missing', state, own.missing);
      } else {
        for (const [value, index] of Object.entries(own.categories)) add(value, state, index);
        add('missing', state, own.missing);
        add('other', state, own.other);
      }
    }
    const list = [...bins].map(([label, b]) => ({ label, weight: b.weight, sd: Math.sqrt(b.variance) }));
    const weights =
      slot.kind === 'number'
        ? list.flatMap((b) => (b.label === 'per standard unit' ? [b.weight, -b.weight] : [b.weight]))
        : list.map((b) => b.weight);
    return {
      name: slot.name,
      input: slot.input,
      importance: Math.max(...weights) - Math.min(...weights),
      bins: list,
    };
  });
}
