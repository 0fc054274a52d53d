import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { validateStrategy, type StrategyDocument, type StrategyEnvironment } from '@arbiter/engine';
import { AdaptiveModelError, LearningReplay } from '@arbiter/learning';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { type AppError, invalidState, notFound, validationFailed } from '../common/errors';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Dataset, DatasetStatus } from '../datasets/dataset.entity';
import { DatasetsService } from '../datasets/datasets.service';
import { JOB_RUNNER, type JobRunner } from '../jobs/job-runner';
import { queueOperation } from '../jobs/queue-operation';
import { CustomerSchemaService } from '../customer-schema/customer-schema.service';
import {
  compileOptionsFor,
  problemDetails,
  StrategyEnvironmentService,
  versionProblems,
} from '../strategies/strategy-environment.service';
import { StrategiesRepository } from '../strategies/strategies.repository';
import { StrategyVersion } from '../strategies/strategy-version.entity';
import { VersionStatus } from '../strategies/version-status';
import { VersionsRepository } from '../strategies/versions.repository';
import { Simulation, SimulationStatus } from './simulation.entity';
import type { SimulationProgress } from './simulation-run.types';
import { SimulationsRepository } from './simulations.repository';

export interface RunSimulation {
  versionId: string;
  datasetId: string;
  baselineVersionId?: string | null;
  force?: boolean | null;
  /** Replay in time order with the adaptive models learning (see LearningReplayRunner). */
  learning?: { orderBy: string } | null;
}

/** Field types that can order rows in time. */
const ORDER_TYPES = new Set(['number', 'date', 'string']);

/** A simulation of a version in these states is approval evidence: its results cannot be deleted. */
const EVIDENCE_STATES = [VersionStatus.IN_REVIEW, VersionStatus.APPROVED, VersionStatus.PUBLISHED];

/** Starting, cancelling and following simulations; the work itself is SimulationProcessor's. */
@Injectable()
export class SimulationsService implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JOB_RUNNER) private readonly jobs: JobRunner,
    private readonly dataSource: DataSource,
    private readonly datasets: DatasetsService,
    private readonly environment: StrategyEnvironmentService,
    private readonly audit: AuditService,
    private readonly repository: SimulationsRepository,
    private readonly schema: CustomerSchemaService,
    private readonly versions: VersionsRepository,
    private readonly strategies: StrategiesRepository,
  ) {}

  /** A dataset a simulation is queued or running on cannot be deleted. */
  onModuleInit(): void {
    this.datasets.guardDelete(async (dataset) =>
      (await this.repository.unfinishedOnDataset(dataset.id)) > 0
        ? invalidState(`A simulation is running on dataset "${dataset.name}": cancel it first.`, [
            'cancelSimulation',
          ])
        : undefined,
    );
  }

  async get(id: string): Promise<Simulation> {
    const simulation = await this.repository.findById(id);
    if (!simulation) throw notFound('Simulation', id);
    return simulation;
  }

  private async version(id: string, field: string): Promise<StrategyVersion> {
    const version = await this.versions.findById(id);
    if (!version) throw notFound(field === 'baselineVersionId' ? 'Baseline version' : 'Version', id);
    return version;
  }

  /**
   * A simulation of the version's content over the dataset (and the baseline's on the same rows).
   * The same content, dataset and baseline already COMPLETED (or under way) is returned as it is
   * unless `force`; one the job queue lost is not "under way" (the watchdog deals with it).
   * With the queue out of reach: UNAVAILABLE (retryable) at once, and nothing is stored.
   */
  async run(actor: Actor, input: RunSimulation): Promise<Simulation> {
    const version = await this.version(input.versionId, 'versionId');
    const baseline = input.baselineVersionId
      ? await this.version(input.baselineVersionId, 'baselineVersionId')
      : null;
    const dataset = await this.datasets.get(input.datasetId);
    if (dataset.status !== DatasetStatus.READY)
      throw invalidState(`Dataset "${dataset.name}" is ${dataset.status}, not READY.`, []);
    // Each version with what it reads: its own copy once submitted (what its content hash covers).
    const environment = await this.environment.forVersion(version);
    const baselineEnvironment = baseline ? await this.environment.forVersion(baseline) : undefined;
    for (const [field, v, env] of [
      ['versionId', version, environment],
      ['baselineVersionId', baseline, baselineEnvironment],
    ] as const) {
      if (!v) continue;
      const problems = versionProblems(v, validateStrategy(v.document, env).problems);
      const details = problemDetails(problems);
      if (details.length)
        throw validationFailed(
          details.map((d) => ({ ...d, field: `${field}: ${d.field}` })),
          `Version ${v.number} has errors and cannot be simulated: ${details[0]!.message}`,
        );
    }
    // Drafts with such problems were refused above, so tolerating them here only keeps submitted versions as approved.
    const learning = input.learning
      ? this.learningOption(input.learning, version, environment, dataset)
      : null;
    const tolerate = [
      ...new Set([version, baseline].flatMap((v) => (v ? (compileOptionsFor(v).tolerate ?? []) : []))),
    ];
    // The fields marked protected now: the draft's results report the fairness check for them.
    const protectedFields = await this.schema.protectedFields();
    if (!input.force) {
      const existing = await this.reusable(
        version.contentHash,
        dataset.id,
        baseline?.contentHash ?? null,
        protectedFields,
        learning,
      );
      if (existing) return this.get(existing);
    }
    await queueOperation('simulation', () => this.jobs.checkAvailable());
    // Read before the transaction: the embedded database serves one transaction at a time.
    const strategyName = await this.strategyName(version);
    const chunkSize = this.config.jobs.chunkSize;
    const chunkCount = Math.ceil(dataset.rowCount / chunkSize);
    const id = await this.dataSource.transaction(async (em) => {
      const simId = await this.repository.insert(em, {
        contentHash: version.contentHash,
        datasetId: dataset.id,
        createdBy: actor.id,
        versionId: version.id,
        baselineVersionId: baseline?.id ?? null,
        baselineContentHash: baseline?.contentHash ?? null,
        options: {
          environment,
          ...(baselineEnvironment && { baselineEnvironment }),
          tolerate,
          protectedFields,
          ...(learning && { learning }),
        },
        rowsTotal: dataset.rowCount,
        chunkSize,
        chunkCount,
      });
      await this.audit.append(em, actor, {
        action: 'simulation.run',
        entityType: 'simulation',
        entityId: simId,
        afterHash: version.contentHash,
        comment: `'${strategyName}' version ${version.number} on dataset "${dataset.name}" (${dataset.rowCount} rows)${baseline ? `, baseline version ${baseline.number}` : ''}${learning ? `, learning in order of ${learning.orderBy}` : ''}${input.force ? ', forced' : ''}`,
      });
      return simId;
    });
    try {
      await queueOperation('simulation', () => this.jobs.enqueueSimulation(id, chunkCount));
    } catch (error) {
      await this.repository.fail(id, 'The job queue could not be reached.');
      throw error;
    }
    return this.get(id);
  }

  /**
   * Learning while replaying needs something to learn (an adaptive model in a score step), something
   * to learn from (logged actions and outcomes) and an order in time (a field of the dataset).
   */
  private learningOption(
    learning: { orderBy: string },
    version: StrategyVersion,
    environment: StrategyEnvironment,
    dataset: Dataset,
  ): { orderBy: string } {
    try {
      new LearningReplay(version.document as StrategyDocument, environment, compileOptionsFor(version), 1);
    } catch (error) {
      if (!(error instanceof AdaptiveModelError)) throw error;
      throw validationFailed([
        {
          field: 'learning',
          message: `version ${version.number} cannot learn while replaying (${error.message}); give a score step an adaptive model or leave learning out`,
        },
      ]);
    }
    const mapping = dataset.mapping as { loggedAction?: unknown; offeredAction?: unknown; outcome?: unknown };
    if (
      (mapping.loggedAction === undefined && mapping.offeredAction === undefined) ||
      mapping.outcome === undefined
    )
      throw validationFailed([
        {
          field: 'learning',
          message: `dataset "${dataset.name}" maps no logged action and outcome, so there is nothing to learn from; upload it with loggedAction and outcome columns`,
        },
      ]);
    const fields = (dataset.report as { fields?: { name: string; type: string }[] } | null)?.fields ?? [];
    const field = fields.find((f) => f.name === learning.orderBy);
    const choices =
      fields
        .filter((f) => ORDER_TYPES.has(f.type))
        .map((f) => f.name)
        .slice(0, 10)
        .join(', ') || 'it has none';
    if (!field)
      throw validationFailed([
        {
          field: 'learning.orderBy',
          message: `"${learning.orderBy}" is not a field of dataset "${dataset.name}"; choose the column that orders its rows in time (${choices})`,
        },
      ]);
    if (!ORDER_TYPES.has(field.type))
      throw validationFailed([
        {
          field: 'learning.orderBy',
          message: `"${field.name}" is a ${field.type} field and cannot order rows in time; choose a number, date or text column (${choices})`,
        },
      ]);
    return { orderBy: field.name };
  }

  private async strategyName(version: StrategyVersion): Promise<string> {
    return (await this.strategies.findById(version.strategyId))?.name ?? 'a deleted strategy';
  }

  /** A COMPLETED simulation, else one under way that the job queue still holds (or is being queued right now). */
  private async reusable(
    contentHash: string,
    datasetId: string,
    baselineContentHash: string | null,
    protectedFields: unknown,
    learning: { orderBy: string } | null,
  ): Promise<string | undefined> {
    const candidates = await this.repository.reusable(
      contentHash,
      datasetId,
      baselineContentHash,
      protectedFields,
      learning,
    );
    const completed = candidates.find((s) => s.status === SimulationStatus.COMPLETED);
    if (completed) return completed.id;
    const lost = new Set(
      await queueOperation('simulation', () =>
        this.jobs.lostSimulations(candidates.filter((s) => s.settled).map((s) => s.id)),
      ),
    );
    return candidates.find((s) => !lost.has(s.id))?.id;
  }

  async cancel(actor: Actor, id: string): Promise<Simulation> {
    const simulation = await this.get(id);
    const cancelled = await this.dataSource.transaction(async (em) => {
      const changed = await this.repository.cancel(em, id);
      if (changed)
        await this.audit.append(em, actor, {
          action: 'simulation.cancel',
          entityType: 'simulation',
          entityId: id,
          afterHash: simulation.contentHash,
        });
      return changed;
    });
    if (!cancelled)
      throw invalidState(
        `Simulation ${id} is ${simulation.status}: only a QUEUED or RUNNING simulation can be cancelled.`,
        [],
      );
    await this.jobs.cancelSimulation(id, simulation.chunkCount);
    return this.get(id);
  }

  /**
   * Why the simulation cannot be deleted now, or null: not while it is queued or running (cancel it
   * first), nor while a version of its content is in review, approved or published (its evidence).
   */
  async deleteRefusal(simulation: Simulation): Promise<AppError | null> {
    if (simulation.status === SimulationStatus.QUEUED || simulation.status === SimulationStatus.RUNNING)
      return invalidState(`This simulation is ${simulation.status}: cancel it first, then delete it.`, [
        'cancelSimulation',
      ]);
    // Approval reads the simulations of a version's exact content: they stay while that version is under review or live.
    const [version] = await this.versions.withContent(simulation.contentHash, EVIDENCE_STATES);
    return version
      ? invalidState(
          `This simulation is evidence of version ${version.number}, which is ${version.status}: its results are kept while a version of this content is in review, approved or published.`,
          [],
        )
      : null;
  }

  /** Deletes a simulation and its results, audited, unless `deleteRefusal` objects. */
  async delete(actor: Actor, id: string): Promise<Simulation> {
    const simulation = await this.get(id);
    const refusal = await this.deleteRefusal(simulation);
    if (refusal) throw refusal;
    await this.dataSource.transaction(async (em) => {
      await this.repository.delete(em, id);
      await this.audit.append(em, actor, {
        action: 'simulation.delete',
        entityType: 'simulation',
        entityId: id,
        afterHash: simulation.contentHash,
        comment: `${simulation.status} simulation of ${simulation.rowsTotal} rows`,
      });
    });
    return simulation;
  }

  /** Rows per second of every running simulation (for the metrics endpoint). */
  async runningRates(): Promise<{ simulation: string; rowsPerSecond: number }[]> {
    const rates = [];
    for (const id of await this.repository.runningIds()) {
      const { rowsPerSecond } = await this.progress(await this.get(id));
      if (rowsPerSecond !== null && rowsPerSecond !== undefined)
        rates.push({ simulation: id, rowsPerSecond });
    }
    return rates;
  }

  async progress(simulation: Simulation): Promise<SimulationProgress> {
    const { rows: rowsDone, chunks: chunksDone } = await this.repository.chunkProgress(simulation.id);
    const end = simulation.completedAt ?? new Date();
    const seconds = simulation.startedAt ? (end.getTime() - simulation.startedAt.getTime()) / 1000 : 0;
    const rowsPerSecond = seconds > 0 && rowsDone > 0 ? rowsDone / seconds : null;
    const running =
      simulation.status === SimulationStatus.QUEUED || simulation.status === SimulationStatus.RUNNING;
    return {
      simulationId: simulation.id,
      status: simulation.status,
      rowsDone,
      rowsTotal: simulation.rowsTotal,
      chunksDone,
      chunkCount: simulation.chunkCount,
      rowsPerSecond,
      etaSeconds:
        running && rowsPerSecond ? Math.max(0, (simulation.rowsTotal - rowsDone) / rowsPerSecond) : null,
    };
  }
}
