import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

type QueueDepthSource = () => Promise<{ queue: string; state: string; jobs: number }[]>;
type SimulationRateSource = () => Promise<{ simulation: string; rowsPerSecond: number }[]>;

/** The Prometheus metrics of one API or worker process; feature modules record into it. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly queueSources: QueueDepthSource[] = [];
  private readonly rateSources: SimulationRateSource[] = [];

  private readonly decisionSeconds = new Histogram({
    name: 'arbiter_decision_duration_seconds',
    help: 'Time to answer a decision request, per strategy',
    labelNames: ['strategy'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });

  private readonly decisions = new Counter({
    name: 'arbiter_decisions_total',
    help: 'Decisions made, per strategy',
    labelNames: ['strategy'],
    registers: [this.registry],
  });

  private readonly decisionSeries = new Map<
    string,
    { duration: ReturnType<Histogram['labels']>; total: ReturnType<Counter['labels']> }
  >();

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'arbiter_' });
    const rates = this.rateSources;
    new Gauge({
      name: 'arbiter_simulation_rows_per_second',
      help: 'Rows per second of each running simulation',
      labelNames: ['simulation'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const source of rates) {
          for (const { simulation, rowsPerSecond } of await source().catch(() => []))
            this.set({ simulation }, rowsPerSecond);
        }
      },
    });
    const sources = this.queueSources;
    new Gauge({
      name: 'arbiter_queue_jobs',
      help: 'Jobs per queue and state (waiting, prioritized, active, delayed, failed)',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const source of sources) {
          for (const { queue, state, jobs } of await source().catch(() => []))
            this.set({ queue, state }, jobs);
        }
      },
    });
  }

  observeDecision(strategy: string, seconds: number, count = 1): void {
    const { duration, total } = this.decisionMetricsOf(strategy);
    duration.observe(seconds);
    total.inc(count);
  }

  /** Many decisions of one strategy (a batch), each with its own time. */
  observeDecisions(strategy: string, seconds: readonly number[]): void {
    const { duration, total } = this.decisionMetricsOf(strategy);
    for (const s of seconds) duration.observe(s);
    total.inc(seconds.length);
  }

  /** The labelled series of a strategy, looked up once (a label lookup per decision costs a hash of the labels). */
  private decisionMetricsOf(strategy: string) {
    let series = this.decisionSeries.get(strategy);
    if (!series) {
      if (this.decisionSeries.size > 1000) this.decisionSeries.clear();
      series = {
        duration: this.decisionSeconds.labels({ strategy }),
        total: this.decisions.labels({ strategy }),
      };
      this.decisionSeries.set(strategy, series);
    }
    return series;
  }

  /** Lets the job module report queue depths at scrape time. */
  addQueueDepthSource(source: QueueDepthSource): void {
    this.queueSources.push(source);
  }

  /** Lets the simulations report the rate of running simulations at scrape time. */
  addSimulationRateSource(source: SimulationRateSource): void {
    this.rateSources.push(source);
  }
}
