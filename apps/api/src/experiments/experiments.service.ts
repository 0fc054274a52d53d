import { Injectable } from '@nestjs/common';
import { NODE_SPECS, type StrategyDocument } from '@arbiter/engine';
import type { Actor } from '../auth/actor';
import { AppError, notFound, validationFailed } from '../common/errors';
import { ArmOutcomesRepository } from '../interactions/arm-outcomes.repository';
import type { StrategyVersion } from '../strategies/strategy-version.entity';
import { VersionsService } from '../strategies/versions.service';
import { DEFAULT_SEQUENTIAL } from './arm-statistics';
import {
  DEFAULT_POSITIVE_OUTCOMES,
  type ExperimentResults,
  type SplitExperiment,
} from './dto/experiment.types';
import { promoteArm } from './promote-arm';
import { splitExperiment, type SplitResult, type SplitStepConfig } from './split-experiment';

/**
 * Experiments: the percentage splits of a strategy version read as champion / challenger tests, from
 * the arms the decision log recorded and the outcomes reported for those decisions; and promoting
 * the winning arm as a new draft, which then goes through review like any other.
 */
@Injectable()
export class ExperimentsService {
  constructor(
    private readonly versions: VersionsService,
    private readonly outcomes: ArmOutcomesRepository,
  ) {}

  async results(
    strategyId: string,
    versionNumber?: number | null,
    positiveOutcomes?: readonly string[] | null,
  ): Promise<ExperimentResults> {
    const version = await this.version(strategyId, versionNumber);
    const positives = [...new Set(positiveOutcomes ?? DEFAULT_POSITIVE_OUTCOMES)];
    const splits = await this.splits(version, positives);
    return {
      strategyId,
      versionId: version.id,
      version: version.number,
      status: version.status,
      positiveOutcomes: positives,
      alpha: DEFAULT_SEQUENTIAL.alpha,
      minDecisions: DEFAULT_SEQUENTIAL.minDecisions,
      splits: splits.map(toGraphql),
    };
  }

  /**
   * A new DRAFT of the strategy in which the split step is replaced by its winning arm. Only the arm
   * the always-valid test found best may be promoted, so nobody ends a test on noise.
   */
  async promote(
    actor: Actor,
    strategyId: string,
    versionNumber: number,
    splitStepId: string,
    arm: string,
    positiveOutcomes?: readonly string[] | null,
  ): Promise<StrategyVersion> {
    const version = await this.version(strategyId, versionNumber);
    const step = splitSteps(version.document).find((s) => s.id === splitStepId);
    if (!step)
      throw validationFailed([
        {
          field: 'splitStepId',
          message: `version ${version.number} has no percentage split step "${splitStepId}"`,
        },
      ]);
    if (!step.branches.some((b) => b.id === arm)) {
      throw validationFailed([
        {
          field: 'arm',
          message: `split step "${splitStepId}" has no arm "${arm}"; its arms: ${step.branches.map((b) => b.id).join(', ')}`,
        },
      ]);
    }
    const positives = [...new Set(positiveOutcomes ?? DEFAULT_POSITIVE_OUTCOMES)];
    const result = (await this.splits(version, positives)).find((s) => s.splitStepId === splitStepId)!;
    if (result.winner !== arm) {
      const why = result.winner
        ? `the test found "${result.winner}" best, not "${arm}".`
        : `the test has no verdict yet. ${result.summary}`;
      throw new AppError(
        'INVALID_STATE',
        `Arm "${arm}" of split step "${splitStepId}" cannot be promoted: ${why}`,
        { verdict: result.verdict, winner: result.winner },
      );
    }
    const winner = result.arms.find((a) => a.arm === arm)!;
    return this.versions.clone(actor, version.id, {
      document: promoteArm(version.document as StrategyDocument, splitStepId, arm),
      comment: `split step "${splitStepId}" replaced by its winning arm "${arm}" (${winner.positives} of ${winner.decisions} decisions positive; ${result.verdict}, always-valid p ${pValueText(result)})`,
    });
  }

  private async version(strategyId: string, number?: number | null): Promise<StrategyVersion> {
    const versions = await this.versions.byStrategy(strategyId);
    if (!versions.length) throw notFound('Strategy', strategyId);
    if (number === undefined || number === null) {
      const published = await this.versions.published(strategyId);
      if (!published) throw notFound('Published version of strategy', strategyId);
      return published;
    }
    return versions.find((v) => v.number === number) ?? Promise.reject(notFound('Version', `${number}`));
  }

  private async splits(version: StrategyVersion, positives: readonly string[]): Promise<SplitResult[]> {
    const steps = splitSteps(version.document);
    if (!steps.length) return [];
    const hours = await this.outcomes.byHour(version.id, positives);
    return steps.map((step) =>
      splitExperiment(
        step,
        hours.filter((h) => h.splitStepId === step.id),
      ),
    );
  }
}

/** The percentage split steps of a document, with their branches as configured (defaults applied). */
function splitSteps(document: unknown): SplitStepConfig[] {
  const nodes = (document as Partial<StrategyDocument> | null)?.nodes ?? [];
  return nodes.flatMap((n) => {
    if (n.type !== 'split') return [];
    const config = NODE_SPECS.split.configSchema.safeParse(n.config);
    if (!config.success || config.data.mode !== 'percentage') return [];
    return [{ id: n.id, ...(n.label !== undefined && { label: n.label }), branches: config.data.branches }];
  });
}

/** The p-value behind the verdict: the winning challenger's, or the largest of the challengers the champion beat. */
function pValueText(result: SplitResult): string {
  const winner = result.arms.find((a) => a.arm === result.winner)!;
  const p = winner.champion ? Math.max(...result.arms.slice(1).map((a) => a.pValue!)) : winner.pValue!;
  return p < 0.001 ? '< 0.001' : `= ${p.toFixed(3)}`;
}

function toGraphql(s: SplitResult): SplitExperiment {
  return {
    splitStepId: s.splitStepId,
    label: s.label,
    verdict: s.verdict,
    winner: s.winner,
    summary: s.summary,
    comparisonAlpha: s.comparisonAlpha,
    arms: s.arms.map((a) => ({
      arm: a.arm,
      label: a.label,
      percent: a.percent,
      champion: a.champion,
      decisions: a.decisions,
      outcomes: a.outcomes,
      positives: a.positives,
      rate: a.rate,
      rateLow: a.rateInterval.low,
      rateHigh: a.rateInterval.high,
      difference: a.difference,
      differenceLow: a.differenceInterval?.low ?? null,
      differenceHigh: a.differenceInterval?.high ?? null,
      pValue: a.pValue,
      verdict: a.verdict,
    })),
  };
}
