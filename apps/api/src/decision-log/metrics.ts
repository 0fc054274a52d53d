import { Counter, Gauge, type Registry } from 'prom-client';

/** Decision-log counters, in the process's metrics registry (GET /metrics). */
export function decisionLogMetrics(registry: Registry) {
  const make = <T>(name: string, create: () => T): T =>
    (registry.getSingleMetric(name) as T | undefined) ?? create();
  return {
    written: make(
      'arbiter_decision_log_rows_written_total',
      () =>
        new Counter({
          name: 'arbiter_decision_log_rows_written_total',
          help: 'Decision log rows written',
          registers: [registry],
        }),
    ),
    failed: make(
      'arbiter_decision_log_flush_failures_total',
      () =>
        new Counter({
          name: 'arbiter_decision_log_flush_failures_total',
          help: 'Failed decision log flushes (the rows are kept and retried)',
          registers: [registry],
        }),
    ),
    dropped: make(
      'arbiter_decision_log_rows_dropped_total',
      () =>
        new Counter({
          name: 'arbiter_decision_log_rows_dropped_total',
          help: 'Decision log rows dropped because the buffer was full',
          registers: [registry],
        }),
    ),
    deadLettered: make(
      'arbiter_decision_log_rows_dead_lettered_total',
      () =>
        new Counter({
          name: 'arbiter_decision_log_rows_dead_lettered_total',
          help: 'Decisions PostgreSQL refused to store, moved to decision_log_dead_letters',
          registers: [registry],
        }),
    ),
    pending: make(
      'arbiter_decision_log_rows_pending',
      () =>
        new Gauge({
          name: 'arbiter_decision_log_rows_pending',
          help: 'Decision log rows waiting to be written',
          registers: [registry],
        }),
    ),
  };
}
