import type { DecisionResult } from '../runtime/types';
import { BoundedGroups, type BoundedGroupsJSON, type GroupKind } from './bounded-groups';
import { topRecommendation } from './off-policy';
import { sortedEntries } from './sorted-entries';

/**
 * The fairness check of a simulation (the four-fifths rule, as in Pega's ethical bias policy): per
 * protected customer field, how often each group (value) of customers gets each action, and the
 * ratio of the lowest group's rate to the highest's. Tallies are mergeable like every simulation
 * figure; the judgement against thresholds is a separate pure step, so thresholds can change after
 * the simulation ran.
 */

/** Values of one field kept apart; any further values are reported together (shown, not judged). */
export const FAIRNESS_GROUPS_PER_FIELD = 50;
/** The group of rows without a value for the field: shown, not judged (it is no group of people). */
export const MISSING_VALUE = '(missing)';
/** The group of the values beyond FAIRNESS_GROUPS_PER_FIELD. */
export const OTHER_VALUES = '(other values)';
const MAX_GROUP_LENGTH = 100;

interface ActionCounts {
  /** Rows where the action was recommended first (rank 1). */
  first: number;
  /** Rows where it was recommended at any rank. */
  anyRank: number;
}

interface GroupTally {
  rows: number;
  actions: Map<string, ActionCounts>;
}

/** [actionId, first, anyRank] per action. */
export interface FairnessGroupJSON {
  rows: number;
  actions: [string, number, number][];
}

const GROUP: GroupKind<GroupTally, FairnessGroupJSON> = {
  create: () => ({ rows: 0, actions: new Map() }),
  combine: (into, from) => {
    into.rows += from.rows;
    for (const [id, c] of from.actions) {
      const mine = countsOf(into, id);
      mine.first += c.first;
      mine.anyRank += c.anyRank;
    }
  },
  toJSON: (g) => ({
    rows: g.rows,
    actions: [...g.actions.keys()].sort().map((id) => {
      const c = g.actions.get(id)!;
      return [id, c.first, c.anyRank];
    }),
  }),
  fromJSON: (j) => ({
    rows: j.rows,
    actions: new Map(j.actions.map(([id, first, anyRank]) => [id, { first, anyRank }])),
  }),
};

function countsOf(group: GroupTally, actionId: string): ActionCounts {
  let counts = group.actions.get(actionId);
  if (!counts) {
    counts = { first: 0, anyRank: 0 };
    group.actions.set(actionId, counts);
  }
  return counts;
}

/** A field value as a group name: text as it is (shortened), numbers and true/false as written. */
export function fairnessGroupOf(value: unknown): string {
  if (value === undefined || value === null || value === '') return MISSING_VALUE;
  const text =
    typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.length > MAX_GROUP_LENGTH ? `${text.slice(0, MAX_GROUP_LENGTH - 1)}…` : text;
}

export interface FairnessTallyJSON {
  capacity: number;
  fields: [string, { withValue: number; groups: BoundedGroupsJSON<FairnessGroupJSON> }][];
}

export interface FairnessActionFigures {
  actionId: string;
  first: number;
  anyRank: number;
}

export interface FairnessGroupFigures {
  group: string;
  rows: number;
  /** By action id; actions the group never got are left out (their counts are 0). */
  actions: FairnessActionFigures[];
}

export interface FairnessFieldFigures {
  field: string;
  /** Rows with a value for the field. */
  rowsWithValue: number;
  /** By group name; the rows without a value are the group MISSING_VALUE. */
  groups: FairnessGroupFigures[];
  /** The values beyond those kept, together (group OTHER_VALUES), or null. */
  otherValues: FairnessGroupFigures | null;
  complete: boolean;
}

/** What a simulation reports for the fairness check: only fields with a value in the data. */
export interface FairnessFigures {
  fields: FairnessFieldFigures[];
}

interface FieldTally {
  withValue: number;
  groups: BoundedGroups<GroupTally, FairnessGroupJSON>;
}

/** Per protected field and group: rows, and how often each action was recommended first and at all. */
export class FairnessTally {
  private readonly fields = new Map<string, FieldTally>();

  constructor(readonly capacity = FAIRNESS_GROUPS_PER_FIELD) {}

  /** `values`: the row's value of each protected field (undefined when the row has none). */
  add(values: Readonly<Record<string, unknown>>, result: DecisionResult): void {
    const top = topRecommendation(result)?.actionId;
    const list = result.recommendations;
    const offered = list.length > 1 ? [...new Set(list.map((r) => r.actionId))] : list.map((r) => r.actionId);
    for (const field in values) {
      const tally = this.field(field);
      const group = fairnessGroupOf(values[field]);
      if (group !== MISSING_VALUE) tally.withValue++;
      const g = tally.groups.groupFor(group);
      g.rows++;
      for (const id of offered) countsOf(g, id).anyRank++;
      if (top !== undefined) countsOf(g, top).first++;
    }
  }

  merge(other: FairnessTally): this {
    for (const [field, theirs] of other.fields) {
      const mine = this.field(field);
      mine.withValue += theirs.withValue;
      mine.groups.merge(theirs.groups);
    }
    return this;
  }

  figures(): FairnessFigures {
    const fields: FairnessFieldFigures[] = [];
    for (const field of [...this.fields.keys()].sort()) {
      const tally = this.fields.get(field)!;
      if (tally.withValue === 0) continue;
      const overflow = tally.groups.overflow();
      fields.push({
        field,
        rowsWithValue: tally.withValue,
        groups: tally.groups.entries().map(([group, g]) => groupFigures(group, g)),
        otherValues: overflow.rows > 0 ? groupFigures(OTHER_VALUES, overflow) : null,
        complete: tally.groups.complete(),
      });
    }
    return { fields };
  }

  toJSON(): FairnessTallyJSON {
    return {
      capacity: this.capacity,
      fields: sortedEntries(this.fields, (tally) => ({
        withValue: tally.withValue,
        groups: tally.groups.toJSON(),
      })),
    };
  }

  static fromJSON(json: FairnessTallyJSON): FairnessTally {
    const tally = new FairnessTally(json.capacity);
    for (const [field, f] of json.fields) {
      tally.fields.set(field, { withValue: f.withValue, groups: BoundedGroups.fromJSON(f.groups, GROUP) });
    }
    return tally;
  }

  private field(name: string): FieldTally {
    let tally = this.fields.get(name);
    if (!tally) {
      tally = { withValue: 0, groups: new BoundedGroups(this.capacity, GROUP) };
      this.fields.set(name, tally);
    }
    return tally;
  }
}

function groupFigures(group: string, g: GroupTally): FairnessGroupFigures {
  return {
    group,
    rows: g.rows,
    actions: [...g.actions.keys()].sort().map((actionId) => ({ actionId, ...g.actions.get(actionId)! })),
  };
}

// ---------- the judgement ----------

export interface FairnessThresholds {
  /** The lowest acceptable ratio of the lowest group's rate to the highest's (the four-fifths rule: 0.8). */
  ratioFloor: number;
  /** Groups with fewer rows are shown but not judged: their rates say little. */
  minGroupSize: number;
}

export const DEFAULT_FAIRNESS_THRESHOLDS: FairnessThresholds = { ratioFloor: 0.8, minGroupSize: 30 };

export interface GroupRate {
  group: string;
  rows: number;
  rate: number;
}

/** Between the judged groups of a field: the lowest and the highest rate of one action, and their ratio. */
export interface Disparity {
  lowest: GroupRate;
  highest: GroupRate;
  ratio: number;
}

export interface ActionFairness {
  actionId: string;
  /** Recommended first: what the check judges. Null when fewer than two groups are judged or no group got it first. */
  first: Disparity | null;
  /** Recommended at any rank: shown beside it. */
  anyRank: Disparity | null;
  /** first.ratio is below the floor. */
  belowFloor: boolean;
}

export interface JudgedGroup extends FairnessGroupFigures {
  /** False for groups too small, the rows without a value and the other values. */
  judged: boolean;
}

export interface FieldFairness {
  field: string;
  groups: JudgedGroup[];
  /** By action id. */
  actions: ActionFairness[];
}

export interface FairnessFinding {
  field: string;
  actionId: string;
  disparity: Disparity;
}

export interface FairnessJudgement {
  thresholds: FairnessThresholds;
  /** No action is recommended first to a judged group at a rate below ratioFloor × the highest group's. */
  passed: boolean;
  fields: FieldFairness[];
  /** Every action and field below the floor, lowest ratio first. */
  findings: FairnessFinding[];
}

/** Judges the figures of a simulation against the thresholds (the four-fifths rule on "recommended first"). */
export function judgeFairness(figures: FairnessFigures, thresholds: FairnessThresholds): FairnessJudgement {
  const findings: FairnessFinding[] = [];
  const fields = figures.fields.map((f): FieldFairness => {
    const groups: JudgedGroup[] = [...f.groups, ...(f.otherValues ? [f.otherValues] : [])].map((g) => ({
      ...g,
      judged: g.group !== MISSING_VALUE && g.group !== OTHER_VALUES && g.rows >= thresholds.minGroupSize,
    }));
    const judged = groups.filter((g) => g.judged);
    const actionIds = [...new Set(groups.flatMap((g) => g.actions.map((a) => a.actionId)))].sort();
    const actions = actionIds.map((actionId): ActionFairness => {
      const first = disparity(judged, actionId, 'first');
      const belowFloor = first !== null && first.ratio < thresholds.ratioFloor;
      if (belowFloor) findings.push({ field: f.field, actionId, disparity: first });
      return { actionId, first, anyRank: disparity(judged, actionId, 'anyRank'), belowFloor };
    });
    return { field: f.field, groups, actions };
  });
  findings.sort((a, b) => a.disparity.ratio - b.disparity.ratio);
  return { thresholds, passed: findings.length === 0, fields, findings };
}

function disparity(
  groups: readonly JudgedGroup[],
  actionId: string,
  view: keyof ActionCounts,
): Disparity | null {
  if (groups.length < 2) return null;
  const rates = groups.map((g): GroupRate => {
    const count = g.actions.find((a) => a.actionId === actionId)?.[view] ?? 0;
    return { group: g.group, rows: g.rows, rate: count / g.rows };
  });
  // Ties go to the first group by name, so the wording does not depend on the order of rows.
  const lowest = rates.reduce((a, b) => (b.rate < a.rate ? b : a));
  const highest = rates.reduce((a, b) => (b.rate > a.rate ? b : a));
  if (highest.rate === 0) return null;
  return { lowest, highest, ratio: lowest.rate / highest.rate };
}

// ---------- in words ----------

/** How fields and actions are named in the sentences (their labels and names, not ids). */
export interface FairnessNames {
  field(name: string): string;
  action(id: string): string;
}

const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;

/** "age band 18–25 gets 'Gold card' first at 4.0% vs 9.0% for 40–60: ratio 0.44, below 0.80". */
export function fairnessFindingWords(
  finding: FairnessFinding,
  ratioFloor: number,
  names: FairnessNames,
): string {
  const { lowest, highest, ratio } = finding.disparity;
  return `${names.field(finding.field)} ${lowest.group} gets '${names.action(finding.actionId)}' first at ${percent(lowest.rate)} vs ${percent(highest.rate)} for ${highest.group}: ratio ${ratio.toFixed(2)}, below ${ratioFloor.toFixed(2)}`;
}

/** One sentence for the whole check. */
export function fairnessSummaryWords(judgement: FairnessJudgement, names: FairnessNames): string {
  const { ratioFloor, minGroupSize } = judgement.thresholds;
  if (judgement.fields.length === 0)
    return 'The data has none of the protected fields, so there is nothing to compare.';
  const fields = judgement.fields.map((f) => names.field(f.field)).join(', ');
  if (judgement.passed) {
    const unjudged = judgement.fields.every((f) => f.groups.filter((g) => g.judged).length < 2);
    if (unjudged)
      return `No protected field (${fields}) has two groups of at least ${minGroupSize} customers, so nothing could be judged.`;
    return `Every group of ${fields} with at least ${minGroupSize} customers gets each action first at ${ratioFloor.toFixed(2)} or more of the best-served group's rate.`;
  }
  const n = judgement.findings.length;
  return `${n} case${n === 1 ? '' : 's'} below the ratio floor of ${ratioFloor.toFixed(2)}; the lowest: ${fairnessFindingWords(judgement.findings[0]!, ratioFloor, names)}.`;
}
