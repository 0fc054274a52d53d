import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** One hour of decisions (by decision time) that a split step sent down one arm, with their outcomes. */
export interface ArmHour {
  splitStepId: string;
  arm: string;
  hour: Date;
  decisions: number;
  /** Outcomes reported with the decisionId of these decisions. */
  outcomes: number;
  /** Decisions with at least one positive outcome. */
  positives: number;
}

/**
 * Outcomes of a version's decisions, counted by the split arm each decision took (experiments).
 * Reads `decision_log` (the decision-log feature's table) in the same statement on purpose: arm and hour are
 * on the decision, outcomes on the interaction, so as two owner calls every decision of the version
 * (millions) would cross over to be grouped in Node, instead of one grouped scan returning a row per arm
 * and hour.
 */
@Injectable()
export class ArmOutcomesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async byHour(versionId: string, positiveOutcomes: readonly string[]): Promise<ArmHour[]> {
    const rows: {
      split_step_id: string;
      arm: string;
      hour: Date;
      decisions: number;
      outcomes: number;
      positives: number;
    }[] = await this.dataSource.query(
      `WITH d AS (
         SELECT id, decided_at, arms FROM decision_log WHERE version_id = $1 AND arms IS NOT NULL
       ), o AS (
         SELECT i.decision_id, count(*) AS outcomes, bool_or(i.outcome = ANY($2::text[])) AS positive
           FROM interactions i JOIN d ON d.id = i.decision_id
          WHERE i.decision_id IS NOT NULL AND i.outcome <> 'shown'
          GROUP BY i.decision_id
       )
       SELECT a."splitStepId" AS split_step_id, a.arm, date_trunc('hour', d.decided_at) AS hour, count(*)::int AS decisions,
              coalesce(sum(o.outcomes), 0)::int AS outcomes, count(*) FILTER (WHERE o.positive)::int AS positives
         FROM d CROSS JOIN LATERAL jsonb_to_recordset(d.arms) AS a("splitStepId" text, arm text)
         LEFT JOIN o ON o.decision_id = d.id
        GROUP BY 1, 2, 3
        ORDER BY 3`,
      [versionId, positiveOutcomes],
    );
    return rows.map((r) => ({
      splitStepId: r.split_step_id,
      arm: r.arm,
      hour: r.hour,
      decisions: r.decisions,
      outcomes: r.outcomes,
      positives: r.positives,
    }));
  }
}
