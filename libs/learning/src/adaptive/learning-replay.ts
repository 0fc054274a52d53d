import {
  adaptiveInputReader,
  compileStrategy,
  registryKey,
  resolveModel,
  toActionFact,
  topRecommendation,
  type ActionFact,
  type AdaptiveFacts,
  type AdaptiveParams,
  type CompileOptions,
  type CompiledStrategy,
  type ModelSpec,
  type StrategyDocument,
  type StrategyEnvironment,
} from '@arbiter/engine';
import { AdaptiveModelError } from './adaptive-config';
import { applyOutcomes } from './outcome-log';
import { fromEngineSpec, toEngineSpec } from './engine-spec';
import type { AdaptiveState } from './bayesian-logistic';

// Replay with learning (Li, Chu, Langford, Wang, WSDM 2011): walk a logged dataset in time order;
// a row counts for a policy only when the policy's top action is the logged one, and only such rows
// teach the learning policy's adaptive models. The same walk with the models frozen is the reference.

/** One logged row, in time order. */
export interface ReplayRow {
  customer: Record<string, unknown>;
  /** The decision's context; a `decisionId` per row keeps Thompson draws apart (they are seeded by it). */
  context: Record<string, unknown>;
  /** The logged action and its outcome (positive: accepted); null when the row has none. */
  logged: { actionId: string; outcome: number } | null;
  /** The row's value of the order column, to label the curve's buckets. */
  order?: unknown;
}

/** An acceptance rate over matched rows, with its 95% Wilson interval (null without matched rows). */
export interface ReplayRate {
  matched: number;
  accepted: number;
  rate: number | null;
  low: number | null;
  high: number | null;
}

export interface LearningCurveBucket {
  /** Rows of the log in this bucket (a consecutive stretch of time). */
  rows: number;
  /** Order values of the bucket's first and last rows. */
  from: unknown;
  to: unknown;
  learning: ReplayRate;
  frozen: ReplayRate;
}

export interface LearningCurve {
  rows: number;
  /** Rows without a logged action or outcome: neither policy can be judged on them. */
  rowsWithoutLog: number;
  /** Outcomes learned from: the learning policy's matched rows. */
  updates: number;
  learning: ReplayRate;
  frozen: ReplayRate;
  buckets: LearningCurveBucket[];
  /**
   * The adaptive models that learned: where they sit, their evidence before and after (summed over
   * their groups), and for a model grouped by an input (`groupBy`) the groups that learned.
   */
  models: { model: string; evidenceBefore: number; evidenceAfter: number; groups?: string[] }[];
}

const Z95 = 1.959963984540054;

function rateOf(matched: number, accepted: number): ReplayRate {
  if (matched === 0) return { matched, accepted, rate: null, low: null, high: null };
  const p = accepted / matched;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * matched)) / (1 + z2 / matched);
  const half = (Z95 / (1 + z2 / matched)) * Math.sqrt((p * (1 - p)) / matched + z2 / (4 * matched * matched));
  return { matched, accepted, rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * An adaptive spec as models that learn: one, or for a spec grouped by an input (`groupBy`, e.g. one
 * posterior per action) one per group, a new group starting from the top-level posterior (its prior).
 */
class LearningModel {
  private base: AdaptiveState;
  private readonly groups = new Map<string, AdaptiveState>();
  private readonly groupOf?: (facts: AdaptiveFacts) => string | number | undefined;
  private readonly evidenceBefore: number;
  private learned = 0;

  constructor(private readonly params: AdaptiveParams) {
    this.base = fromEngineSpec(params);
    if (params.groupBy !== undefined) this.groupOf = adaptiveInputReader(params.groupBy, 'category');
    this.evidenceBefore =
      params.evidence + Object.values(params.groups ?? {}).reduce((sum, g) => sum + g.evidence, 0);
  }

  learn(facts: AdaptiveFacts, label: boolean): void {
    const key = this.groupOf?.(facts);
    const learnInto = (state: AdaptiveState) => {
      const seq = state.cursor.seq + 1;
      return applyOutcomes(state, [{ id: String(seq), seq, facts, label }]).state;
    };
    this.learned++;
    // Ungrouped, or a candidate without a group value: the top-level posterior scored it.
    if (key === undefined) {
      this.base = learnInto(this.base);
      return;
    }
    this.groups.set(String(key), learnInto(this.groupState(String(key))));
  }

  private groupState(key: string): AdaptiveState {
    const known = this.groups.get(key);
    if (known) return known;
    const stored = this.params.groups?.[key];
    if (stored) return fromEngineSpec({ ...this.params, ...stored, groupBy: undefined, groups: undefined });
    return { ...fromEngineSpec(this.params), evidence: 0, positives: 0 };
  }

  /** The engine spec of what was learned, exploration settings as they were. */
  spec(): AdaptiveParams {
    const top = toEngineSpec(this.base, this.params.exploration);
    if (this.params.groupBy === undefined) return top;
    const learned = [...this.groups].map(([key, state]) => {
      const { intercept, terms, evidence } = toEngineSpec(state);
      return [key, { intercept, terms, evidence }] as const;
    });
    return {
      ...top,
      groupBy: this.params.groupBy,
      groups: { ...this.params.groups, ...Object.fromEntries(learned) },
    };
  }

  figures(label: string) {
    return {
      model: label,
      evidenceBefore: this.evidenceBefore,
      evidenceAfter: this.evidenceBefore + this.learned,
      ...(this.params.groupBy !== undefined && { groups: [...this.groups.keys()].sort() }),
    };
  }
}

/** Where an adaptive model sits: inline in a score step's config, or a registry entry of the environment. */
interface ModelSlot {
  label: string;
  model: LearningModel;
  write(doc: StrategyDocument, env: StrategyEnvironment, spec: AdaptiveParams): void;
}

interface ScoreConfig {
  model?: ModelSpec;
  byGroup?: Record<string, ModelSpec>;
  byAction?: Record<string, ModelSpec>;
}

/** The adaptive models of a document's score steps, and which of them scores each action. */
function adaptiveSlots(doc: StrategyDocument, env: StrategyEnvironment, actions: ActionFact[]) {
  const slots: ModelSlot[] = [];
  const registry = new Map<string, ModelSlot>();
  const slotOf = (nodeId: string, where: string[], spec: ModelSpec | undefined): ModelSlot | undefined => {
    if (!spec) return undefined;
    const resolved = resolveModel(spec, env.models);
    if (resolved?.type !== 'adaptive') return undefined;
    if (spec.type === 'registry') {
      const key = registryKey(spec);
      let slot = registry.get(key);
      if (!slot) {
        slot = {
          label: `registry model ${key}`,
          model: new LearningModel(resolved),
          write: (_doc, e, next) => void (e.models = { ...e.models, [key]: next }),
        };
        registry.set(key, slot);
        slots.push(slot);
      }
      return slot;
    }
    const slot: ModelSlot = {
      label: `${nodeId} ${where.join(' ')}`,
      model: new LearningModel(resolved),
      write: (d, _env, next) => {
        const node = d.nodes.find((n) => n.id === nodeId)!;
        let target = node.config as Record<string, unknown>;
        for (const key of where.slice(0, -1)) target = target[key] as Record<string, unknown>;
        target[where[where.length - 1]!] = next;
      },
    };
    slots.push(slot);
    return slot;
  };
  const byAction = new Map<string, ModelSlot[]>(actions.map((a) => [a.id, []]));
  for (const node of doc.nodes) {
    if (node.type !== 'score') continue;
    const config = (node.config ?? {}) as ScoreConfig;
    const fallback = slotOf(node.id, ['model'], config.model);
    const groups = new Map(
      Object.entries(config.byGroup ?? {}).map(([g, m]) => [g, slotOf(node.id, ['byGroup', g], m)]),
    );
    const own = new Map(
      Object.entries(config.byAction ?? {}).map(([a, m]) => [a, slotOf(node.id, ['byAction', a], m)]),
    );
    // The model the score step uses for each action, as the engine picks it (see score-node.ts).
    for (const action of actions) {
      const slot = own.has(action.id)
        ? own.get(action.id)
        : action.group !== undefined && groups.has(action.group)
          ? groups.get(action.group)
          : fallback;
      // A registry model used by two score steps learns once per outcome.
      const slots = byAction.get(action.id)!;
      if (slot && !slots.includes(slot)) slots.push(slot);
    }
  }
  return { slots, byAction };
}

/**
 * A replay of one strategy twice over the same time-ordered rows: learning (its adaptive models
 * updated on every row whose top action is the logged one, the strategy recompiled before the next
 * decision) and frozen (the models as given). Feed rows with `add`, in time order; `curve()` sums up.
 * Throws AdaptiveModelError when the strategy has no adaptive model or one the learner cannot read.
 */
export class LearningReplay {
  private readonly frozen: CompiledStrategy;
  private learning: CompiledStrategy;
  private stale = false;
  private readonly slots: ModelSlot[];
  private readonly slotsByAction: Map<string, ModelSlot[]>;
  private readonly actions: Map<string, ActionFact>;
  private readonly bucketCount: number;
  private readonly buckets: LearningCurveBucket[] = [];
  private seen = 0;
  private withoutLog = 0;
  private updates = 0;

  constructor(
    private readonly document: StrategyDocument,
    private readonly env: StrategyEnvironment,
    private readonly options: CompileOptions,
    /** Rows the replay will see, to cut them into buckets of consecutive time. */
    private readonly totalRows: number,
    buckets = 10,
  ) {
    const actions = (env.actions ?? []).map((a, i) => toActionFact(a, i));
    this.actions = new Map(actions.map((a) => [a.id, a]));
    const found = adaptiveSlots(document, env, actions);
    if (found.slots.length === 0)
      throw new AdaptiveModelError(
        'strategy',
        'scores no action with an adaptive model, so there is nothing to learn',
      );
    this.slots = found.slots;
    this.slotsByAction = found.byAction;
    this.frozen = compileStrategy(document, env, options);
    this.learning = this.frozen;
    this.bucketCount = Math.max(1, Math.min(buckets, totalRows));
  }

  add(row: ReplayRow): void {
    const index = Math.min(this.bucketCount - 1, Math.floor((this.seen * this.bucketCount) / this.totalRows));
    this.seen++;
    let bucket = this.buckets[index];
    if (!bucket) {
      bucket = { rows: 0, from: row.order ?? null, to: null, learning: rateOf(0, 0), frozen: rateOf(0, 0) };
      this.buckets[index] = bucket;
    }
    bucket.rows++;
    bucket.to = row.order ?? null;
    if (!row.logged || typeof row.logged.actionId !== 'string' || !Number.isFinite(row.logged.outcome)) {
      this.withoutLog++;
      return;
    }
    const { actionId, outcome } = row.logged;
    const accepted = outcome > 0;
    const input = { customer: row.customer, context: row.context };
    if (topRecommendation(this.frozen.decide(input))?.actionId === actionId) {
      bucket.frozen = rateOf(bucket.frozen.matched + 1, bucket.frozen.accepted + (accepted ? 1 : 0));
    }
    if (this.stale) this.recompile();
    if (topRecommendation(this.learning.decide(input))?.actionId !== actionId) return;
    bucket.learning = rateOf(bucket.learning.matched + 1, bucket.learning.accepted + (accepted ? 1 : 0));
    const action = this.actions.get(actionId);
    for (const slot of this.slotsByAction.get(actionId) ?? []) {
      slot.model.learn({ customer: row.customer, context: row.context, ...(action && { action }) }, accepted);
      this.stale = true;
    }
    this.updates++;
  }

  /** The learned models put back where they came from, exploration settings as they were. */
  private recompile(): void {
    const doc = structuredClone(this.document);
    const env = { ...this.env };
    for (const slot of this.slots) slot.write(doc, env, slot.model.spec());
    this.learning = compileStrategy(doc, env, this.options);
    this.stale = false;
  }

  curve(): LearningCurve {
    const buckets = this.buckets.filter((b) => b !== undefined);
    const total = (view: 'learning' | 'frozen') =>
      rateOf(
        buckets.reduce((s, b) => s + b[view].matched, 0),
        buckets.reduce((s, b) => s + b[view].accepted, 0),
      );
    return {
      rows: this.seen,
      rowsWithoutLog: this.withoutLog,
      updates: this.updates,
      learning: total('learning'),
      frozen: total('frozen'),
      buckets,
      models: this.slots.map((s) => s.model.figures(s.label)),
    };
  }
}
