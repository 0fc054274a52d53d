import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** One outcome as the adaptive learner reads it: `seq` is the interaction's bigserial id. */
export interface StreamedOutcome {
  seq: number;
  id: string;
  outcome: string;
  actionId: string;
  channel: string | null;
  decisionId: string | null;
  overrideActionId: string | null;
  createdAt: Date;
}

/** The outcomes in arrival order (the learner's stream), and the staff override rates per action. */
@Injectable()
export class OutcomeStreamRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Outcomes after `seq`, oldest first, only once they are `settleMs` old: an insert that took its
   * id earlier but commits later is then visible before the cursor can pass it.
   */
  async after(seq: number, limit: number, settleMs: number): Promise<StreamedOutcome[]> {
    const rows: {
      id: string;
      outcome: string;
      action_id: string;
      channel: string | null;
      decision_id: string | null;
      override_action_id: string | null;
      created_at: Date;
    }[] = await this.dataSource.query(
      `SELECT id, outcome, action_id, channel, decision_id, override_action_id, created_at FROM interactions
       WHERE id > $1 AND outcome <> 'shown' AND created_at <= now() - $3 * interval '1 millisecond'
       ORDER BY id LIMIT $2`,
      [seq, limit, settleMs],
    );
    return rows.map((r) => ({
      seq: Number(r.id),
      id: String(r.id),
      outcome: r.outcome,
      actionId: r.action_id,
      channel: r.channel,
      decisionId: r.decision_id,
      overrideActionId: r.override_action_id,
      createdAt: r.created_at,
    }));
  }

  /** Seconds since the oldest outcome after `seq` arrived; 0 when there is none. */
  async lagSeconds(seq: number): Promise<number> {
    const rows: { lag: number | null }[] = await this.dataSource.query(
      `SELECT extract(epoch FROM now() - min(created_at))::float8 AS lag FROM interactions WHERE id > $1 AND outcome <> 'shown'`,
      [seq],
    );
    return Math.max(0, rows[0]?.lag ?? 0);
  }

  /**
   * Per recommended action: outcomes reported on decisions of these strategy versions, and how many said
   * staff chose otherwise. Joins `decision_log` (the decision-log feature's table) on purpose: outcome rows
   * carry no version, so as two owner calls one side would hand the other every decision id of the versions
   * (millions) instead of one grouped scan.
   */
  async overrideRates(
    versionIds: readonly string[],
  ): Promise<{ actionId: string; shown: number; overridden: number }[]> {
    if (!versionIds.length) return [];
    const rows: { action_id: string; shown: number; overridden: number }[] = await this.dataSource.query(
      `SELECT i.action_id, count(*)::int AS shown, count(i.override_action_id)::int AS overridden
       FROM interactions i JOIN decision_log d ON d.id = i.decision_id
       WHERE i.outcome <> 'shown' AND d.version_id = ANY($1::uuid[])
       GROUP BY i.action_id ORDER BY i.action_id`,
      [versionIds],
    );
    return rows.map((r) => ({ actionId: r.action_id, shown: r.shown, overridden: r.overridden }));
  }
}
