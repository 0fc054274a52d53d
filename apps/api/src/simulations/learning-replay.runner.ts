import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import type { StrategyDocument } from '@arbiter/engine';
import { LearningReplay, type LearningCurve } from '@arbiter/learning';
import { DatasetsService } from '../datasets/datasets.service';
import { VersionsRepository } from '../strategies/versions.repository';
import type { SimulationRecord } from './simulations.repository';

/** Rows read per query, and between two looks at the event loop. */
const PAGE = 1000;
/** Pages between two checks of the simulation's status (cancel). */
const STATUS_CHECK_PAGES = 5;

export type LearningResults = LearningCurve & { orderBy: string };

/**
 * The learning replay of a simulation (option `learning`): the whole dataset in the order of one
 * column, one row after the other, because each decision depends on what the models learned from
 * the rows before it. It runs in the simulation's finishing job, after the parallel chunks, on one
 * worker: its cost is a sequential pass of two decisions per row plus a recompile of the strategy
 * after each row it learned from. A retried finishing job replays from the start (same result: the
 * replay is deterministic).
 */
@Injectable()
export class LearningReplayRunner {
  constructor(
    private readonly datasets: DatasetsService,
    private readonly versions: VersionsRepository,
  ) {}

  /** The learning curve, or undefined when the simulation was cancelled meanwhile. */
  async run(
    sim: SimulationRecord,
    orderBy: string,
    isCancelled: () => Promise<boolean>,
  ): Promise<LearningResults | undefined> {
    const version = sim.version_id ? await this.versions.findById(sim.version_id) : null;
    if (!version || !sim.dataset_id) throw new Error('The simulated version or its dataset was deleted.');
    const order = await this.datasets.rowOrder(sim.dataset_id, orderBy);
    const replay = new LearningReplay(
      version.document as StrategyDocument,
      sim.options.environment ?? {},
      { tolerate: sim.options.tolerate ?? [] },
      order.length,
    );
    const now = (sim.decision_time ?? new Date(0)).toISOString();
    for (let start = 0, page = 0; start < order.length; start += PAGE, page++) {
      if (page > 0 && page % STATUS_CHECK_PAGES === 0 && (await isCancelled())) return undefined;
      const rows = await this.datasets.rowsByNumber(sim.dataset_id, order.subarray(start, start + PAGE));
      for (const row of rows) {
        replay.add({
          customer: row.customer,
          // A decision id per row: Thompson draws are seeded by it, as in the decision API.
          context: { now, decisionId: `row-${row.row_no + 1}` },
          logged: row.logged,
          order: row.customer[orderBy] ?? null,
        });
      }
      await yieldToEventLoop();
    }
    return { orderBy, ...replay.curve() };
  }
}
