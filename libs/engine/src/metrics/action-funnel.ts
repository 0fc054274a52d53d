import { catalogIndex, type ActionFact } from '../catalog/action';
import type { DecisionResult, NodeTrace } from '../runtime/types';
import type { Change } from './compare-simulations';
import { topRecommendation } from './off-policy';

/** A step of the strategy as the per-action funnel names it. */
export interface FunnelStep {
  nodeId: string;
  type: string;
  /** The step's label in the strategy, when it has one. */
  label?: string;
}

/** How far one action got through the strategy, summed over the rows. */
export interface ActionFunnelRow {
  actionId: string;
  name: string;
  /** Candidates of this action that each step let out, in the order of `steps` (eligible after that step). */
  out: number[];
  /** Rows where it was recommended, at any rank. */
  recommended: number;
  /** Rows where it was the first (rank-1) recommendation. */
  first: number;
}

/**
 * The per-action funnel of a simulation: every action a step let out at least once or dropped,
 * including those never recommended, and how many of its candidates each step let out.
 */
export interface ActionFunnelFigures {
  /** Rows decided with a funnel trace (the figures cover these). */
  rows: number;
  /** In evaluation order. */
  steps: FunnelStep[];
  /** By name, then id. */
  actions: ActionFunnelRow[];
}

/** A figure of a step that only one of the two versions may have (null where it has not). */
export interface StepChange {
  baseline: number | null;
  draft: number | null;
}

export interface ActionFunnelChange {
  actionId: string;
  name: string;
  /** In the order of the comparison's `steps`. */
  out: StepChange[];
  recommended: Change;
  first: Change;
}

export interface ActionFunnelComparison {
  /** The draft's steps in its order, then the steps only the baseline has. */
  steps: (FunnelStep & { inBoth: boolean })[];
  actions: ActionFunnelChange[];
}

interface StepTally extends FunnelStep {
  position: number;
}

interface ActionTally {
  id: string;
  name: string;
  /** By index into the funnel's steps. */
  out: number[];
  recommended: number;
  first: number;
}

export interface ActionFunnelJSON {
  rows: number;
  /** [node id, type, label or null, position]. */
  steps: [string, string, string | null, number][];
  /** [action id, name, [node id, candidates out][], recommended, first]. */
  actions: [string, string, [string, number][], number, number][];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Counts, from funnel traces (decide with `trace: 'funnel'`), the candidates of each action that
 * each step let out, and how often each action was recommended and first. Mergeable: any split of
 * the rows, merged in any order, gives the same figures. Memory grows with the strategy's actions
 * and steps only, never with the rows.
 */
export class ActionFunnel {
  rows = 0;
  private readonly steps: StepTally[] = [];
  private readonly stepIndex = new Map<string, number>();
  /** Step index by trace position, so a row's nodes are found without a lookup by id. */
  private readonly atPosition: number[] = [];
  private readonly actions = new Map<string, ActionTally>();
  /**
   * Candidates let out are counted by step and by catalog position of their action fact (the fact
   * first seen there, `factAt`), and moved into the tallies when read (settle): a row's candidates
   * then need no lookup by id. Facts from elsewhere (another catalog) are tallied directly.
   */
  private readonly factAt: (ActionFact | undefined)[] = [];
  /** By step index: counts by catalog position, each `positions` long. */
  private readonly counted: Float64Array[] = [];
  private positions = 0;

  /** `top`: the result's rank-1 recommendation, when the caller already found it. */
  add(result: DecisionResult, top = topRecommendation(result)): void {
    const nodes = result.trace?.nodes;
    // The first node is a source, always reached: without its list the trace is not a funnel trace.
    if (!nodes?.[0]?.candidatesOut) return;
    this.rows++;
    for (let p = 0; p < nodes.length; p++) {
      const node = nodes[p]!;
      const s = this.stepAt(node, p);
      const out = node.candidatesOut;
      if (out) {
        const counts = this.counted[s]!;
        for (const c of out) {
          const fact = c.action;
          const i = catalogIndex(fact);
          if (this.factAt[i] === fact) counts[i]!++;
          else this.countFirst(fact, i, s);
        }
      }
      if (node.dropped) for (const d of node.dropped) this.action(d.actionId, d.name ?? d.actionId);
    }
    for (const rec of result.recommendations) {
      const tally = this.action(rec.actionId, rec.name);
      tally.recommended++;
      if (rec === top) tally.first++;
    }
  }

  merge(other: ActionFunnel): void {
    this.settle();
    other.settle();
    this.rows += other.rows;
    const index = other.steps.map((step) => this.step(step.nodeId, step.type, step.label, step.position));
    for (const [id, theirs] of other.actions) {
      const mine = this.action(id, theirs.name);
      // One simulation names each action alike; the smallest keeps merging order-independent otherwise.
      if (theirs.name < mine.name) mine.name = theirs.name;
      theirs.out.forEach((n, s) => {
        if (n) mine.out[index[s]!] = (mine.out[index[s]!] ?? 0) + n;
      });
      mine.recommended += theirs.recommended;
      mine.first += theirs.first;
    }
  }

  figures(): ActionFunnelFigures {
    this.settle();
    const order = this.steps
      .map((step, i) => ({ step, i }))
      .sort((a, b) => a.step.position - b.step.position || byText(a.step.nodeId, b.step.nodeId));
    return {
      rows: this.rows,
      steps: order.map(({ step }) => ({
        nodeId: step.nodeId,
        type: step.type,
        ...(step.label !== undefined ? { label: step.label } : {}),
      })),
      actions: [...this.actions]
        .sort(([a, x], [b, y]) => byText(x.name, y.name) || byText(a, b))
        .map(([actionId, t]) => ({
          actionId,
          name: t.name,
          out: order.map(({ i }) => t.out[i] ?? 0),
          recommended: t.recommended,
          first: t.first,
        })),
    };
  }

  toJSON(): ActionFunnelJSON {
    this.settle();
    return {
      rows: this.rows,
      steps: [...this.steps]
        .sort((a, b) => byText(a.nodeId, b.nodeId))
        .map((s) => [s.nodeId, s.type, s.label ?? null, s.position]),
      actions: [...this.actions.keys()].sort(byText).map((id) => {
        const t = this.actions.get(id)!;
        const out: [string, number][] = [];
        t.out.forEach((n, s) => {
          if (n) out.push([this.steps[s]!.nodeId, n]);
        });
        out.sort(([a], [b]) => byText(a, b));
        return [id, t.name, out, t.recommended, t.first];
      }),
    };
  }

  static fromJSON(json: ActionFunnelJSON): ActionFunnel {
    const funnel = new ActionFunnel();
    funnel.rows = json.rows;
    for (const [nodeId, type, label, position] of json.steps)
      funnel.step(nodeId, type, label ?? undefined, position);
    for (const [id, name, out, recommended, first] of json.actions) {
      const tally = funnel.action(id, name);
      for (const [nodeId, n] of out) {
        const s = funnel.stepIndex.get(nodeId);
        if (s === undefined) throw new Error(`action funnel: counts for an unknown step ${nodeId}`);
        tally.out[s] = (tally.out[s] ?? 0) + n;
      }
      tally.recommended += recommended;
      tally.first += first;
    }
    return funnel;
  }

  private stepAt(node: NodeTrace, position: number): number {
    const known = this.atPosition[position];
    if (known !== undefined && this.steps[known]!.nodeId === node.nodeId) return known;
    const s = this.step(node.nodeId, node.type, node.label, position);
    this.atPosition[position] = s;
    return s;
  }

  private step(nodeId: string, type: string, label: string | undefined, position: number): number {
    const known = this.stepIndex.get(nodeId);
    if (known === undefined) {
      this.steps.push({ nodeId, type, ...(label !== undefined ? { label } : {}), position });
      this.counted.push(new Float64Array(this.positions));
      this.stepIndex.set(nodeId, this.steps.length - 1);
      return this.steps.length - 1;
    }
    // Rows of one strategy agree on these; the smallest keeps the figures independent of merge order otherwise.
    const step = this.steps[known]!;
    if (position < step.position) step.position = position;
    if (type < step.type) step.type = type;
    if (label !== undefined && (step.label === undefined || label < step.label)) step.label = label;
    return known;
  }

  /**
   * A candidate whose fact is not counted by position yet: the first fact seen at a position is
   * counted there from now on; another one (another catalog's, or one without a position) is
   * tallied directly.
   */
  private countFirst(fact: ActionFact, i: number, s: number): void {
    const tally = this.action(fact.id, fact.name);
    if (i < 0 || this.factAt[i] !== undefined) {
      tally.out[s] = (tally.out[s] ?? 0) + 1;
      return;
    }
    // Filled up to i, so that the list stays an array and not a sparse dictionary.
    while (this.factAt.length <= i) this.factAt.push(undefined);
    this.factAt[i] = fact;
    if (i >= this.positions) {
      this.positions = Math.max(i + 1, 2 * this.positions);
      this.counted.forEach((counts, step) => {
        this.counted[step] = new Float64Array(this.positions);
        this.counted[step].set(counts);
      });
    }
    this.counted[s]![i]!++;
  }

  /** Moves the counts by catalog position into the tallies. */
  private settle(): void {
    this.counted.forEach((counts, s) => {
      this.factAt.forEach((fact, i) => {
        const n = counts[i]!;
        if (n === 0 || fact === undefined) return;
        const out = this.actions.get(fact.id)!.out;
        out[s] = (out[s] ?? 0) + n;
        counts[i] = 0;
      });
    });
  }

  private action(id: string, name: string): ActionTally {
    let tally = this.actions.get(id);
    if (!tally) {
      tally = { id, name, out: [], recommended: 0, first: 0 };
      this.actions.set(id, tally);
    }
    return tally;
  }
}

/** The per-action funnels of a baseline and a draft on the same rows, side by side. */
export function compareActionFunnels(
  baseline: ActionFunnelFigures,
  draft: ActionFunnelFigures,
): ActionFunnelComparison {
  const baselineSteps = new Map(baseline.steps.map((s, i) => [s.nodeId, i]));
  const draftSteps = new Map(draft.steps.map((s, i) => [s.nodeId, i]));
  const steps = [
    ...draft.steps.map((s) => ({ ...s, inBoth: baselineSteps.has(s.nodeId) })),
    ...baseline.steps.filter((s) => !draftSteps.has(s.nodeId)).map((s) => ({ ...s, inBoth: false })),
  ];
  const before = new Map(baseline.actions.map((a) => [a.actionId, a]));
  const after = new Map(draft.actions.map((a) => [a.actionId, a]));
  const ids = [...new Set([...after.keys(), ...before.keys()])];
  const change = (b: number, d: number): Change => ({ baseline: b, draft: d, change: d - b });
  const actions = ids.map((actionId): ActionFunnelChange => {
    const b = before.get(actionId);
    const d = after.get(actionId);
    const figure = (row: ActionFunnelRow | undefined, index: number | undefined) =>
      index === undefined ? null : (row?.out[index] ?? 0);
    return {
      actionId,
      name: d?.name ?? b!.name,
      out: steps.map((s) => ({
        baseline: figure(b, baselineSteps.get(s.nodeId)),
        draft: figure(d, draftSteps.get(s.nodeId)),
      })),
      recommended: change(b?.recommended ?? 0, d?.recommended ?? 0),
      first: change(b?.first ?? 0, d?.first ?? 0),
    };
  });
  actions.sort((x, y) => byText(x.name, y.name) || byText(x.actionId, y.actionId));
  return { steps, actions };
}
