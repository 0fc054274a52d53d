import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DailyPartitions } from '../common/daily-partitions.repository';

/** The interactions' daily partitions (by `at`, UTC), for the partition maintenance job. */
@Injectable()
export class InteractionPartitions extends DailyPartitions {
  constructor(private readonly db: DataSource) {
    super(db, 'interactions', 'at');
  }

  /**
   * The idempotency keys of outcomes before `before` (their rows went with dropped partitions): a
   * small table (only outcomes reported with a key), deleted by its `at` index.
   */
  async deleteKeysBefore(before: number): Promise<number> {
    const rows: { n: number }[] = await this.db.query(
      `WITH gone AS (DELETE FROM interaction_idempotency_keys WHERE at < $1 RETURNING 1) SELECT count(*)::int AS n FROM gone`,
      [new Date(before).toISOString()],
    );
    return rows[0]!.n;
  }
}
