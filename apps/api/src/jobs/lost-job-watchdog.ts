import { Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';

/**
 * Every SIMULATION_WATCHDOG_SECONDS: compares the QUEUED and RUNNING work in the database with the
 * job queue, and queues again what the queue lost (Redis restarted without its data, the quick
 * start's process restarted) — or fails it when that cannot help. Subclasses say how to read,
 * requeue and fail their kind of work.
 */
export abstract class LostJobWatchdog<Work extends { id: string }>
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  protected readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;
  /** Requeues per piece of work by this process. */
  private readonly requeues = new Map<string, number>();
  private lastProblem: string | undefined;

  /** `problemLabel` starts the log line of a failed pass, e.g. `Simulation watchdog`. */
  protected constructor(
    loggerName: string,
    private readonly problemLabel: string,
    private readonly config: AppConfig,
  ) {
    this.logger = new Logger(loggerName);
  }

  /** Whether this process runs the pass of this period (one at a time across processes). */
  protected abstract claim(periodMs: number): Promise<boolean>;
  protected abstract unfinished(): Promise<Work[]>;
  /** Of these ids, the ones the job queue holds no work for any more. */
  protected abstract lost(ids: string[]): Promise<string[]>;
  /** Why queueing it again cannot help, now that it was lost `timesLost` times; undefined when it can. */
  protected abstract hopeless(work: Work, timesLost: number): string | undefined;
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
        if (message !== this.lastProblem) this.logger.warn(`${this.problemLabel}: ${message}`);
        this.lastProblem = message;
      })
      .finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async pass(): Promise<void> {
    if (!(await this.claim(this.periodMs))) return;
    const unfinished = await this.unfinished();
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
}
