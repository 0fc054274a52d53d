import { Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';

/** Work lost this many times is FAILED instead of queued again (Redis is likely losing its data). */
export const MAX_REQUEUES = 3;

/** A QUEUED or RUNNING piece of work in the database; without its dataset it cannot run any more. */
export interface UnfinishedWork {
  id: string;
  datasetId: string | null;
}

/** What a feature's watchdog reads its work from and says when it fails it. */
export interface LostJobKind<Work extends UnfinishedWork> {
  /** The logger's name, e.g. `SimulationWatchdog`. */
  loggerName: string;
  /** Starts the log line of a failed pass, e.g. `Simulation watchdog`. */
  problemLabel: string;
  /** The job queue: whether this process runs the pass of this period (one at a time across processes). */
  queue: { claimWatchdog(periodMs: number): Promise<boolean> };
  /** The database: the QUEUED and RUNNING work old enough to be in the job queue. */
  store: { unfinished(): Promise<Work[]> };
  /** The failure reason when the work's dataset was deleted since it was queued. */
  datasetDeleted: string;
  /** The failure reason when it was lost more than MAX_REQUEUES times. */
  lostTooOften: string;
}

/**
 * Every SIMULATION_WATCHDOG_SECONDS: compares the QUEUED and RUNNING work in the database with the
 * job queue, and queues again what the queue lost (Redis restarted without its data, the quick
 * start's process restarted) — or fails it when that cannot help. Each feature's subclass gives its
 * LostJobKind and says which of its work the queue lost, and how to requeue and fail it.
 */
export abstract class LostJobWatchdog<Work extends UnfinishedWork>
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  protected readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;
  /** Requeues per piece of work by this process. */
  private readonly requeues = new Map<string, number>();
  private lastProblem: string | undefined;

  protected constructor(
    private readonly kind: LostJobKind<Work>,
    private readonly config: AppConfig,
  ) {
    this.logger = new Logger(kind.loggerName);
  }

  /** Of these ids, the ones the job queue holds no work for any more. */
  protected abstract lost(ids: string[]): Promise<string[]>;
  /** Queues it again and logs so; false when it ended meanwhile. */
  protected abstract requeue(work: Work): Promise<boolean>;
  /** Marks it FAILED with the reason and logs so. */
  protected abstract fail(id: string, reason: string): Promise<void>;

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
        if (message !== this.lastProblem) this.logger.warn(`${this.kind.problemLabel}: ${message}`);
        this.lastProblem = message;
      })
      .finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async pass(): Promise<void> {
    if (!(await this.kind.queue.claimWatchdog(this.periodMs))) return;
    const unfinished = await this.kind.store.unfinished();
    for (const id of this.requeues.keys()) if (!unfinished.some((w) => w.id === id)) this.requeues.delete(id);
    if (unfinished.length === 0) return;
    const lost = new Set(await this.lost(unfinished.map((w) => w.id)));
    for (const work of unfinished) if (lost.has(work.id)) await this.recover(work);
  }

  private async recover(work: Work): Promise<void> {
    const timesLost = (this.requeues.get(work.id) ?? 0) + 1;
    const reason = this.hopeless(work, timesLost);
    if (reason !== undefined) {
      await this.fail(work.id, reason);
      this.requeues.delete(work.id);
    } else if (await this.requeue(work)) this.requeues.set(work.id, timesLost);
  }

  /** Why queueing it again cannot help, now that it was lost `timesLost` times; undefined when it can. */
  private hopeless(work: Work, timesLost: number): string | undefined {
    if (!work.datasetId) return this.kind.datasetDeleted;
    if (timesLost > MAX_REQUEUES) return this.kind.lostTooOften;
    return undefined;
  }
}
