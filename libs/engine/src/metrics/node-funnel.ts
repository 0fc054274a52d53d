import type { DecisionTrace } from '../runtime/types';
import { BoundedGroups, type BoundedGroupsJSON, type GroupKind } from './bounded-groups';
import type { DropReasonCount, NodeFigures } from './simulation-summary';
import { sortedEntries } from './sorted-entries';

interface Count {
  n: number;
}

const COUNT: GroupKind<Count, number> = {
  create: () => ({ n: 0 }),
  combine: (into, from) => {
    into.n += from.n;
  },
  toJSON: (c) => c.n,
  fromJSON: (n) => ({ n }),
};

interface NodeTally {
  type: string;
  /** Index of the node in the trace (evaluation order); the same for every row of a strategy. */
  position: number;
  reached: number;
  in: number;
  out: number;
  branches: Map<string, number>;
  tracedRows: number;
  dropped: number;
  reasons: BoundedGroups<Count, number>;
}

export interface NodeTallyJSON {
  type: string;
  position: number;
  reached: number;
  in: number;
  out: number;
  branches: [string, number][];
  tracedRows: number;
  dropped: number;
  reasons: BoundedGroupsJSON<number>;
}

export interface NodeFunnelJSON {
  rowsWithTrace: number;
  nodes: [string, NodeTallyJSON][];
}

/** Candidates in/out per node and drops counted by reason (from funnel or full traces), from decision traces; mergeable. */
export class NodeFunnel {
  rowsWithTrace = 0;
  private readonly nodes = new Map<string, NodeTally>();
  private readonly atPosition: { id: string; tally: NodeTally }[] = [];

  constructor(
    /** Distinct drop reasons counted exactly per node before sampling by hash. */
    private readonly reasonCapacity: number,
    /** Reasons listed per node in the figures. */
    private readonly topReasons: number,
  ) {}

  add(trace: DecisionTrace | undefined): void {
    if (!trace) return;
    this.rowsWithTrace++;
    const nodes = trace.nodes;
    for (let position = 0; position < nodes.length; position++) {
      const node = nodes[position]!;
      const tally = this.tallyAt(node.nodeId, node.type, position);
      if (!node.reached) continue;
      tally.reached++;
      tally.in += node.in;
      tally.out += node.out;
      if (node.branch !== undefined)
        tally.branches.set(node.branch, (tally.branches.get(node.branch) ?? 0) + 1);
      // A full trace always lists the dropped candidates; a funnel trace only when there are some.
      if (node.dropped || node.candidatesOut) tally.tracedRows++;
      if (node.dropped) {
        tally.dropped += node.dropped.length;
        for (const d of node.dropped) tally.reasons.groupFor(d.reason).n++;
      }
    }
  }

  merge(other: NodeFunnel): void {
    this.rowsWithTrace += other.rowsWithTrace;
    for (const [id, theirs] of other.nodes) {
      const mine = this.node(id, theirs.type, theirs.position);
      mine.reached += theirs.reached;
      mine.in += theirs.in;
      mine.out += theirs.out;
      for (const [branch, n] of theirs.branches)
        mine.branches.set(branch, (mine.branches.get(branch) ?? 0) + n);
      mine.tracedRows += theirs.tracedRows;
      mine.dropped += theirs.dropped;
      mine.reasons.merge(theirs.reasons);
    }
  }

  figures(): NodeFigures[] {
    return [...this.nodes]
      .sort(([a, x], [b, y]) => x.position - y.position || (a < b ? -1 : a > b ? 1 : 0))
      .map(([nodeId, t]) => {
        const figures: NodeFigures = {
          nodeId,
          type: t.type,
          reached: t.reached,
          in: t.in,
          out: t.out,
          passRate: t.in === 0 ? null : t.out / t.in,
          branches: Object.fromEntries([...t.branches].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
        };
        if (t.tracedRows > 0) {
          const reasons: DropReasonCount[] = t.reasons
            .entries()
            .map(([reason, c]) => ({ reason, count: c.n }))
            .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0))
            .slice(0, this.topReasons);
          const listed = reasons.reduce((s, r) => s + r.count, 0);
          figures.drops = {
            rows: t.tracedRows,
            dropped: t.dropped,
            reasons,
            other: t.dropped - listed,
            complete: t.reasons.complete(),
          };
        }
        return figures;
      });
  }

  toJSON(): NodeFunnelJSON {
    return {
      rowsWithTrace: this.rowsWithTrace,
      nodes: sortedEntries(this.nodes, (t) => ({
        type: t.type,
        position: t.position,
        reached: t.reached,
        in: t.in,
        out: t.out,
        branches: [...t.branches].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        tracedRows: t.tracedRows,
        dropped: t.dropped,
        reasons: t.reasons.toJSON(),
      })),
    };
  }

  static fromJSON(json: NodeFunnelJSON, reasonCapacity: number, topReasons: number): NodeFunnel {
    const funnel = new NodeFunnel(reasonCapacity, topReasons);
    funnel.rowsWithTrace = json.rowsWithTrace;
    for (const [id, t] of json.nodes) {
      funnel.nodes.set(id, {
        type: t.type,
        position: t.position,
        reached: t.reached,
        in: t.in,
        out: t.out,
        branches: new Map(t.branches),
        tracedRows: t.tracedRows,
        dropped: t.dropped,
        reasons: BoundedGroups.fromJSON(t.reasons, COUNT),
      });
    }
    return funnel;
  }

  /** The tally of the node at this trace position: every row of a strategy has the same node there, so most rows need no lookup by id. */
  private tallyAt(id: string, type: string, position: number): NodeTally {
    const known = this.atPosition[position];
    if (known !== undefined && known.id === id && known.tally.type === type) return known.tally;
    const tally = this.node(id, type, position);
    this.atPosition[position] = { id, tally };
    return tally;
  }

  private node(id: string, type: string, position: number): NodeTally {
    let tally = this.nodes.get(id);
    if (!tally) {
      tally = {
        type,
        position,
        reached: 0,
        in: 0,
        out: 0,
        branches: new Map(),
        tracedRows: 0,
        dropped: 0,
        reasons: new BoundedGroups(this.reasonCapacity, COUNT),
      };
      this.nodes.set(id, tally);
    } else {
      // Rows of one strategy agree on these; the minimum keeps the result independent of merge order otherwise.
      if (position < tally.position) tally.position = position;
      if (type < tally.type) tally.type = type;
    }
    return tally;
  }
}
