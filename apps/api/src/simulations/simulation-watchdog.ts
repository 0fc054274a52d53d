import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { JOB_RUNNER, type JobRunner } from '../jobs/job-runner';
import { SimulationProcessor } from './simulation-processor';
import { SimulationsRepository, type UnfinishedSimulation } from './simulations.repository';

/** A simulation lost this many times is FAILED instead of queued again. */
export const MAX_REQUEUES = 3;

/**
 * Every SIMULATION_WATCHDOG_SECONDS: compares the QUEUED and RUNNING simulations with the job
 * queue. One the queue lost (Redis restarted without persistence, the quick start's process
 * restarted) gets its missing chunks queued again — chunk results are stored once each, so the
 * totals stay exact — or, when that cannot help, is FAILED with the reason. Without it such a
 * simulation would stay RUNNING for ever.
 */
@Injectable()
export class SimulationWatchdog implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('SimulationWatchdog');
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;
  /** Requeues per simulation by this process. */
  private readonly requeues = new Map<string, number>();
  private lastProblem: string | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JOB_RUNNER) private readonly jobs: JobRunner,
    private readonly simulations: SimulationsRepository,
    private readonly processor: SimulationProcessor,
  ) {}

  private get periodMs(): number {
    return this.config.jobs.watchdogSeconds * 1000;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.check(), this.periodMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.checking;
  }

  /** One pass (one at a time per process; across processes, the one that claims the period). */
  check(): Promise<void> {
    this.checking ??= this.pass()
      .then(() => (this.lastProblem = undefined))
      .catch((error: unknown) => {
        // Once per distinct problem: Redis or the database may be away for a while.
        const message = error instanceof Error ? error.message : String(error);
        if (message !== this.lastProblem) this.logger.warn(`Simulation watchdog: ${message}`);
        this.lastProblem = message;
      })
      .finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async pass(): Promise<void> {
    if (!(await this.jobs.claimWatchdog(this.periodMs))) return;
    const unfinished = await this.simulations.unfinished();
    for (const id of this.requeues.keys()) if (!unfinished.some((s) => s.id === id)) this.requeues.delete(id);
    if (unfinished.length === 0) return;
    const lost = new Set(await this.jobs.lostSimulations(unfinished.map((s) => s.id)));
    for (const simulation of unfinished) if (lost.has(simulation.id)) await this.recover(simulation);
  }

  private async recover(simulation: UnfinishedSimulation): Promise<void> {
    const { id, chunkCount } = simulation;
    if (!simulation.datasetId)
      return this.fail(
        id,
        'Its jobs were lost from the job queue and its dataset was deleted since; nothing can finish it.',
      );
    const requeues = (this.requeues.get(id) ?? 0) + 1;
    if (requeues > MAX_REQUEUES)
      return this.fail(
        id,
        `Its jobs were lost from the job queue ${MAX_REQUEUES} times (is Redis losing its data?); run it again.`,
      );
    const missing = await this.simulations.missingChunks(id, chunkCount);
    // It may have ended (finished, cancelled) since the list was read.
    if (!(await this.simulations.isUnfinished(id))) return;
    await this.jobs.requeueSimulation(id, missing);
    this.requeues.set(id, requeues);
    this.logger.warn(
      `Simulation ${id}: its jobs were lost from the job queue (Redis restarted without its data?); queued again: ${missing.length} of ${chunkCount} chunks, then the merge`,
    );
  }

  private async fail(id: string, reason: string): Promise<void> {
    await this.processor.failed(id, reason);
    this.requeues.delete(id);
    this.logger.warn(`Simulation ${id} FAILED: ${reason}`);
  }
}
