import type { InlineModelSpec, TreeNode, TreeSplit } from '@arbiter/engine';
import { binRows, fitBins, type BinMapper, type BinnedRows } from './binning';
import { checkpoint } from './cooperate';
import type { Feature } from './prepare';
import { deriveSeed } from './random';
import type { GbdtSettings } from './settings';
import { stratifiedSplit } from './split';
import { TreeGrower, type GrownNode } from './tree-grower';

export type TreeEnsembleSpec = Extract<InlineModelSpec, { type: 'treeEnsemble' }>;

/** Early stopping 'auto' turns on above this many training rows (as scikit-learn's). */
const AUTO_EARLY_STOPPING_ROWS = 10_000;
/** An improvement of the validation loss smaller than this does not count (scikit-learn's tol). */
const EARLY_STOPPING_TOLERANCE = 1e-7;

export interface GbdtFit {
  spec: TreeEnsembleSpec;
  trees: number;
}

export interface GbdtHooks {
  signal?: AbortSignal;
  onIteration?(iteration: number, iterations: number): void;
}

/**
 * Gradient-boosted trees for log-loss, after scikit-learn's HistGradientBoostingClassifier: binned
 * predictors, leaf-wise trees on gradient/hessian histograms, shrinkage, and early stopping on the
 * validation loss of a seeded stratified share of the training rows.
 */
export async function fitGbdt(
  features: readonly Feature[],
  train: Uint32Array,
  labels: Uint8Array,
  settings: GbdtSettings,
  seed: number,
  hooks: GbdtHooks = {},
): Promise<GbdtFit> {
  const early =
    settings.earlyStopping === 'auto' ? train.length > AUTO_EARLY_STOPPING_ROWS : settings.earlyStopping;
  const { train: fitRows, test: validationRows } = early
    ? stratifiedSplit(train, labels, settings.validationShare, deriveSeed(seed, 'validation'))
    : { train, test: new Uint32Array(0) };
  const mapper = await fitBins(features, fitRows, settings.maxBins, deriveSeed(seed, 'bins'), hooks.signal);
  const fit = await binRows(mapper, fitRows, hooks.signal);
  const validation = await binRows(mapper, validationRows, hooks.signal);
  const fitLabels = Uint8Array.from(fitRows, (r) => labels[r]!);
  const validationLabels = Uint8Array.from(validationRows, (r) => labels[r]!);

  let positives = 0;
  for (const y of fitLabels) positives += y;
  const rate = Math.min(Math.max(positives / fitLabels.length, 1e-15), 1 - 1e-15);
  const baseScore = Math.log(rate / (1 - rate));
  const raw = new Float64Array(fitRows.length).fill(baseScore);
  const validationRaw = new Float64Array(validationRows.length).fill(baseScore);
  const gradients = new Float64Array(fitRows.length);
  const hessians = new Float64Array(fitRows.length);
  const isCategory = features.map((f) => f.kind === 'category');
  const grower = new TreeGrower(fit, mapper.binCount, isCategory, settings);
  const trees: GrownNode[] = [];
  const scores = early ? [-logLoss(validationRaw, validationLabels)] : [];

  for (let iteration = 1; iteration <= settings.trees; iteration++) {
    for (let i = 0; i < raw.length; i++) {
      const p = sigmoid(raw[i]!);
      gradients[i] = p - fitLabels[i]!;
      hessians[i] = p * (1 - p);
    }
    const tree = await grower.grow(gradients, hessians, hooks.signal);
    trees.push(tree);
    addLeaves(tree, grower.order, raw);
    hooks.onIteration?.(iteration, settings.trees);
    if (early) {
      for (let i = 0; i < validationRaw.length; i++) {
        validationRaw[i]! += leafOf(tree, validation, mapper.binCount, i).value;
      }
      scores.push(-logLoss(validationRaw, validationLabels));
      if (shouldStop(scores, settings.iterNoChange)) break;
    }
    await checkpoint(hooks.signal);
  }
  return {
    spec: { type: 'treeEnsemble', baseScore, trees: trees.map((t) => ({ nodes: treeNodes(t, mapper) })) },
    trees: trees.length,
  };
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

function logLoss(raw: Float64Array, labels: Uint8Array): number {
  let loss = 0;
  for (let i = 0; i < raw.length; i++) {
    const z = raw[i]!;
    loss += (z > 0 ? z : 0) - labels[i]! * z + Math.log1p(Math.exp(-Math.abs(z)));
  }
  return loss / raw.length;
}

/** scikit-learn's rule: stop when none of the last n scores beats the one before them by the tolerance. */
function shouldStop(scores: number[], n: number): boolean {
  if (scores.length <= n) return false;
  const reference = scores[scores.length - n - 1]!;
  return !scores.slice(-n).some((s) => s > reference + EARLY_STOPPING_TOLERANCE);
}

function addLeaves(node: GrownNode, order: Uint32Array, raw: Float64Array): void {
  if (node.left && node.right) {
    addLeaves(node.left, order, raw);
    addLeaves(node.right, order, raw);
    return;
  }
  for (let i = node.start; i < node.end; i++) raw[order[i]!]! += node.value;
}

function leafOf(node: GrownNode, data: BinnedRows, binCount: Int32Array, row: number): GrownNode {
  while (node.split) {
    const { feature, leftBins, bin, missingLeft } = node.split;
    const code = data.codes[row * data.width + feature]!;
    const left = leftBins ? leftBins[code] === 1 : code === binCount[feature] ? missingLeft : code <= bin;
    node = left ? node.left! : node.right!;
  }
  return node;
}

/**
 * Engine nodes in depth-first order (children after parents). A number split's threshold is the
 * upper edge of its last left bin (a split of numbers from missing values uses the largest double);
 * a categorical split lists the categories that go left, or, when "other" goes left, lists the
 * right side's categories and swaps the children, since the engine sends unlisted values right.
 */
function treeNodes(root: GrownNode, mapper: BinMapper): TreeNode[] {
  const nodes: TreeNode[] = [];
  const visit = (node: GrownNode): number => {
    const index = nodes.length;
    if (!node.split) {
      nodes.push({ leaf: node.value });
      return index;
    }
    const { feature: f, bin, leftBins, missingLeft } = node.split;
    const feature = mapper.features[f]!;
    nodes.push({ leaf: 0 });
    let left = node.left!;
    let right = node.right!;
    let split: TreeSplit;
    if (feature.kind === 'category') {
      const otherLeft = leftBins![feature.other] === 1;
      const listed = feature.levels.filter((_, code) => (leftBins![code] === 1) !== otherLeft);
      if (otherLeft) [left, right] = [right, left];
      split = {
        input: feature.input,
        categories: listed,
        missingLeft: otherLeft ? !missingLeft : missingLeft,
        left: 0,
        right: 0,
        value: node.value,
      };
    } else {
      const edges = mapper.edges[f]!;
      split = {
        input: feature.input,
        threshold: bin < edges.length ? edges[bin]! : Number.MAX_VALUE,
        missingLeft,
        left: 0,
        right: 0,
        value: node.value,
      };
    }
    split.left = visit(left);
    split.right = visit(right);
    nodes[index] = split;
    return index;
  };
  visit(root);
  return nodes;
}
