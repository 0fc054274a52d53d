import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  compareSimulations,
  compileStrategy,
  PairedOffPolicyAccumulator,
  pairedOffPolicyRow,
  SimulationAccumulator,
  topRecommendation,
  type CompiledStrategy,
  type DecisionInput,
  type PairedOffPolicyJSON,
  type SimulationJSON,
  type TopActionChangeExample,
} from '@arbiter/engine';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { segmentLabel } from '../datasets/dataset-segments';
import { DatasetsService } from '../datasets/datasets.service';
import { ChunkInterrupted, type SimulationProcessors } from '../jobs/job-runner';
import { VersionsRepository } from '../strategies/versions.repository';
import { LearningReplayRunner } from './learning-replay.runner';
import { SimulationsRepository, type SimulationRecord } from './simulations.repository';

/** Rows decided between two looks at the event loop (keeps the job lock renewed, notices a stopping worker) … */
const SLICE = 500;
/** Rows read per query, the next page while this one is decided; the status (cancel) is checked between pages. */
const PAGE = 2500;
const EXAMPLES = 10;
/**
 * Per step, the candidates each action had left and the drops counted by reason. Each row is decided
 * and counted before the next: holding a whole slice of traced decisions costs far more in garbage
 * collection than deciding them.
 */
const TRACE = { trace: 'funnel' } as const;

/** What a chunk stores besides the draft's accumulator when there is a baseline. */
interface PairedChunk {
  loggedRows: number;
  top: PairedOffPolicyJSON;
  slate: PairedOffPolicyJSON;
  compared: number;
  changed: number;
  examples: TopActionChangeExample[];
}

export interface Compiled {
  draft: CompiledStrategy;
  baseline?: CompiledStrategy;
}

const TERMINAL = new Set(['COMPLETED', 'CANCELLED', 'FAILED']);

/** A row's value of each protected field, for the fairness check (undefined where it has none). */
function protectedValuesOf(
  customer: Record<string, unknown>,
  fields: readonly string[],
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of fields) values[field] = customer[field];
  return values;
}

/**
 * The work of a simulation, called by BullMQ workers or the in-process runner alike. Chunk results
 * are stored once per (simulation, chunk): a retried or duplicated chunk never counts twice, and
 * `finish` merges exactly the stored chunks.
 */
@Injectable()
export class SimulationProcessor implements SimulationProcessors {
  private readonly logger = new Logger('Simulations');
  /** Compiled strategies of the simulations this worker has seen recently, by simulation id. */
  private readonly compiled = new Map<string, Compiled>();

  constructor(
    private readonly simulations: SimulationsRepository,
    private readonly datasets: DatasetsService,
    private readonly versions: VersionsRepository,
    private readonly learningReplay: LearningReplayRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  load(simulationId: string): Promise<SimulationRecord | undefined> {
    return this.simulations.record(simulationId);
  }

  /** The simulated version (and baseline) compiled as every worker decides them: also what the per-customer export re-decides with. */
  async strategies(sim: SimulationRecord): Promise<Compiled> {
    const hit = this.compiled.get(sim.id);
    if (hit) return hit;
    const ids = [sim.version_id, sim.baseline_version_id].filter((id): id is string => id !== null);
    const versions = await Promise.all(ids.map((id) => this.versions.findById(id)));
    const doc = (id: string | null) => versions.find((v) => v?.id === id)?.document;
    // The catalog and schema as each version read them when the simulation was requested: every worker decides alike.
    const env = sim.options.environment ?? {};
    // Each version was judged when the run was requested (a submitted one under the checks it was approved with).
    const options = { tolerate: sim.options.tolerate ?? [], codegen: this.config.engine.codegen };
    const compiled: Compiled = { draft: compileStrategy(doc(sim.version_id), env, options) };
    if (sim.baseline_version_id)
      compiled.baseline = compileStrategy(
        doc(sim.baseline_version_id),
        sim.options.baselineEnvironment ?? env,
        options,
      );
    if (this.compiled.size >= 16) this.compiled.delete(this.compiled.keys().next().value!);
    this.compiled.set(sim.id, compiled);
    return compiled;
  }

  async processChunk(simulationId: string, chunkNo: number, stop?: AbortSignal): Promise<void> {
    const interrupted = () => stop?.aborted === true;
    if (interrupted()) throw new ChunkInterrupted(simulationId, chunkNo);
    const sim = await this.load(simulationId);
    if (!sim || TERMINAL.has(sim.status)) return;
    if (await this.simulations.hasChunk(simulationId, chunkNo)) return;
    if (sim.status === 'QUEUED') await this.simulations.markRunning(simulationId);
    if (!sim.dataset_id) throw new Error('The dataset of this simulation was deleted.');
    const { draft, baseline } = await this.strategies(sim);
    const from = chunkNo * sim.chunk_size;
    const to = Math.min(from + sim.chunk_size, sim.rows_total);
    const datasetId = sim.dataset_id;
    // Rows are read a page ahead: PostgreSQL reads and sends the next page while this one is decided.
    // The first page is small, so that deciding starts soon and the next page's read overlaps it.
    const pageEnd = (start: number) => Math.min(start + (start === from ? SLICE : PAGE), to);
    const page = (start: number) => {
      const end = pageEnd(start);
      const rows = this.datasets.rows(datasetId, start, end).then((found) => {
        if (found.length !== end - start)
          throw new Error(
            `Chunk ${chunkNo}: expected ${end - start} dataset rows from ${start}, found ${found.length}.`,
          );
        return found;
      });
      rows.catch(() => undefined); // awaited below, unless the chunk stops first
      return rows;
    };
    let nextPage = page(from);
    const segmentColumns = await this.datasets.segmentColumns(datasetId);
    const now = (sim.decision_time ?? new Date(0)).toISOString();
    const protectedFields = (sim.options.protectedFields ?? []).map((f) => f.name);

    const draftAcc = new SimulationAccumulator();
    const baselineAcc = baseline ? new SimulationAccumulator() : undefined;
    const paired = baseline
      ? { top: new PairedOffPolicyAccumulator(), slate: new PairedOffPolicyAccumulator() }
      : undefined;
    const changes = { loggedRows: 0, compared: 0, changed: 0, examples: [] as TopActionChangeExample[] };

    for (let pageStart = from; pageStart < to; pageStart = pageEnd(pageStart)) {
      const rows = await nextPage;
      if (pageEnd(pageStart) < to) nextPage = page(pageEnd(pageStart));
      if (pageStart > from && (await this.simulations.status(simulationId)) === 'CANCELLED') return;
      for (let start = 0; start < rows.length; start += SLICE) {
        if (interrupted()) throw new ChunkInterrupted(simulationId, chunkNo);
        const end = Math.min(start + SLICE, rows.length);
        for (let i = start; i < end; i++) {
          const row = rows[i]!;
          const input: DecisionInput = { customer: row.customer, context: { now } };
          const result = draft.decide(input, TRACE);
          const customerId = row.customer_id ?? undefined;
          const logged = row.logged ?? undefined;
          const segment = segmentLabel(segmentColumns, row.segments);
          // One object shape for every row (no spreads): the accumulator's code stays monomorphic.
          draftAcc.add({
            customerId,
            segment,
            logged,
            result,
            protectedValues: protectedFields.length
              ? protectedValuesOf(row.customer, protectedFields)
              : undefined,
          });
          if (!baseline || !baselineAcc || !paired) continue;
          const before = baseline.decide(input, TRACE);
          baselineAcc.add({ customerId, segment, logged, result: before, protectedValues: undefined });
          if (logged) {
            changes.loggedRows++;
            paired.top.add(pairedOffPolicyRow(logged, before, result, 'top', customerId));
            paired.slate.add(pairedOffPolicyRow(logged, before, result, 'slate', customerId));
          }
          const beforeTop = topRecommendation(before)?.actionId ?? null;
          const afterTop = topRecommendation(result)?.actionId ?? null;
          changes.compared++;
          if (beforeTop !== afterTop) {
            changes.changed++;
            if (changes.examples.length < EXAMPLES)
              changes.examples.push({
                customerId: customerId ?? `row ${row.row_no + 1}`,
                before: beforeTop,
                after: afterTop,
              });
          }
        }
        await yieldToEventLoop();
      }
    }
    if (interrupted()) throw new ChunkInterrupted(simulationId, chunkNo);
    const pairedJson: PairedChunk | null = paired
      ? { ...changes, top: paired.top.toJSON(), slate: paired.slate.toJSON() }
      : null;
    await this.simulations.storeChunk(
      simulationId,
      chunkNo,
      to - from,
      draftAcc.toJSON(),
      baselineAcc ? baselineAcc.toJSON() : null,
      pairedJson,
    );
  }

  async finish(simulationId: string): Promise<void> {
    const sim = await this.load(simulationId);
    if (!sim || TERMINAL.has(sim.status)) return;
    const draft = new SimulationAccumulator();
    const baseline = sim.baseline_version_id ? new SimulationAccumulator() : undefined;
    const paired = { top: new PairedOffPolicyAccumulator(), slate: new PairedOffPolicyAccumulator() };
    const changes = { loggedRows: 0, compared: 0, changed: 0, examples: [] as TopActionChangeExample[] };
    let chunks = 0;
    let rows = 0;
    // A few chunks at a time: memory holds one page of chunk results, whatever the dataset's size.
    for (let next = 0; ;) {
      const page = await this.simulations.chunks<SimulationJSON, PairedChunk>(simulationId, next, 20);
      if (page.length === 0) break;
      for (const chunk of page) {
        chunks++;
        rows += chunk.rows;
        draft.merge(SimulationAccumulator.fromJSON(chunk.result));
        if (baseline && chunk.baseline_result)
          baseline.merge(SimulationAccumulator.fromJSON(chunk.baseline_result));
        if (chunk.paired) {
          paired.top.merge(PairedOffPolicyAccumulator.fromJSON(chunk.paired.top));
          paired.slate.merge(PairedOffPolicyAccumulator.fromJSON(chunk.paired.slate));
          changes.loggedRows += chunk.paired.loggedRows;
          changes.compared += chunk.paired.compared;
          changes.changed += chunk.paired.changed;
          for (const e of chunk.paired.examples)
            if (changes.examples.length < EXAMPLES) changes.examples.push(e);
        }
      }
      next = page[page.length - 1]!.chunk_no + 1;
    }
    if (chunks !== sim.chunk_count || rows !== sim.rows_total)
      throw new Error(
        `Simulation ${simulationId}: ${chunks} of ${sim.chunk_count} chunks stored (${rows} of ${sim.rows_total} rows).`,
      );
    const summary = draft.summary();
    let comparison: unknown = null;
    if (baseline) {
      const uplift =
        changes.loggedRows > 0 ? { top: paired.top.estimates(), slate: paired.slate.estimates() } : undefined;
      comparison = {
        ...compareSimulations(baseline.summary(), summary, { ...(uplift && { uplift }) }),
        topActions: {
          compared: changes.compared,
          changed: changes.changed,
          share: changes.compared ? changes.changed / changes.compared : null,
          complete: true,
          examples: changes.examples,
        },
      };
    }
    // Learning while replaying: sequential, in time order, once every chunk is in.
    const learning = sim.options.learning
      ? await this.learningReplay.run(
          sim,
          sim.options.learning.orderBy,
          async () => (await this.simulations.status(simulationId)) === 'CANCELLED',
        )
      : undefined;
    if (sim.options.learning && !learning) return;
    const completed = await this.simulations.complete(
      simulationId,
      learning ? { ...summary, learning } : summary,
      comparison,
    );
    if (completed) this.logger.log(`Simulation ${simulationId} completed: ${rows} rows in ${chunks} chunks`);
  }

  async failed(simulationId: string, message: string): Promise<void> {
    await this.simulations.fail(simulationId, message);
  }
}
