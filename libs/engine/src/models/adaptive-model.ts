import { z } from 'zod';
import { toNumber } from '../runtime/candidate';
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

export const adaptiveParamsSchema = z.object({
  type: z.literal('adaptive'),
  /** The adaptive model's id; it keys the Thompson draws, so two models draw independently. */
  modelId: z.string().min(1),
  intercept: posterior,
  terms: z.array(z.discriminatedUnion('type', [numberTerm, categoryTerm])).max(500),
  /** Outcomes learned from so far, and how many make the model mature. */
  evidence: z.number().int().min(0),
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

/**
 * A standard normal number keyed by a string: the key hashed into four 32-bit words (four FNV-1a
 * lanes, murmur3's finaliser), which seed an sfc32 generator; two of its uniforms go through
 * Box–Muller. Same key ⇒ same number in Node, workers and the browser.
 */
export function seededNormal(key: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  let c = 0x9e3779b9;
  let d = 0x85ebca6b;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x01000193);
    c = Math.imul(c ^ code, 0x01000193);
    d = Math.imul(d ^ code, 0x01000193);
  }
  [a, b, c, d] = [fmix(a ^ 1), fmix(b ^ 2), fmix(c ^ 3), fmix(d ^ 4)];
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

type Part = (f: ConditionFacts) => number;
/** Variances are summed into this while the means are returned, so an explored candidate reads its inputs once. */
interface VarianceSum {
  variance: number;
}
type BothPart = (f: ConditionFacts, sum: VarianceSum) => number;

/**
 * A term's share of the log-odds mean, alone (every decision) or with its variance (decisions that
 * explore). Allocation-free, and the same arithmetic in the same order as @arbiter/learning's
 * logOddsPosterior, so both give bit-identical numbers.
 */
function termParts(term: Term): { mean: Part; both: BothPart } {
  // The same reading as adaptiveInputReader, inlined: this runs for every term of every candidate.
  const get = referenceGetter(term.input);
  if (term.type === 'number') {
    const { center, spread } = term;
    const [weightMean, weightVariance] = [term.weight.mean, term.weight.variance];
    const [missingMean, missingVariance] = [term.missing.mean, term.missing.variance];
    return {
      mean: (f) => {
        const value = toNumber(get(f));
        return value === undefined ? missingMean : weightMean * ((value - center) / spread);
      },
      both: (f, sum) => {
        const value = toNumber(get(f));
        if (value === undefined) {
          sum.variance += missingVariance;
          return missingMean;
        }
        const x = (value - center) / spread;
        sum.variance += x * x * weightVariance;
        return weightMean * x;
      },
    };
  }
  const byValue = new Map(Object.entries(term.categories));
  const { otherwise, missing } = term;
  const weightOf = (f: ConditionFacts): WeightPosterior => {
    const value = get(f);
    if (value === undefined || value === null || value === '') return missing;
    return byValue.get(String(value)) ?? otherwise;
  };
  return {
    mean: (f) => weightOf(f).mean,
    both: (f, sum) => {
      const w = weightOf(f);
      sum.variance += w.variance;
      return w.mean;
    },
  };
}

/** Compiled log-odds of a candidate: the mean Σ mean·x, or the mean and the variance Σ variance·x². */
function logOddsParts(params: AdaptiveParams) {
  const parts = params.terms.map(termParts);
  const means = parts.map((p) => p.mean);
  const boths = parts.map((p) => p.both);
  const { intercept } = params;
  const sum: VarianceSum = { variance: 0 };
  return {
    mean: (f: ConditionFacts) => {
      let mean = intercept.mean;
      for (const part of means) mean += part(f);
      return mean;
    },
    posterior: (f: ConditionFacts) => {
      let mean = intercept.mean;
      sum.variance = intercept.variance;
      for (const part of boths) mean += part(f, sum);
      return { mean, variance: sum.variance };
    },
  };
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

function actionKey(f: ConditionFacts): string {
  const id = (f.action as { id?: unknown } | undefined)?.id;
  return id === undefined ? '' : String(id);
}

/**
 * The score of a candidate; `onExplored` is told when it was a Thompson draw (the trace's note).
 * Returns a plain number, so scoring allocates nothing.
 */
export function compileAdaptive(
  params: AdaptiveParams,
  onExplored?: () => void,
): (facts: ConditionFacts) => number {
  const parts = logOddsParts(params);
  const mature = params.evidence >= params.maturity;
  const { exploration, modelId } = params;
  const share = !exploration
    ? 0
    : mature
      ? exploration.share
      : Math.max(exploration.share, exploration.immatureShare);
  if (!exploration || share === 0) return (f) => logistic(parts.mean(f));
  const seedOf = decisionSeed(exploration);
  // The engine builds one facts object per decision, so the seed and its coin are worked out once per
  // decision, not once per candidate.
  let lastFacts: ConditionFacts | undefined;
  let lastCustomer: unknown;
  let lastContext: unknown;
  let seed = '';
  let u = 1;
  return (f) => {
    if (lastFacts !== f || lastCustomer !== f.customer || lastContext !== f.context) {
      lastFacts = f;
      lastCustomer = f.customer;
      lastContext = f.context;
      seed = seedOf(f);
      u = explorationUniform(seed);
    }
    // The variance is summed only when the decision explores: the mean path costs what a logistic model does.
    if (u >= share) return logistic(parts.mean(f));
    onExplored?.();
    return adaptiveScore(parts.posterior(f), mature, exploration, seed, `${modelId}|${actionKey(f)}`).score;
  };
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
  ],
  compile: (params) => compileAdaptive(params),
  // A draw is keyed by the action, so an exploring model is scored per candidate.
  reads: (params) =>
    referenceRoots([
      ...params.terms.map((t) => t.input),
      ...(params.exploration ? [...params.exploration.seedInputs, 'action.id'] : []),
    ]),
  summarize: (params) =>
    `adaptive model ${params.modelId}: ${params.terms.length} predictor${params.terms.length === 1 ? '' : 's'}, ${params.evidence} outcomes${params.evidence < params.maturity ? ' (immature)' : ''}`,
  explain(params) {
    const readers = params.terms.map((t) => ({ input: t.input, read: termReader(t) }));
    let explored = false;
    const score = compileAdaptive(params, () => (explored = true));
    const meanOf = logOddsParts(params).mean;
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
          effect: Math.log(drawn / (1 - drawn)) - meanOf(f),
        });
      }
      return contributions;
    };
  },
};
