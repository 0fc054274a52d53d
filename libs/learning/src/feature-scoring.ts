import type { InlineModelSpec } from '@arbiter/engine';
import type { CategoryFeature, Feature, NumberFeature } from './prepare';

/** Propensity of a prepared row (by row index). */
export type RowScorer = (row: number) => number;

/**
 * The trainer's own reading of a trained spec over the prepared columns, term for term and in the
 * engine's order of addition: used for permutation importance, and checked against the engine's
 * compiled model (see predict.ts) to 1e-9.
 */
export function featureScorer(spec: InlineModelSpec, features: readonly Feature[]): RowScorer {
  const byInput = new Map(features.map((f) => [f.input, f]));
  const featureOf = (input: string) => {
    const feature = byInput.get(input);
    if (!feature) throw new Error(`no prepared predictor reads ${input}`);
    return feature;
  };
  switch (spec.type) {
    case 'logistic':
      return logisticScorer(spec, featureOf);
    case 'scorecard':
      return scorecardScorer(spec, featureOf);
    case 'treeEnsemble':
      return treeScorer(spec, featureOf);
    default:
      throw new Error(`the trainer does not produce ${spec.type} models`);
  }
}

function logistic(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

type FeatureOf = (input: string) => Feature;
type TermScore = (row: number) => number;

function logisticScorer(
  spec: Extract<InlineModelSpec, { type: 'logistic' }>,
  featureOf: FeatureOf,
): RowScorer {
  const terms: TermScore[] = spec.terms.map((term) => {
    const feature = featureOf(term.input);
    if ('categories' in term) {
      const byCode = codeTable(
        feature as CategoryFeature,
        (level) => (Object.hasOwn(term.categories, level) ? term.categories[level]! : undefined),
        term.otherwise ?? 0,
        term.ifMissing ?? 0,
      );
      const codes = (feature as CategoryFeature).codes;
      return (r) => byCode[codes[r]!]!;
    }
    const values = (feature as NumberFeature).values;
    const { weight, missingWeight = 0 } = term;
    return (r) => {
      const x = values[r]!;
      return x !== x ? missingWeight : weight * x;
    };
  });
  const { intercept } = spec;
  return (r) => {
    let z = intercept;
    for (const term of terms) z += term(r);
    return logistic(z);
  };
}

/** Per category code: the value for its level, `otherwise` for an unlisted level and for "other", `missing` for missing. */
function codeTable(
  feature: CategoryFeature,
  valueOf: (level: string) => number | undefined,
  otherwise: number,
  missing: number,
): Float64Array {
  const table = new Float64Array(feature.missing + 1);
  feature.levels.forEach((level, code) => (table[code] = valueOf(level) ?? otherwise));
  table[feature.other] = otherwise;
  table[feature.missing] = missing;
  return table;
}

function scorecardScorer(
  spec: Extract<InlineModelSpec, { type: 'scorecard' }>,
  featureOf: FeatureOf,
): RowScorer {
  const characteristics: TermScore[] = spec.characteristics.map((c) => {
    const feature = featureOf(c.input);
    if (feature.kind === 'category') {
      const table = codeTable(
        feature,
        (level) => c.bins.find((b) => b.values?.some((v) => String(v) === level))?.points,
        c.otherPoints,
        c.missingPoints,
      );
      const codes = feature.codes;
      return (r) => table[codes[r]!]!;
    }
    const values = feature.values;
    const bins = c.bins.map((b) => ({ min: b.min ?? -Infinity, max: b.max ?? Infinity, points: b.points }));
    return (r) => {
      const x = values[r]!;
      if (x !== x) return c.missingPoints;
      for (const bin of bins) if (x >= bin.min && x < bin.max) return bin.points;
      return c.otherPoints;
    };
  });
  const { baseScore, mapping } = spec;
  return (r) => {
    let score = baseScore;
    for (const c of characteristics) score += c(r);
    return mapping ? logistic(mapping.intercept + mapping.slope * score) : score;
  };
}

/**
 * All trees flattened into typed arrays (node n of every tree one after the other); a categorical
 * split keeps a left/right table per category code, so a walk never touches a string.
 */
function treeScorer(
  spec: Extract<InlineModelSpec, { type: 'treeEnsemble' }>,
  featureOf: FeatureOf,
): RowScorer {
  const total = spec.trees.reduce((n, t) => n + t.nodes.length, 0);
  const isLeaf = new Uint8Array(total);
  const value = new Float64Array(total);
  const featureIndex = new Int32Array(total);
  const left = new Int32Array(total);
  const right = new Int32Array(total);
  const missingLeft = new Uint8Array(total);
  const goesLeft: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(total);
  const roots = new Int32Array(spec.trees.length);
  const used: Feature[] = [];
  let offset = 0;
  spec.trees.forEach(({ nodes }, t) => {
    roots[t] = offset;
    nodes.forEach((node, i) => {
      const n = offset + i;
      if (node.leaf !== undefined) {
        isLeaf[n] = 1;
        value[n] = node.leaf;
        return;
      }
      const feature = featureOf(node.input!);
      let k = used.indexOf(feature);
      if (k < 0) k = used.push(feature) - 1;
      featureIndex[n] = k;
      left[n] = offset + node.left!;
      right[n] = offset + node.right!;
      missingLeft[n] = node.missingLeft ? 1 : 0;
      if (feature.kind === 'category') {
        const listed = new Set(node.categories);
        const table = new Uint8Array(feature.missing + 1);
        feature.levels.forEach((level, code) => (table[code] = listed.has(level) ? 1 : 0));
        table[feature.missing] = missingLeft[n]!;
        goesLeft[n] = table;
      } else value[n] = node.threshold!;
    });
    offset += nodes.length;
  });
  const numbers = used.map((f) => (f.kind === 'number' ? f.values : undefined));
  const codes = used.map((f) => (f.kind === 'category' ? f.codes : undefined));
  const { baseScore } = spec;
  return (r) => {
    let z = baseScore;
    for (let t = 0; t < roots.length; t++) {
      let n = roots[t]!;
      while (isLeaf[n] === 0) {
        const k = featureIndex[n]!;
        const table = goesLeft[n];
        let toLeft: boolean;
        if (table) toLeft = table[codes[k]![r]!] === 1;
        else {
          const x = numbers[k]![r]!;
          toLeft = x !== x ? missingLeft[n] === 1 : x <= value[n]!;
        }
        n = toLeft ? left[n]! : right[n]!;
      }
      z += value[n]!;
    }
    return logistic(z);
  };
}
