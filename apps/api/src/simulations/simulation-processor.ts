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
  type StrategyEnvironment,
  type TopActionChangeExample,
  type ProblemCode,
} from '@arbiter/engine';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { readDatasetRows, segmentLabel } from '../datasets/dataset-rows';
import { ChunkInterrupted, type SimulationProcessors } from '../jobs/job-runner';
import { LearningReplayRunner } from './learning-replay.runner';

/** Rows decided between two looks at the event loop (keeps the job lock renewed, notices a stopping worker) … */
const SLICE = 500;
/** … and between two checks of the simulation's status (cancel). */
const STATUS_CHECK_ROWS = 2500;
const EXAMPLES = 10;
/**
 * Per step, the candidates each action had left and the drops counted by reason. Each row is decided
 * and counted before the next: holding a whole slice of traced decisions costs far more in garbage
 * collection than deciding them.
 */
const TRACE = { trace: 'funnel' } as const;

export interface SimulationRecord {
  id: string;
  status: string;
  content_hash: string;
  dataset_id: string | null;
  version_id: string | null;
  baseline_version_id: string | null;
  options: {
    environment?: StrategyEnvironment;
    baselineEnvironment?: StrategyEnvironment;
    tolerate?: ProblemCode[];
    protectedFields?: { name: string }[];
    learning?: { orderBy: string };
  };
  decision_time: Date | null;
  rows_total: number;
  chunk_size: number;
  chunk_count: number;
  /** The dataset's segment columns (its mapping's segmentColumns), in order. */
  segment_columns: string[] | null;
}

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
    private readonly dataSource: DataSource,
    private readonly learningReplay: LearningReplayRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async load(simulationId: string): Promise<SimulationRecord | undefined> {
    const rows = await this.dataSource.query<SimulationRecord[]>(
      `SELECT s.id, s.status, s.content_hash, s.dataset_id, s.version_id, s.baseline_version_id, s.options, s.decision_time, s.rows_total, s.chunk_size, s.chunk_count,
              d.mapping->'segmentColumns' AS segment_columns
       FROM simulations s LEFT JOIN datasets d ON d.id = s.dataset_id WHERE s.id = $1`,
      [simulationId],
    );
    return rows[0];
  }

  private async status(simulationId: string): Promise<string | undefined> {
    return (
      await this.dataSource.query<{ status: string }[]>(`SELECT status FROM simulations WHERE id = $1`, [
        simulationId,
      ])
    )[0]?.status;
  }

  /** The simulated version (and baseline) compiled as every worker decides them: also what the per-customer export re-decides with. */
  async strategies(sim: SimulationRecord): Promise<Compiled> {
    const hit = this.compiled.get(sim.id);
    if (hit) return hit;
    const ids = [sim.version_id, sim.baseline_version_id].filter((id): id is string => id !== null);
    const versions = await this.dataSource.query<{ id: string; document: unknown }[]>(
      `SELECT id, document FROM strategy_versions WHERE id = ANY($1)`,
      [ids],
    );
    const doc = (id: string | null) => versions.find((v) => v.id === id)?.document;
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
    const stored = await this.dataSource.query(
      `SELECT 1 FROM simulation_chunks WHERE simulation_id = $1 AND chunk_no = $2`,
      [simulationId, chunkNo],
    );
    if (stored.length) return;
    if (sim.status === 'QUEUED')
      await this.dataSource.query(
        `UPDATE simulations SET status = 'RUNNING', started_at = coalesce(started_at, now()), updated_at = now() WHERE id = $1 AND status = 'QUEUED'`,
        [simulationId],
      );
    if (!sim.dataset_id) throw new Error('The dataset of this simulation was deleted.');
    const { draft, baseline } = await this.strategies(sim);
    const from = chunkNo * sim.chunk_size;
    const to = Math.min(from + sim.chunk_size, sim.rows_total);
    const rows = await readDatasetRows(this.dataSource.manager, sim.dataset_id, from, to);
    if (rows.length !== to - from)
      throw new Error(`Chunk ${chunkNo}: expected ${to - from} dataset rows, found ${rows.length}.`);
    const now = (sim.decision_time ?? new Date(0)).toISOString();
    const segmentColumns = sim.segment_columns ?? [];
    const protectedFields = (sim.options.protectedFields ?? []).map((f) => f.name);

    const draftAcc = new SimulationAccumulator();
    const baselineAcc = baseline ? new SimulationAccumulator() : undefined;
    const paired = baseline
      ? { top: new PairedOffPolicyAccumulator(), slate: new PairedOffPolicyAccumulator() }
      : undefined;
    const changes = { loggedRows: 0, compared: 0, changed: 0, examples: [] as TopActionChangeExample[] };

    for (let start = 0; start < rows.length; start += SLICE) {
      if (interrupted()) throw new ChunkInterrupted(simulationId, chunkNo);
      if (start > 0 && start % STATUS_CHECK_ROWS === 0 && (await this.status(simulationId)) === 'CANCELLED')
        return;
      const slice = rows.slice(start, start + SLICE);
      const inputs: DecisionInput[] = slice.map((r) => ({ customer: r.customer, context: { now } }));
      slice.forEach((row, i) => {
        const result = draft.decide(inputs[i]!, TRACE);
        const customerId = row.customer_id ?? undefined;
        const logged = row.logged ?? undefined;
        const segment = segmentLabel(segmentColumns, row.segments);
        const common = {
          ...(customerId !== undefined && { customerId }),
          ...(segment !== undefined && { segment }),
          ...(logged && { logged }),
        };
        draftAcc.add({
          ...common,
          result,
          ...(protectedFields.length && {
            protectedValues: protectedValuesOf(row.customer, protectedFields),
          }),
        });
        if (!baseline || !baselineAcc || !paired) return;
        const before = baseline.decide(inputs[i]!, TRACE);
        baselineAcc.add({ ...common, result: before });
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
      });
      await yieldToEventLoop();
    }
    if (interrupted()) throw new ChunkInterrupted(simulationId, chunkNo);
    const pairedJson: PairedChunk | null = paired
      ? { ...changes, top: paired.top.toJSON(), slate: paired.slate.toJSON() }
      : null;
    // Idempotent: a chunk computed twice (a retry after a worker died) is stored once.
    await this.dataSource.query(
      `INSERT INTO simulation_chunks (simulation_id, chunk_no, rows, result, baseline_result, paired) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (simulation_id, chunk_no) DO NOTHING`,
      [
        simulationId,
        chunkNo,
        rows.length,
        JSON.stringify(draftAcc.toJSON()),
        baselineAcc ? JSON.stringify(baselineAcc.toJSON()) : null,
        pairedJson ? JSON.stringify(pairedJson) : null,
      ],
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
      const page = await this.dataSource.query<
        {
          chunk_no: number;
          rows: number;
          result: SimulationJSON;
          baseline_result: SimulationJSON | null;
          paired: PairedChunk | null;
        }[]
      >(
        `SELECT chunk_no, rows, result, baseline_result, paired FROM simulation_chunks WHERE simulation_id = $1 AND chunk_no >= $2 ORDER BY chunk_no LIMIT 20`,
        [simulationId, next],
      );
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
          async () => (await this.status(simulationId)) === 'CANCELLED',
        )
      : undefined;
    if (sim.options.learning && !learning) return;
    const updated = await this.dataSource.query(
      `UPDATE simulations SET status = 'COMPLETED', results = $2, comparison = $3, completed_at = now(), started_at = coalesce(started_at, now()), updated_at = now()
       WHERE id = $1 AND status IN ('QUEUED','RUNNING') RETURNING id`,
      [
        simulationId,
        JSON.stringify(learning ? { ...summary, learning } : summary),
        comparison === null ? null : JSON.stringify(comparison),
      ],
    );
    if (updated[1] || updated[0]?.length)
      this.logger.log(`Simulation ${simulationId} completed: ${rows} rows in ${chunks} chunks`);
  }

  async failed(simulationId: string, message: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE simulations SET status = 'FAILED', error = $2, updated_at = now() WHERE id = $1 AND status IN ('QUEUED','RUNNING')`,
      [simulationId, message.slice(0, 1000)],
    );
  }
}
