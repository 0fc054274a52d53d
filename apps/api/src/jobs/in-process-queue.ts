/** What an in-process queue does with its tasks. */
export interface InProcessWork<Task> {
  /** Runs one task; `stop` is aborted when the queue stops. */
  run(task: Task, stop: AbortSignal): Promise<void>;
  /** The task stopped because the queue is stopping: not a failure, the watchdog queues it again after the restart. */
  interrupted(error: unknown): boolean;
  /** The task failed its last attempt. */
  gaveUp(task: Task, message: string): Promise<void>;
}

/**
 * Without Redis: tasks run one at a time from a queue in this process; a failing task is retried
 * like a job. The queue lives and dies with the process. With `priority`, the lowest number runs
 * first and equal priorities in the order pushed (BullMQ's order); without it, first in first out.
 */
export class InProcessQueue<Task> {
  private readonly tasks: Task[] = [];
  private current: Task | undefined;
  private work: InProcessWork<Task> | undefined;
  private running: Promise<void> | undefined;
  private readonly stopping = new AbortController();

  constructor(
    private readonly attempts: number,
    private readonly priority?: (task: Task) => number,
  ) {}

  get length(): number {
    return this.tasks.length;
  }

  /** The tasks queued or running. */
  held(): Task[] {
    return this.current === undefined ? [...this.tasks] : [...this.tasks, this.current];
  }

  push(...tasks: Task[]): void {
    for (const task of tasks) this.tasks.splice(this.placeOf(task), 0, task);
    this.drain();
  }

  /** After every queued task of the same or a lower priority number. */
  private placeOf(task: Task): number {
    const priority = this.priority;
    if (!priority) return this.tasks.length;
    const own = priority(task);
    let low = 0;
    let high = this.tasks.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (priority(this.tasks[middle]!) <= own) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Removes the queued tasks that match. */
  remove(matches: (task: Task) => boolean): void {
    for (let i = this.tasks.length - 1; i >= 0; i--) if (matches(this.tasks[i]!)) this.tasks.splice(i, 1);
  }

  /** Starts running tasks. */
  start(work: InProcessWork<Task>): void {
    this.work = work;
    this.drain();
  }

  /** Stops for good: the running task is told to stop, the queued ones are dropped. */
  async stop(): Promise<void> {
    this.stopping.abort();
    this.tasks.length = 0;
    await this.running;
  }

  /** Resolves when nothing is queued or running (tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private get closed(): boolean {
    return this.stopping.signal.aborted;
  }

  private drain(): void {
    if (this.running || !this.work || this.closed) return;
    const work = this.work;
    this.running = (async () => {
      // Let the request that queued the work answer first.
      await new Promise((resolve) => setImmediate(resolve));
      for (let task = this.tasks.shift(); task !== undefined && !this.closed; task = this.tasks.shift()) {
        this.current = task;
        await this.attempt(task, work);
        this.current = undefined;
      }
    })().finally(() => {
      this.current = undefined;
      this.running = undefined;
      if (this.tasks.length && !this.closed) this.drain();
    });
  }

  private async attempt(task: Task, work: InProcessWork<Task>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await work.run(task, this.stopping.signal);
        return;
      } catch (error) {
        if (work.interrupted(error)) return;
        const message = error instanceof Error ? error.message : String(error);
        if (attempt >= this.attempts || this.closed) return work.gaveUp(task, message);
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
      }
    }
  }
}
