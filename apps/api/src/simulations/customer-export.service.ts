import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { csvLine, type CompiledStrategy, type DecisionInput } from '@arbiter/engine';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { invalidState, notFound } from '../common/errors';
import { DatasetsService } from '../datasets/datasets.service';
import { SimulationStatus } from './simulation.entity';
import { SimulationProcessor } from './simulation-processor';
import type { SimulationRecord } from './simulations.repository';

/** Dataset rows read and decided per step: memory holds one page and its CSV text, whatever the dataset's size. */
export const EXPORT_PAGE_ROWS = 1000;

export const CUSTOMER_EXPORT_COLUMNS = [
  'row',
  'customer_id',
  'rank',
  'action_name',
  'action_id',
  'propensity',
  'priority',
] as const;

/** A simulation checked for export, with the strategy that decides its rows again. */
export interface CustomerExport {
  simulation: SimulationRecord & { dataset_id: string };
  strategy: CompiledStrategy;
  fileName: string;
}

/**
 * The per-customer results of a simulation, as CSV: one line per customer and recommended action
 * (rank, catalog name and id, propensity, priority), a customer without any recommendation on one
 * line with the action columns empty. Simulations store figures, not per-row decisions (a million
 * rows times the recommendations would be written for every run and mostly never read), so the
 * export decides the dataset's rows again, page by page, with exactly what the simulation decided
 * with: the same version document, the catalog and schema pinned in the simulation, the same
 * decision time. The rows of a dataset never change, so the lines are the simulation's decisions.
 */
@Injectable()
export class CustomerExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly datasets: DatasetsService,
    private readonly processor: SimulationProcessor,
    private readonly audit: AuditService,
  ) {}

  /** Everything that can refuse the export, before the first byte is sent; the export is audited. */
  async prepare(actor: Actor, id: string): Promise<CustomerExport> {
    const simulation = await this.processor.load(id);
    if (!simulation) throw notFound('Simulation', id);
    if (simulation.status !== SimulationStatus.COMPLETED)
      throw invalidState(
        `Simulation ${id} is ${simulation.status}: only a COMPLETED simulation has per-customer results.`,
        [],
      );
    const datasetId = simulation.dataset_id;
    if (!datasetId)
      throw invalidState(
        `The dataset of simulation ${id} was deleted, so its customers cannot be listed any more.`,
        [],
      );
    const { draft } = await this.processor.strategies(simulation);
    await this.dataSource.transaction((em) =>
      this.audit.append(em, actor, {
        action: 'simulation.export',
        entityType: 'simulation',
        entityId: id,
        afterHash: simulation.content_hash,
        comment: `per-customer recommendations of ${simulation.rows_total} rows`,
      }),
    );
    return {
      simulation: { ...simulation, dataset_id: datasetId },
      strategy: draft,
      fileName: `simulation-${id.slice(0, 8)}-customers.csv`,
    };
  }

  /** The CSV text, a page of rows at a time; stops early when `stopped()` says the reader is gone. */
  async *lines(
    { simulation, strategy }: CustomerExport,
    stopped: () => boolean = () => false,
  ): AsyncGenerator<string> {
    yield csvLine(CUSTOMER_EXPORT_COLUMNS);
    const now = (simulation.decision_time ?? new Date(0)).toISOString();
    for (let from = 0; from < simulation.rows_total; from += EXPORT_PAGE_ROWS) {
      if (stopped()) return;
      const rows = await this.datasets.rows(simulation.dataset_id, from, from + EXPORT_PAGE_ROWS);
      let text = '';
      for (const row of rows) {
        const input: DecisionInput = { customer: row.customer, context: { now } };
        const { recommendations } = strategy.decide(input);
        const who = [row.row_no + 1, row.customer_id];
        if (recommendations.length === 0) text += csvLine([...who, null, null, null, null, null]);
        for (const r of recommendations)
          text += csvLine([...who, r.rank, r.name, r.actionId, r.propensity, r.priority]);
      }
      yield text;
      await yieldToEventLoop();
    }
  }
}
