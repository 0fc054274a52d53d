import { Injectable } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { MetricsService } from '../metrics/metrics.service';
import { AdaptiveStatusReader } from './adaptive-status.reader';

type GuardReading = Awaited<ReturnType<AdaptiveStatusReader['guards']>>[number];

/**
 * The adaptive models' Prometheus metrics on the API's /metrics: outcomes this process learned
 * (counter), and at scrape time from PostgreSQL, so every instance reports the same: the learner's
 * lag and each model version's rolling AUC and guard alert.
 */
@Injectable()
export class AdaptiveMetrics {
  private readonly consumed: Counter<'model'>;

  constructor(metrics: MetricsService, reader: AdaptiveStatusReader) {
    const registers = [metrics.registry];
    this.consumed = new Counter({
      name: 'arbiter_learner_outcomes_consumed_total',
      help: 'Outcomes learned by adaptive models, per model',
      labelNames: ['model'],
      registers,
    });
    new Gauge({
      name: 'arbiter_learner_lag_seconds',
      help: 'Age of the oldest outcome the adaptive learner has not read yet (0 when caught up)',
      registers,
      async collect() {
        const lag = await reader.learnerLag().catch(() => undefined);
        if (lag !== undefined) this.set(lag);
      },
    });
    // One gauge per guard reading, a series per model version; a version without a value has none.
    const perVersion = (name: string, help: string, value: (guard: GuardReading) => number | null) =>
      new Gauge({
        name,
        help,
        labelNames: ['model', 'version'],
        registers,
        async collect() {
          this.reset();
          for (const g of await reader.guards().catch(() => [])) {
            const v = value(g);
            if (v !== null) this.set({ model: g.name, version: String(g.version) }, v);
          }
        },
      });
    perVersion(
      'arbiter_model_auc',
      'Rolling AUC of an adaptive model version over its last outcomes (prequential)',
      (g) => g.rollingAuc,
    );
    perVersion(
      'arbiter_model_alert',
      '1 when the guard of an adaptive model version fires (AUC below its floor or calibration error above its limit)',
      (g) => (g.alert ? 1 : 0),
    );
  }

  learned(model: string): void {
    this.consumed.inc({ model });
  }
}
