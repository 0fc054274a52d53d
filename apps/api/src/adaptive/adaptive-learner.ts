import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { toActionFact, type AdaptiveFacts } from '@arbiter/engine';
import { DataSource, type QueryRunner } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DecisionFactsRepository, type DecisionFacts } from '../decision-log/decision-facts.repository';
import { OutcomeStreamRepository, type StreamedOutcome } from '../interactions/outcome-stream.repository';
import type { PinnedEnvironment } from '../strategies/pinned-environment';
import { PinnedModelsRepository } from '../strategies/pinned-models.repository';
import { AdaptiveDefinitions, type AdaptiveDefinition } from './adaptive-definitions';
import { AdaptiveEvents } from './adaptive-events';
import { AdaptiveMetrics } from './adaptive-metrics';
import { learnOne, restoreLearned, snapshotOf, type LearnedModel } from './adaptive-learning';
import { AdaptiveRepository, SnapshotReason } from './adaptive.repository';
import { judge, observe, type GuardState } from './guard';

/** An outcome whose decision is not logged yet may be in an instance's log buffer: wait this long before skipping it. */
const DECISION_SETTLE_MS = 120_000;

interface Learning {
  definition: AdaptiveDefinition;
  key: string;
  /** The snapshot `learned` and `guard` were read from or written as. */
  snapshotId: string;
  learned: LearnedModel;
  guard: GuardState;
  /** Outcomes read for this model so far, learned or skipped (not part of its state), and how far that is stored. */
  scanned: number;
  scannedStored: number;
  /** Learned more than its newest snapshot holds; saved at most every ADAPTIVE_SNAPSHOT_INTERVAL_MS. */
  dirty: boolean;
  savedAt: number;
}

/**
 * The adaptive models' learner. It reads the outcome stream (interactions in id order) once for
 * every unfrozen adaptive model version, joins each outcome to the decision it answers (the inputs
 * the decision saw, from the decision log), maps the outcome to positive/negative, learns it and
 * writes one snapshot per model per batch. Exactly once: a model's state carries the sequence of the
 * last outcome it learned, and a snapshot replaces its predecessor only if that is still the newest
 * (a reset or rollback in between wins). Only the process holding a PostgreSQL advisory lock learns;
 * the others retry every poll, and take over when it dies (its session, and so its lock, ends).
 */
@Injectable()
export class AdaptiveLearner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AdaptiveLearner.name);
  private readonly models = new Map<string, Learning>();
  private readonly environments = new Map<string, PinnedEnvironment | null>();
  private lock?: QueryRunner;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly repository: AdaptiveRepository,
    private readonly definitions: AdaptiveDefinitions,
    private readonly outcomes: OutcomeStreamRepository,
    private readonly decisions: DecisionFactsRepository,
    private readonly pinned: PinnedModelsRepository,
    private readonly events: AdaptiveEvents,
    @Optional() private readonly metrics?: AdaptiveMetrics,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.learner.run) return;
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await this.releaseLock();
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .catch((error: unknown) => {
          this.logger.error(`Adaptive learner batch failed (retried next poll): ${String(error)}`);
          return this.releaseLock();
        })
        .finally(() => this.schedule(this.config.learner.pollMs));
    }, ms);
  }

  private async tick(): Promise<void> {
    // No pooled connection is held for the lock while there is nothing to learn.
    const learning = await this.repository.learning();
    if (!learning.length) return this.releaseLock();
    if (!(await this.holdLock())) return;
    await this.batch(learning);
  }

  /** Takes the advisory lock on a connection of its own, or checks it still holds it. */
  private async holdLock(): Promise<boolean> {
    if (this.lock) {
      await this.repository.checkLearnerLock(this.lock);
      return true;
    }
    const runner = await this.repository.tryLearnerLock();
    if (!runner) return false;
    this.lock = runner;
    // What another learner learned meanwhile is read back from its snapshots.
    this.models.clear();
    this.logger.log('Adaptive learner: this process learns now');
    return true;
  }

  private async releaseLock(): Promise<void> {
    const runner = this.lock;
    this.lock = undefined;
    if (runner) await this.repository.releaseLearnerLock(runner);
  }

  /** One batch over the models that learn now: returns the number of outcomes read. */
  private async batch(learning: Awaited<ReturnType<AdaptiveRepository['learning']>>): Promise<number> {
    const active = await this.sync(learning);
    if (!active.length) return 0;
    const from = Math.min(...active.map((m) => Math.max(m.learned.seq, m.scanned)));
    const rows = await this.outcomes.after(from, this.config.learner.batchSize, this.config.learner.settleMs);
    const read = await this.learn(active, rows);
    await this.flush(active);
    return read;
  }

  /** Learns the rows into the models (in memory): returns how many rows were read. */
  private async learn(active: Learning[], rows: StreamedOutcome[]): Promise<number> {
    if (!rows.length) return 0;
    const decisions = await this.decisions.byIds([
      ...new Set(rows.flatMap((r) => (r.decisionId ? [r.decisionId] : []))),
    ]);
    await this.loadEnvironments([...new Set([...decisions.values()].map((d) => d.versionId))]);
    const byKey = new Map(active.map((m) => [m.key, m]));
    let read = 0;
    for (const row of rows) {
      const decision = row.decisionId ? decisions.get(row.decisionId) : undefined;
      // Its decision may still be in an API instance's log buffer: stop here and read it again next poll.
      if (row.decisionId && !decision && Date.now() - row.createdAt.getTime() < DECISION_SETTLE_MS) break;
      read++;
      const environment = decision && this.environments.get(decision.versionId);
      const facts = decision && environment !== undefined ? factsOf(decision, row, environment) : undefined;
      for (const key of Object.keys(environment?.models ?? {})) {
        const model = byKey.get(key);
        if (!model || !facts || row.seq <= model.learned.seq) continue;
        const { positiveOutcomes, negativeOutcomes, groupBy } = model.definition.config;
        const label = positiveOutcomes.includes(row.outcome)
          ? true
          : negativeOutcomes.includes(row.outcome)
            ? false
            : undefined;
        // Overridden by staff: the recommended action counts as not taken (see the README).
        const learnedLabel = row.overrideActionId ? false : label;
        if (learnedLabel === undefined) continue;
        const predicted = learnOne(model.learned, model.definition.prior, groupBy, {
          id: row.id,
          seq: row.seq,
          facts,
          label: learnedLabel,
        });
        if (predicted === undefined) continue;
        observe(model.guard, predicted, learnedLabel);
        model.dirty = true;
        this.metrics?.learned(model.definition.name);
      }
    }
    const last = rows[read - 1];
    if (last) for (const m of active) m.scanned = Math.max(m.scanned, last.seq);
    return read;
  }

  /**
   * Saves the models whose snapshot is due, then stores the read position of those with nothing
   * unsaved (a position past unsaved outcomes would skip them after a crash).
   */
  private async flush(active: Learning[]): Promise<void> {
    const now = Date.now();
    for (const model of active)
      if (model.dirty && now - model.savedAt >= this.config.learner.snapshotIntervalMs)
        await this.save(model);
    await Promise.all(
      active
        .filter((m) => !m.dirty && m.scanned > m.scannedStored)
        .map(async (m) => {
          await this.repository.scanned(m.definition.modelId, m.definition.version, m.scanned);
          m.scannedStored = m.scanned;
        }),
    );
  }

  /** The unfrozen models, each at its newest snapshot (read again when someone else wrote one). */
  private async sync(rows: Awaited<ReturnType<AdaptiveRepository['learning']>>): Promise<Learning[]> {
    const active: Learning[] = [];
    const keys = new Set<string>();
    for (const row of rows) {
      const key = `${row.modelId}@${row.version}`;
      keys.add(key);
      let model = this.models.get(key);
      if (!model || model.snapshotId !== row.latestSnapshotId) {
        const definition = await this.definitions.get(row.modelId, row.version);
        const snapshot = await this.repository.snapshot(row.latestSnapshotId);
        if (!definition || !snapshot) continue;
        model = {
          definition,
          key,
          snapshotId: snapshot.id,
          learned: restoreLearned(snapshot.state, snapshot.hash),
          guard: snapshot.guard,
          scanned: Math.max(row.scannedSeq, model?.scanned ?? 0),
          scannedStored: row.scannedSeq,
          dirty: false,
          savedAt: 0,
        };
        this.models.set(key, model);
      }
      active.push(model);
    }
    for (const key of this.models.keys()) if (!keys.has(key)) this.models.delete(key);
    return active;
  }

  private async loadEnvironments(versionIds: string[]): Promise<void> {
    const missing = versionIds.filter((id) => !this.environments.has(id));
    for (const [id, env] of await this.pinned.environments(missing)) this.environments.set(id, env);
  }

  /** Writes the model's snapshot unless a reset or rollback replaced its base meanwhile (then it is read again). */
  private async save(model: Learning): Promise<void> {
    const { modelId, version } = model.definition;
    judge(model.guard, model.definition.config, new Date());
    const snapshot = snapshotOf(model.learned);
    const saved = await this.dataSource.transaction(async (em) => {
      const control = await this.repository.lockControl(em, modelId, version);
      if (
        !control ||
        control.frozen ||
        (await this.repository.latestSnapshotId(em, modelId, version)) !== model.snapshotId
      )
        return undefined;
      const id = await this.repository.insertSnapshot(em, {
        modelId,
        version,
        seq: model.learned.seq,
        evidence: snapshot.evidence,
        positives: snapshot.positives,
        state: snapshot.json,
        hash: snapshot.hash,
        guard: model.guard,
        reason: SnapshotReason.LEARNED,
        comment: null,
        createdBy: null,
      });
      await this.repository.serve(em, modelId, version, id);
      return id;
    });
    // Replaced meanwhile: read again from the new snapshot (it stays dirty, so its position is not stored).
    if (saved === undefined) {
      this.models.delete(model.key);
      return;
    }
    model.snapshotId = saved;
    model.dirty = false;
    model.savedAt = Date.now();
    this.events.announce(model.key);
  }
}

/** What the decision saw for this outcome's action: its logged customer and context, the catalog entry it pinned. */
function factsOf(
  decision: DecisionFacts,
  row: StreamedOutcome,
  environment: PinnedEnvironment | null,
): AdaptiveFacts | undefined {
  if (!decision.inputs) return undefined;
  const action = environment?.actions.find((a) => a.id === row.actionId);
  return {
    customer: { id: decision.customerId, ...decision.inputs.customer },
    context: { ...decision.inputs.context, decisionId: decision.id },
    action: action ? toActionFact(action) : { id: row.actionId },
  };
}
