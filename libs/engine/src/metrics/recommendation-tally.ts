import type { DecisionResult } from '../runtime/types';
import { ExactSum } from './exact-sum';
import { topRecommendation } from './off-policy';
import type { ActionFigures, RecommendationFigures } from './simulation-summary';
import { sortedEntries } from './sorted-entries';

const { isFinite } = Number;

interface ActionTally {
  eligible: number;
  top: number;
  withoutPropensity: number;
  expectedAcceptances: ExactSum;
  expectedAcceptancesTop: ExactSum;
  expectedValue: ExactSum;
  expectedValueTop: ExactSum;
}

export interface ActionTallyJSON {
  eligible: number;
  top: number;
  withoutPropensity: number;
  expectedAcceptances: number[];
  expectedAcceptancesTop: number[];
  expectedValue: number[];
  expectedValueTop: number[];
}

export interface RecommendationTallyJSON {
  rows: number;
  rowsWithoutRecommendation: number;
  recommendations: number;
  actions: [string, ActionTallyJSON][];
}

const SUMS = ['expectedAcceptances', 'expectedAcceptancesTop', 'expectedValue', 'expectedValueTop'] as const;
const COUNTS = ['eligible', 'top', 'withoutPropensity'] as const;

/** Per-action recommendation counts and expected acceptances/value of a set of rows; mergeable. */
export class RecommendationTally {
  rows = 0;
  rowsWithoutRecommendation = 0;
  recommendations = 0;
  private readonly actions = new Map<string, ActionTally>();

  /** `top`: the result's rank-1 recommendation, when the caller already found it. */
  add(result: DecisionResult, top = topRecommendation(result)): void {
    this.rows++;
    const list = result.recommendations;
    if (list.length === 0) {
      this.rowsWithoutRecommendation++;
      return;
    }
    for (const rec of list) {
      this.recommendations++;
      const tally = this.action(rec.actionId);
      const isTop = rec === top;
      tally.eligible++;
      if (isTop) tally.top++;
      const p = rec.propensity;
      if (p === undefined || !isFinite(p)) {
        tally.withoutPropensity++;
        continue;
      }
      tally.expectedAcceptances.add(p);
      if (isTop) tally.expectedAcceptancesTop.add(p);
      const v = rec.value;
      if (v !== undefined && isFinite(v)) {
        const pv = p * v;
        tally.expectedValue.add(pv);
        if (isTop) tally.expectedValueTop.add(pv);
      }
    }
  }

  merge(other: RecommendationTally): void {
    this.rows += other.rows;
    this.rowsWithoutRecommendation += other.rowsWithoutRecommendation;
    this.recommendations += other.recommendations;
    for (const [id, theirs] of other.actions) {
      const mine = this.action(id);
      for (const c of COUNTS) mine[c] += theirs[c];
      for (const s of SUMS) mine[s].merge(theirs[s]);
    }
  }

  figures(): RecommendationFigures {
    const withRecommendation = this.rows - this.rowsWithoutRecommendation;
    const actions: ActionFigures[] = [...this.actions.keys()].sort().map((actionId) => {
      const t = this.actions.get(actionId)!;
      return {
        actionId,
        eligible: t.eligible,
        top: t.top,
        topShare: withRecommendation === 0 ? null : t.top / withRecommendation,
        recommendationShare: this.recommendations === 0 ? null : t.eligible / this.recommendations,
        expectedAcceptances: t.expectedAcceptances.value(),
        expectedAcceptancesTop: t.expectedAcceptancesTop.value(),
        expectedValue: t.expectedValue.value(),
        expectedValueTop: t.expectedValueTop.value(),
        withoutPropensity: t.withoutPropensity,
      };
    });
    return {
      rows: this.rows,
      rowsWithoutRecommendation: this.rowsWithoutRecommendation,
      recommendations: this.recommendations,
      actions,
    };
  }

  toJSON(): RecommendationTallyJSON {
    return {
      rows: this.rows,
      rowsWithoutRecommendation: this.rowsWithoutRecommendation,
      recommendations: this.recommendations,
      actions: sortedEntries(this.actions, (t) => ({
        eligible: t.eligible,
        top: t.top,
        withoutPropensity: t.withoutPropensity,
        expectedAcceptances: t.expectedAcceptances.toJSON(),
        expectedAcceptancesTop: t.expectedAcceptancesTop.toJSON(),
        expectedValue: t.expectedValue.toJSON(),
        expectedValueTop: t.expectedValueTop.toJSON(),
      })),
    };
  }

  static fromJSON(json: RecommendationTallyJSON): RecommendationTally {
    const tally = new RecommendationTally();
    tally.rows = json.rows;
    tally.rowsWithoutRecommendation = json.rowsWithoutRecommendation;
    tally.recommendations = json.recommendations;
    for (const [id, a] of json.actions) {
      tally.actions.set(id, {
        eligible: a.eligible,
        top: a.top,
        withoutPropensity: a.withoutPropensity,
        expectedAcceptances: ExactSum.fromJSON(a.expectedAcceptances),
        expectedAcceptancesTop: ExactSum.fromJSON(a.expectedAcceptancesTop),
        expectedValue: ExactSum.fromJSON(a.expectedValue),
        expectedValueTop: ExactSum.fromJSON(a.expectedValueTop),
      });
    }
    return tally;
  }

  private action(id: string): ActionTally {
    let tally = this.actions.get(id);
    if (!tally) {
      tally = {
        eligible: 0,
        top: 0,
        withoutPropensity: 0,
        expectedAcceptances: new ExactSum(),
        expectedAcceptancesTop: new ExactSum(),
        expectedValue: new ExactSum(),
        expectedValueTop: new ExactSum(),
      };
      this.actions.set(id, tally);
    }
    return tally;
  }
}

export const RECOMMENDATION_TALLY_GROUP = {
  create: () => new RecommendationTally(),
  combine: (into: RecommendationTally, from: RecommendationTally) => into.merge(from),
  toJSON: (t: RecommendationTally) => t.toJSON(),
  fromJSON: (j: RecommendationTallyJSON) => RecommendationTally.fromJSON(j),
};
