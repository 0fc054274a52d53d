import { z } from 'zod';
import { toNumber } from '../expressions/values';
import type { ConditionFacts } from '../conditions/types';
import { joinField } from '../validation/problem';
import { checkReference, referenceGetter, referenceRoots } from './input-reference';
import { logistic, type Contribution, type ModelKind } from './model-kind';

// An adaptive model as the engine runs it: one snapshot of a Bayesian logistic regression with a
// diagonal Gaussian posterior (Chapelle & Li 2011), learned online by @arbiter/learning. Each weight
// is N(mean, variance); the log-odds of a candidate are then N(μ, v) with μ = Σ mean·x and
// v = Σ variance·x². The score is the mean propensity logistic(μ), or, in a decision that explores,
// a Thompson draw logistic(μ + √(v·varianceScale)·N(0,1)) seeded by the decision, so replaying a
// logged decision gives the same draw.

const posterior = z.object({ mean: z.number().finite(), variance: z.number().finite().positive() });
export type WeightPosterior = z.infer<typeof posterior>;

const numberTerm = z.object({
  input: z.string(),
  type: z.literal('number'),
  /** The input enters as (x − center) / spread. */
  center: z.number().finite(),
  spread: z.number().finite().positive(),
  weight: posterior,
  /** Weight of the "input is missing or not a number" indicator. */
  missing: posterior,
});

const categoryTerm = z.object({
  input: z.string(),
  type: z.literal('category'),
  /** One-hot weight per category, keyed by String(value). */
  categories: z.record(z.string(), posterior),
  /** Any category not listed. */
  otherwise: posterior,
  /** Missing, null or empty input. */
  missing: posterior,
});

const term = z.discriminatedUnion('type', [numberTerm, categoryTerm]);

/** One group's learned posterior (e.g. one action's): the same terms as the model's, its own weights. */
const groupParams = z.object({
  intercept: posterior,
  terms: z.array(term).max(500),
  evidence: z.number().int().min(0),
});

export const adaptiveParamsSchema = z.object({
  type: z.literal('adaptive'),
  /** The adaptive model's id; it keys the Thompson draws, so two models draw independently. */
  modelId: z.string().min(1),
  intercept: posterior,
  terms: z.array(term).max(500),
  /** Outcomes learned from so far, and how many make the model mature. */
  evidence: z.number().int().min(0),
  /**
   * One posterior per value of this input (e.g. `action.id`: one model per action). A candidate whose
   * value has no entry in `groups` is scored by the top-level posterior (the prior of a new group).
   */
  groupBy: z.string().optional(),
  groups: z.record(z.string(), groupParams).optional(),
  maturity: z.number().int().min(0).default(100),
  exploration: z
    .object({
      /** Share of decisions in which mature models score by a Thompson draw. */
      share: z.number().min(0).max(1),
      /** Share of decisions in which an immature model does; at least `share` (explored first). */
      immatureShare: z.number().min(0).max(1).default(1),
      /** Multiplies the posterior variance of a draw (Chapelle & Li's exploration parameter). */
      varianceScale: z.number().finite().positive().default(1),
      /** Inputs whose values seed a decision's draws: same values ⇒ same draws. */
      seedInputs: z
        .array(z.string().regex(/^(customer|context)\./, 'a seed input is a customer or context field'))
        .min(1)
        .max(10)
        .default(['customer.id', 'context.decisionId']),
    })
    .optional(),
});
export type AdaptiveParams = z.infer<typeof adaptiveParamsSchema>;
export type AdaptiveParamsInput = z.input<typeof adaptiveParamsSchema>;

export type AdaptiveExploration = NonNullable<AdaptiveParams['exploration']>;

/** What a decision saw, as the decision log keeps it: customer, context and the candidate's action. */
export type AdaptiveFacts = Partial<ConditionFacts>;

/**
 * How an adaptive model reads one input: a finite number for a number predictor, String(value) for
 * a category; undefined when missing (a category reads undefined, null and '' as missing, like the
 * logistic model). Shared with the learner so training and scoring encode alike.
 */
export function adaptiveInputReader(
  input: string,
  type: 'number' | 'category',
): (facts: AdaptiveFacts) => number | string | undefined {
  const get = referenceGetter(input) as (facts: AdaptiveFacts) => unknown;
  if (type === 'number') return (facts) => toNumber(get(facts));
  return (facts) => {
    const value = get(facts);
    return value === undefined || value === null || value === '' ? undefined : String(value);
  };
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The four FNV-1a lanes of a draw's key, hashed a piece at a time (a decision's seed once, then each candidate's suffix). */
type Lanes = Int32Array;

function startLanes(lanes: Lanes): void {
  lanes[0] = 0x811c9dc5;
  lanes[1] = 0x01000193;
  lanes[2] = 0x9e3779b9;
  lanes[3] = 0x85ebca6b;
}

function hashInto(lanes: Lanes, text: string): void {
  let a = lanes[0]!;
  let b = lanes[1]!;
  let c = lanes[2]!;
  let d = lanes[3]!;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x01000193);
    c = Math.imul(c ^ code, 0x01000193);
    d = Math.imul(d ^ code, 0x01000193);
  }
  lanes[0] = a;
  lanes[1] = b;
  lanes[2] = c;
  lanes[3] = d;
}

/** The standard normal number of hashed lanes: murmur3's finaliser seeds sfc32, two uniforms go through Box–Muller. */
function normalOf(lanes: Lanes): number {
  let a = fmix(lanes[0]! ^ 1);
  let b = fmix(lanes[1]! ^ 2);
  let c = fmix(lanes[2]! ^ 3);
  let d = fmix(lanes[3]! ^ 4);
  let u1 = 0;
  let u2 = 0;
  // sfc32; the first 12 outputs are discarded so that keys differing in one character start far apart.
  for (let round = 0; round < 14; round++) {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    u1 = u2;
    u2 = (t >>> 0) / 4294967296;
  }
  // 1 − u1 is in (0, 1], so its logarithm is finite.
  return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
}

const keyLanes: Lanes = new Int32Array(4);

/**
 * A standard normal number keyed by a string: the key hashed into four 32-bit words (four FNV-1a
 * lanes, murmur3's finaliser), which seed an sfc32 generator; two of its uniforms go through
 * Box–Muller. Same key ⇒ same number in Node, workers and the browser.
 */
export function seededNormal(key: string): number {
  startLanes(keyLanes);
  hashInto(keyLanes, key);
  return normalOf(keyLanes);
}

/**
 * The uniform number in [0, 1) that decides whether a decision explores; one per decision seed. A
 * single hash pass (no stream), as it runs for every candidate of every decision.
 */
export function explorationUniform(seed: string): number {
  let h = 0x6a09e667;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  return fmix(h) / 4294967296;
}

export interface AdaptiveScore {
  score: number;
  explored: boolean;
}

/**
 * The score of one candidate: a Thompson draw if the decision explores for this model (immature
 * models in a larger share of decisions, so new actions are explored first), else the mean
 * propensity. `drawKey` names the candidate (model and action) within the decision.
 */
export function adaptiveScore(
  logOdds: { mean: number; variance: number },
  mature: boolean,
  exploration: Pick<AdaptiveExploration, 'share' | 'immatureShare' | 'varianceScale'> | undefined,
  seed: string,
  drawKey: string,
): AdaptiveScore {
  if (exploration) {
    const share = mature ? exploration.share : Math.max(exploration.share, exploration.immatureShare);
    if (share > 0 && explorationUniform(seed) < share) {
      const sd = Math.sqrt(logOdds.variance * exploration.varianceScale);
      return { score: logistic(logOdds.mean + sd * seededNormal(`${seed}|${drawKey}`)), explored: true };
    }
  }
  return { score: logistic(logOdds.mean), explored: false };
}

type Term = AdaptiveParams['terms'][number];

/** The posterior of the one weight a term adds for these facts, and the input's value. */
function termReader(
  term: Term,
): (facts: ConditionFacts) => { x: number; w: WeightPosterior; value: unknown } {
  const read = adaptiveInputReader(term.input, term.type);
  if (term.type === 'number') {
    const { center, spread, weight, missing } = term;
    return (f) => {
      const value = read(f) as number | undefined;
      return value === undefined
        ? { x: 1, w: missing, value }
        : { x: (value - center) / spread, w: weight, value };
    };
  }
  const categories = new Map(Object.entries(term.categories));
  const { otherwise, missing } = term;
  return (f) => {
    const value = read(f) as string | undefined;
    if (value === undefined) return { x: 1, w: missing, value };
    return { x: 1, w: categories.get(value) ?? otherwise, value };
  };
}

/**
 * The terms as parallel arrays, read in one loop: no closure per term, no allocation per call, and
 * the same arithmetic in the same order as @arbiter/learning's logOddsPosterior, so both give
 * bit-identical numbers. The variance is summed only for a decision that explores.
 */
class LogOdds {
  private readonly count: number;
  private readonly getters: ((facts: ConditionFacts) => unknown)[];
  private readonly isNumber: Uint8Array;
  private readonly center: Float64Array;
  private readonly spread: Float64Array;
  /** Number terms: the value's weight; category terms: the "otherwise" weight. */
  private readonly weightMean: Float64Array;
  private readonly weightVariance: Float64Array;
  private readonly missingMean: Float64Array;
  private readonly missingVariance: Float64Array;
  private readonly categories: (Map<string, WeightPosterior> | undefined)[];
  private readonly interceptMean: number;
  private readonly interceptVariance: number;
  /** Set by `posterior`, beside the mean it returns. */
  variance = 0;

  constructor(params: AdaptiveParams) {
    const n = params.terms.length;
    this.count = n;
    this.getters = params.terms.map((t) => referenceGetter(t.input));
    this.isNumber = new Uint8Array(n);
    this.center = new Float64Array(n);
    this.spread = new Float64Array(n).fill(1);
    this.weightMean = new Float64Array(n);
    this.weightVariance = new Float64Array(n);
    this.missingMean = new Float64Array(n);
    this.missingVariance = new Float64Array(n);
    this.categories = params.terms.map((term, k) => {
      this.missingMean[k] = term.missing.mean;
      this.missingVariance[k] = term.missing.variance;
      if (term.type === 'number') {
        this.isNumber[k] = 1;
        this.center[k] = term.center;
        this.spread[k] = term.spread;
        this.weightMean[k] = term.weight.mean;
        this.weightVariance[k] = term.weight.variance;
        return undefined;
      }
      this.weightMean[k] = term.otherwise.mean;
      this.weightVariance[k] = term.otherwise.variance;
      return new Map(Object.entries(term.categories));
    });
    this.interceptMean = params.intercept.mean;
    this.interceptVariance = params.intercept.variance;
  }

  /** Σ mean·x: the mean log-odds. */
  mean(f: ConditionFacts): number {
    let mean = this.interceptMean;
    for (let k = 0; k < this.count; k++) {
      const value = this.getters[k]!(f);
      if (this.isNumber[k] === 1) {
        const x = toNumber(value);
        mean +=
          x === undefined
            ? this.missingMean[k]!
            : this.weightMean[k]! * ((x - this.center[k]!) / this.spread[k]!);
      } else if (value === undefined || value === null || value === '') mean += this.missingMean[k]!;
      else {
        const w = this.categories[k]!.get(String(value));
        mean += w === undefined ? this.weightMean[k]! : w.mean;
      }
    }
    return mean;
  }

  /** The mean log-odds, with Σ variance·x² left in `this.variance`. */
  posterior(f: ConditionFacts): number {
    let mean = this.interceptMean;
    let variance = this.interceptVariance;
    for (let k = 0; k < this.count; k++) {
      const value = this.getters[k]!(f);
      if (this.isNumber[k] === 1) {
        const n = toNumber(value);
        if (n === undefined) {
          mean += this.missingMean[k]!;
          variance += this.missingVariance[k]!;
        } else {
          const x = (n - this.center[k]!) / this.spread[k]!;
          mean += this.weightMean[k]! * x;
          variance += x * x * this.weightVariance[k]!;
        }
      } else if (value === undefined || value === null || value === '') {
        mean += this.missingMean[k]!;
        variance += this.missingVariance[k]!;
      } else {
        const w = this.categories[k]!.get(String(value));
        mean += w === undefined ? this.weightMean[k]! : w.mean;
        variance += w === undefined ? this.weightVariance[k]! : w.variance;
      }
    }
    this.variance = variance;
    return mean;
  }
}

/** The seed of a decision: the values of the seed inputs joined, e.g. "c42:d-9f1". */
function decisionSeed(exploration: AdaptiveExploration): (f: ConditionFacts) => string {
  const getters = exploration.seedInputs.map(referenceGetter);
  return (f) => {
    let seed = String(getters[0]!(f) ?? '');
    for (let i = 1; i < getters.length; i++) seed += `:${String(getters[i]!(f) ?? '')}`;
    return seed;
  };
}

/**
 * What every adaptive model of one decision shares: its seed, the exploration coin, and the seed's
 * hash lanes for the draws. The engine builds one facts object per decision, so this is worked out
 * once per decision (and seed inputs), not once per model and candidate.
 */
const decision = {
  facts: undefined as ConditionFacts | undefined,
  customer: undefined as unknown,
  context: undefined as unknown,
  seedInputs: '',
  seed: '',
  u: 1,
  lanes: new Int32Array(4) as Lanes,
};

function decisionOf(f: ConditionFacts, seedInputs: string, seedOf: (f: ConditionFacts) => string) {
  if (
    decision.facts !== f ||
    decision.customer !== f.customer ||
    decision.context !== f.context ||
    decision.seedInputs !== seedInputs
  ) {
    decision.facts = f;
    decision.customer = f.customer;
    decision.context = f.context;
    decision.seedInputs = seedInputs;
    decision.seed = seedOf(f);
    decision.u = explorationUniform(decision.seed);
    startLanes(decision.lanes);
    hashInto(decision.lanes, decision.seed);
    hashInto(decision.lanes, '|');
  }
  return decision;
}

const drawLanes: Lanes = new Int32Array(4);

/** seededNormal(`${seed}|${modelId}|${actionId}`), continuing from the decision's hashed seed. */
function candidateNormal(seedLanes: Lanes, modelId: string, f: ConditionFacts): number {
  drawLanes.set(seedLanes);
  hashInto(drawLanes, modelId);
  hashInto(drawLanes, '|');
  const id = (f.action as { id?: unknown } | undefined)?.id;
  if (id !== undefined) hashInto(drawLanes, String(id));
  return normalOf(drawLanes);
}

/**
 * The score of a candidate; `onExplored` is told when it was a Thompson draw (the trace's note).
 * Returns a plain number, so scoring allocates nothing. Same numbers as adaptiveScore.
 */
export function compileAdaptive(
  params: AdaptiveParams,
  onExplored?: () => void,
): (facts: ConditionFacts) => number {
  const logOdds = new LogOdds(params);
  const mature = params.evidence >= params.maturity;
  const { exploration, modelId } = params;
  const share = !exploration
    ? 0
    : mature
      ? exploration.share
      : Math.max(exploration.share, exploration.immatureShare);
  if (!exploration || share === 0) return (f) => logistic(logOdds.mean(f));
  const seedOf = decisionSeed(exploration);
  const seedInputs = exploration.seedInputs.join('\n');
  const { varianceScale } = exploration;
  return (f) => {
    const d = decisionOf(f, seedInputs, seedOf);
    if (d.u >= share) return logistic(logOdds.mean(f));
    onExplored?.();
    const mean = logOdds.posterior(f);
    const sd = Math.sqrt(logOdds.variance * varianceScale);
    return logistic(mean + sd * candidateNormal(d.lanes, modelId, f));
  };
}

/** The posterior that scores a candidate: its group's (a model per action or channel), else the top-level one. */
function byGroup<T>(params: AdaptiveParams, build: (p: AdaptiveParams) => T): (f: ConditionFacts) => T {
  const base = build(params);
  if (params.groupBy === undefined || !params.groups) return () => base;
  const get = referenceGetter(params.groupBy);
  const groups = new Map(
    Object.entries(params.groups).map(([key, g]) => [
      key,
      build({ ...params, ...g, groupBy: undefined, groups: undefined }),
    ]),
  );
  return (f) => {
    const key = get(f);
    return (key === undefined || key === null ? undefined : groups.get(String(key))) ?? base;
  };
}

function compileGrouped(params: AdaptiveParams): (facts: ConditionFacts) => number {
  const pick = byGroup(params, (p) => compileAdaptive(p));
  return (f) => pick(f)(f);
}

export const adaptiveModel: ModelKind<AdaptiveParams> = {
  type: 'adaptive',
  schema: adaptiveParamsSchema,
  check: (params, ctx, field) => [
    ...params.terms.flatMap((t, i) =>
      checkReference(t.input, ctx, joinField(joinField(joinField(field, 'terms'), i), 'input')),
    ),
    ...(params.exploration?.seedInputs ?? []).flatMap((input, i) =>
      checkReference(input, ctx, joinField(joinField(joinField(field, 'exploration'), 'seedInputs'), i)),
    ),
    ...(params.groupBy === undefined ? [] : checkReference(params.groupBy, ctx, joinField(field, 'groupBy'))),
  ],
  compile: compileGrouped,
  // A draw is keyed by the action, so an exploring model is scored per candidate.
  reads: (params) =>
    referenceRoots([
      ...params.terms.map((t) => t.input),
      ...(params.exploration ? [...params.exploration.seedInputs, 'action.id'] : []),
      ...(params.groupBy === undefined ? [] : [params.groupBy]),
    ]),
  summarize: (params) => {
    const groups = params.groupBy === undefined ? [] : Object.values(params.groups ?? {});
    const evidence = groups.length ? groups.reduce((n, g) => n + g.evidence, 0) : params.evidence;
    const per = groups.length
      ? ` in ${groups.length} group${groups.length === 1 ? '' : 's'} by ${params.groupBy}`
      : '';
    return `adaptive model ${params.modelId}: ${params.terms.length} predictor${params.terms.length === 1 ? '' : 's'}, ${evidence} outcomes${per}${evidence < params.maturity ? ' (immature)' : ''}`;
  },
  explain(params) {
    const pick = byGroup(params, explainOne);
    return (f) => pick(f)(f);
  },
};

function explainOne(params: AdaptiveParams): (f: ConditionFacts) => Contribution[] {
  const readers = params.terms.map((t) => ({ input: t.input, read: termReader(t) }));
  let explored = false;
  const score = compileAdaptive(params, () => (explored = true));
  const logOdds = new LogOdds(params);
  return (f) => {
    const contributions: Contribution[] = readers.map(({ input, read }) => {
      const { x, w, value } = read(f);
      return { input, value, effect: w.mean * x };
    });
    explored = false;
    const drawn = score(f);
    if (explored) {
      // What the Thompson draw added to the mean log-odds, so the trace says the action was explored.
      contributions.push({
        input: 'exploration',
        value: 'Thompson draw',
        effect: Math.log(drawn / (1 - drawn)) - logOdds.mean(f),
      });
    }
    return contributions;
  };
}
