import { z } from 'zod';
import { fieldIs } from '../catalog/field-types';
import type { FieldDefinition } from '../catalog/fields';
import type { ConditionFacts } from '../conditions/types';
import { toNumber } from '../expressions/values';
import { joinField, problem, type ProblemCode, type ValidationProblem } from '../validation/problem';
import { categoryProblems } from './category-problems';
import { checkReference, referencedField, referenceGetter, referenceRoots } from './input-reference';
import { logistic, type Contribution, type ModelCheckContext, type ModelKind } from './model-kind';

export const MAX_TREES = 2000;
export const MAX_TREE_NODES = 8191;
/** Beyond this many, structural problems are summed up in one, not listed. */
const MAX_LISTED_PROBLEMS = 20;

/**
 * One node of a tree as stored: a leaf `{ leaf }` or a split `{ input, threshold | categories,
 * missingLeft, left, right, value? }`. The schema takes both shapes; `check` says what is wrong with
 * a node in words (a union would only say "invalid input").
 */
const treeNodeSchema = z.object({
  /** A leaf's log-odds contribution. */
  leaf: z.number().finite().min(-1000).max(1000).optional(),
  /** The split's input, written like a logistic term's (`customer.age`). */
  input: z.string().max(200).optional(),
  /** Numeric split: a value ≤ threshold goes left. */
  threshold: z.number().finite().optional(),
  /** Categorical split: a value whose text is listed goes left. */
  categories: z.array(z.string().max(200)).max(10000).optional(),
  /** Where a missing value (or, for a numeric split, one that is not a number) goes. */
  missingLeft: z.boolean().optional(),
  left: z.number().int().optional(),
  right: z.number().int().optional(),
  /** Mean log-odds of the training rows reaching the node; explanations only. */
  value: z.number().finite().optional(),
});

export const treeEnsembleParamsSchema = z.object({
  type: z.literal('treeEnsemble'),
  /** Log-odds added to the sum of the trees' leaves. */
  baseScore: z.number().finite().min(-1000).max(1000),
  /** Node 0 is a tree's root; a child always comes after its parent. */
  trees: z
    .array(z.object({ nodes: z.array(treeNodeSchema).min(1).max(MAX_TREE_NODES) }))
    .min(1)
    .max(MAX_TREES),
});
export type TreeEnsembleParams = z.infer<typeof treeEnsembleParamsSchema>;

/** The two shapes a node takes, for code that builds trees (e.g. a trainer). */
export interface TreeLeaf {
  leaf: number;
}
export interface TreeSplit {
  input: string;
  threshold?: number;
  categories?: string[];
  missingLeft: boolean;
  left: number;
  right: number;
  value?: number;
}
export type TreeNode = TreeLeaf | TreeSplit;

type StoredNode = z.infer<typeof treeNodeSchema>;
type Split = StoredNode & { input: string; missingLeft: boolean; left: number; right: number };

const SPLIT_KEYS = ['input', 'threshold', 'categories', 'missingLeft', 'left', 'right'] as const;

/**
 * Gradient-boosted trees: propensity = logistic(baseScore + Σ leaves), the leaves summed in tree
 * order. Numbers written as text count as numbers, as in logistic terms.
 */
export const treeEnsembleModel: ModelKind<TreeEnsembleParams> = {
  type: 'treeEnsemble',
  schema: treeEnsembleParamsSchema,
  check: (params, ctx, field) => [
    ...structureProblems(params, MAX_LISTED_PROBLEMS).map((p) =>
      problem(p.code, p.message, { nodeId: ctx.nodeId, field: joinField(field, p.at) }),
    ),
    ...inputProblems(params, ctx, field),
  ],
  compile: compileTreeEnsemble,
  reads: (params) => referenceRoots(splitInputs(params)),
  summarize: (params) => {
    const splits = params.trees.reduce((n, t) => n + t.nodes.filter((node) => !isLeaf(node)).length, 0);
    return `tree ensemble: ${params.trees.length} tree${params.trees.length === 1 ? '' : 's'}, ${splits} split${splits === 1 ? '' : 's'}`;
  },
  explain: explainTreeEnsemble,
};

function isLeaf(node: StoredNode): node is StoredNode & { leaf: number } {
  return node.leaf !== undefined;
}

function splitInputs(params: TreeEnsembleParams): string[] {
  const inputs = new Set<string>();
  for (const tree of params.trees)
    for (const node of tree.nodes) if (node.input !== undefined) inputs.add(node.input);
  return [...inputs];
}

interface StructureProblem {
  code: ProblemCode;
  message: string;
  /** Setting path inside the model, e.g. `trees[2].nodes[5].left`. */
  at: string;
}

/**
 * What keeps the trees from being walked: every node a leaf or a complete split, children inside the
 * tree and after their parent (so every path ends in a leaf). At most `limit` problems are listed.
 */
function structureProblems(params: TreeEnsembleParams, limit: number): StructureProblem[] {
  const found: StructureProblem[] = [];
  let more = 0;
  const report = (code: ProblemCode, message: string, at: string) => {
    if (found.length < limit) found.push({ code, message, at });
    else more++;
  };
  params.trees.forEach((tree, t) => {
    const count = tree.nodes.length;
    tree.nodes.forEach((node, i) => {
      const at = joinField(joinField(joinField(joinField(undefined, 'trees'), t), 'nodes'), i);
      const splitKeys = SPLIT_KEYS.filter((k) => node[k] !== undefined);
      if (isLeaf(node)) {
        if (splitKeys.length) {
          report(
            'invalid_config',
            `node ${i} of tree ${t} has a leaf value and split settings (${splitKeys.join(', ')}); a node is either a leaf or a split`,
            at,
          );
        }
        return;
      }
      if (!splitKeys.length) {
        report(
          'invalid_config',
          `node ${i} of tree ${t} is neither a leaf nor a split, so a path would end without a leaf; give it "leaf" (log-odds), or "input", "threshold" or "categories", "missingLeft", "left" and "right"`,
          at,
        );
        return;
      }
      if (node.input === undefined)
        report('invalid_config', `a split needs an input, such as "customer.age"`, joinField(at, 'input'));
      if (node.threshold !== undefined && node.categories !== undefined) {
        report(
          'invalid_config',
          'a split has either a threshold (numbers) or categories (values), not both',
          joinField(at, 'threshold'),
        );
      } else if (node.threshold === undefined && node.categories === undefined) {
        report(
          'invalid_config',
          'a split needs a threshold (a number: values up to it go left) or categories (the values that go left)',
          at,
        );
      }
      if (node.missingLeft === undefined) {
        report(
          'invalid_config',
          'a split needs "missingLeft": true or false, the way a missing value goes',
          joinField(at, 'missingLeft'),
        );
      }
      for (const side of ['left', 'right'] as const) {
        const child = node[side];
        if (child === undefined) {
          report(
            'invalid_config',
            `a split needs "${side}": the index of its ${side} child`,
            joinField(at, side),
          );
        } else if (child >= count || child < 0) {
          report(
            'out_of_range',
            `${side} child ${child} does not exist: tree ${t} has ${count} node${count === 1 ? '' : 's'} (0 to ${count - 1})`,
            joinField(at, side),
          );
        } else if (child <= i) {
          report(
            'invalid_config',
            `${side} child ${child} does not come after node ${i}: a child has a higher index than its parent, so that no path loops back`,
            joinField(at, side),
          );
        }
      }
    });
  });
  if (more) {
    found.push({
      code: 'invalid_config',
      message: `and ${more} more problem${more === 1 ? '' : 's'} in the trees`,
      at: 'trees',
    });
  }
  return found;
}

/**
 * Inputs that exist and splits that fit their field's type. Trees repeat inputs: each problem is
 * reported once, at the first split it concerns, with how many other splits share it.
 */
function inputProblems(
  params: TreeEnsembleParams,
  ctx: ModelCheckContext,
  field: string,
): ValidationProblem[] {
  const checked = new Set<string>();
  const problems = new Map<string, { problem: ValidationProblem; others: number }>();
  const add = (p: ValidationProblem) => {
    const key = `${p.code}\u0000${p.message}`;
    const seen = problems.get(key);
    if (seen) seen.others++;
    else problems.set(key, { problem: p, others: 0 });
  };
  params.trees.forEach((tree, t) =>
    tree.nodes.forEach((node, i) => {
      if (node.input === undefined || isLeaf(node)) return;
      const at = joinField(joinField(joinField(joinField(field, 'trees'), t), 'nodes'), i);
      if (!checked.has(node.input)) {
        checked.add(node.input);
        checkReference(node.input, ctx, joinField(at, 'input')).forEach(add);
      }
      const def = referencedField(node.input, ctx);
      if (def) splitTypeProblems(node, def, ctx, at).forEach(add);
    }),
  );
  return [...problems.values()].map(({ problem: p, others }) =>
    others ? { ...p, message: `${p.message} (and ${others} other split${others === 1 ? '' : 's'})` } : p,
  );
}

/** A threshold needs a number field; categories must be values the field can take. */
function splitTypeProblems(
  node: StoredNode,
  def: FieldDefinition,
  ctx: ModelCheckContext,
  at: string,
): ValidationProblem[] {
  const report = (code: 'type_mismatch' | 'unknown_value', message: string, field: string) =>
    problem(code, message, { nodeId: ctx.nodeId, field });
  if (node.threshold !== undefined) {
    if (def.type === 'number') return [];
    const instead =
      def.type === 'boolean'
        ? 'split on "categories": ["true"] instead'
        : def.type === 'string'
          ? 'split on "categories" (the values that go left) instead'
          : 'split on a number field instead';
    return [
      report(
        'type_mismatch',
        `${fieldIs(def)}: a threshold compares numbers, so every value would go the missing-value way; ${instead}`,
        joinField(at, 'threshold'),
      ),
    ];
  }
  if (node.categories === undefined) return [];
  if (def.type === 'list') {
    return [
      report(
        'type_mismatch',
        `${fieldIs(def)}: a category is one value, never a whole list; split on another field`,
        joinField(at, 'categories'),
      ),
    ];
  }
  return node.categories.flatMap((category, k) =>
    categoryProblems(def, category, ctx.nodeId, joinField(joinField(at, 'categories'), k)),
  );
}

/** Category codes: 0 is a missing value, 1 a value that no split lists, 2… the listed values. */
const MISSING_CODE = 0;
const UNLISTED_CODE = 1;

/**
 * The splits of all trees flattened into typed arrays, trees one after the other, and walked
 * iteratively; a child (or root) below zero is the leaf `~child`. Each call reads every input once,
 * before the walk, into preallocated arrays (no allocation per call):
 * - as a number, twice: with a missing value as −∞ and as +∞. A numeric split reads the copy that
 *   sends a missing value its way (thresholds are finite), so every split is one comparison;
 * - as a category code, from the values the splits list numbered at compile time. A categorical
 *   split holds its codes (and the missing code if missing goes left) as a bitset: one bit test.
 * A split's `slot` says which: ≥ 0 a number slot, below zero `~slot` a code slot.
 */
function compileTreeEnsemble(params: TreeEnsembleParams): (facts: ConditionFacts) => number {
  const broken = structureProblems(params, 1)[0];
  if (broken) throw new Error(`tree ensemble: ${broken.message} (at ${broken.at})`);

  // Inputs in order of first use, each with a number, a code table, or both (-1: none).
  const inputs = new Map<string, { numberSlot: number; codeSlot: number }>();
  const codeTables: Map<string, number>[] = [];
  let numberCount = 0;
  let splitCount = 0;
  let leafCount = 0;
  for (const tree of params.trees) {
    for (const node of tree.nodes) {
      if (isLeaf(node)) {
        leafCount++;
        continue;
      }
      splitCount++;
      const split = node as Split;
      let input = inputs.get(split.input);
      if (!input) inputs.set(split.input, (input = { numberSlot: -1, codeSlot: -1 }));
      if (split.categories === undefined) {
        if (input.numberSlot < 0) input.numberSlot = numberCount++;
        continue;
      }
      if (input.codeSlot < 0) input.codeSlot = codeTables.push(new Map()) - 1;
      const table = codeTables[input.codeSlot]!;
      for (const category of split.categories) {
        if (!table.has(category)) table.set(category, table.size + 2);
      }
    }
  }

  const leafValue = new Float64Array(leafCount);
  const roots = new Int32Array(params.trees.length);
  const slot = new Int32Array(splitCount);
  const threshold = new Float64Array(splitCount);
  /** Split n's children: left at 2n, right at 2n + 1. */
  const child = new Int32Array(2 * splitCount);
  // A bitset covers only the words its codes fall in: words [lowWord, lowWord + wordCount) at bitsStart.
  const bitsStart = new Int32Array(splitCount);
  const lowWord = new Int32Array(splitCount);
  const wordCount = new Int32Array(splitCount);
  const bitWords: number[] = [];
  let splitBase = 0;
  let leafBase = 0;
  params.trees.forEach((tree, t) => {
    const index = new Int32Array(tree.nodes.length);
    let splits = 0;
    let leaves = 0;
    tree.nodes.forEach((node, i) => {
      index[i] = isLeaf(node) ? ~(leafBase + leaves++) : splitBase + splits++;
    });
    roots[t] = index[0]!;
    tree.nodes.forEach((node, i) => {
      const n = index[i]!;
      if (isLeaf(node)) {
        leafValue[~n] = node.leaf;
        return;
      }
      const split = node as Split;
      const input = inputs.get(split.input)!;
      child[2 * n] = index[split.left]!;
      child[2 * n + 1] = index[split.right]!;
      if (split.categories === undefined) {
        slot[n] = 2 * input.numberSlot + (split.missingLeft ? 0 : 1);
        threshold[n] = split.threshold!;
        return;
      }
      slot[n] = ~input.codeSlot;
      const table = codeTables[input.codeSlot]!;
      const codes = split.categories.map((category) => table.get(category)!);
      if (split.missingLeft) codes.push(MISSING_CODE);
      if (!codes.length) return;
      const low = Math.min(...codes) >>> 5;
      bitsStart[n] = bitWords.length;
      lowWord[n] = low;
      wordCount[n] = (Math.max(...codes) >>> 5) - low + 1;
      for (let w = 0; w < wordCount[n]!; w++) bitWords.push(0);
      for (const code of codes) bitWords[bitsStart[n]! + (code >>> 5) - low]! |= 1 << (code & 31);
    });
    splitBase += splits;
    leafBase += leaves;
  });
  const bits = Uint32Array.from(bitWords);

  const entries = [...inputs];
  const getters = entries.map(([reference]) => referenceGetter(reference));
  const numberSlotOf = Int32Array.from(entries, ([, input]) => input.numberSlot);
  const codeSlotOf = Int32Array.from(entries, ([, input]) => input.codeSlot);
  const inputCount = entries.length;
  /** Number slot k: 2k with a missing value as −∞ (goes left), 2k + 1 with it as +∞ (goes right). */
  const numbers = new Float64Array(2 * numberCount);
  const codes = new Int32Array(codeTables.length);
  const treeCount = roots.length;
  const baseScore = params.baseScore;
  /** From split n to the child the value sends it to. */
  const step = (n: number): number => {
    const s = slot[n]!;
    // 0 (left) or 1 (right) indexes the children: no branch to mispredict, measurably faster.
    let right: number;
    if (s >= 0) right = +(numbers[s]! > threshold[n]!);
    else {
      const code = codes[~s]!;
      const w = (code >>> 5) - lowWord[n]!;
      right = w >>> 0 < wordCount[n]! ? 1 - ((bits[bitsStart[n]! + w]! >>> (code & 31)) & 1) : 1;
    }
    return child[2 * n + right]!;
  };
  return (facts) => {
    for (let k = 0; k < inputCount; k++) {
      const value = getters[k]!(facts);
      const numberSlot = numberSlotOf[k]!;
      if (numberSlot >= 0) {
        const x = toNumber(value);
        numbers[2 * numberSlot] = x ?? -Infinity;
        numbers[2 * numberSlot + 1] = x ?? Infinity;
      }
      const codeSlot = codeSlotOf[k]!;
      if (codeSlot >= 0) {
        codes[codeSlot] = isMissing(value)
          ? MISSING_CODE
          : (codeTables[codeSlot]!.get(String(value)) ?? UNLISTED_CODE);
      }
    }
    // Four trees are walked side by side, so that the CPU overlaps their memory reads; the leaves
    // are still added one by one in tree order, as the contract says, so scores do not change.
    let z = baseScore;
    let t = 0;
    for (; t + 3 < treeCount; t += 4) {
      let a = roots[t]!;
      let b = roots[t + 1]!;
      let c = roots[t + 2]!;
      let d = roots[t + 3]!;
      while ((a | b | c | d) >= 0) {
        a = step(a);
        b = step(b);
        c = step(c);
        d = step(d);
      }
      while (a >= 0) a = step(a);
      while (b >= 0) b = step(b);
      while (c >= 0) c = step(c);
      while (d >= 0) d = step(d);
      z += leafValue[~a]!;
      z += leafValue[~b]!;
      z += leafValue[~c]!;
      z += leafValue[~d]!;
    }
    for (; t < treeCount; t++) {
      let n = roots[t]!;
      while (n >= 0) n = step(n);
      z += leafValue[~n]!;
    }
    return logistic(z);
  };
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** The way a split sends a value; the compiled walk decides the same way. */
function goesLeft(split: Split, value: unknown): boolean {
  if (split.categories !== undefined) {
    return isMissing(value) ? split.missingLeft : split.categories.includes(String(value));
  }
  const x = toNumber(value);
  return x === undefined ? split.missingLeft : x <= split.threshold!;
}

/**
 * Path contributions (Saabas): along each tree's path, every step moves the expected log-odds from
 * the node's `value` to the child's (a leaf's value is the leaf), and the move is credited to the
 * split's input. A node without `value` takes its parent's (the root's: 0), so the contributions
 * always add up to baseScore + Σ leaves − (baseScore + Σ root values).
 */
function explainTreeEnsemble(params: TreeEnsembleParams): (facts: ConditionFacts) => Contribution[] {
  const getters = new Map(splitInputs(params).map((input) => [input, referenceGetter(input)]));
  return (facts) => {
    const byInput = new Map<string, Contribution>();
    for (const tree of params.trees) {
      let node = tree.nodes[0]!;
      if (isLeaf(node)) continue;
      let expected = node.value ?? 0;
      while (!isLeaf(node)) {
        const split = node as Split;
        let contribution = byInput.get(split.input);
        if (!contribution) {
          contribution = { input: split.input, value: getters.get(split.input)!(facts), effect: 0 };
          byInput.set(split.input, contribution);
        }
        const child = tree.nodes[goesLeft(split, contribution.value) ? split.left : split.right]!;
        const childExpected = isLeaf(child) ? child.leaf : (child.value ?? expected);
        contribution.effect += childExpected - expected;
        expected = childExpected;
        node = child;
      }
    }
    return [...byInput.values()];
  };
}
