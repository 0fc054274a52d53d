import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16, item 11, the fairness check: schema fields can be marked protected; the thresholds of
 * the check live in a one-row settings table; an approval over a failed check carries a written
 * justification, kept as a review comment of its own kind.
 */
export class FairnessCheck1764700000001 implements MigrationInterface {
  name = 'FairnessCheck1764700000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE schema_fields ADD COLUMN protected boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE TABLE fairness_settings (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        ratio_floor double precision NOT NULL CHECK (ratio_floor > 0 AND ratio_floor <= 1),
        min_group_size integer NOT NULL CHECK (min_group_size >= 1),
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO fairness_settings (id, ratio_floor, min_group_size) VALUES (1, 0.8, 30)`);
    await q.query(`ALTER TABLE review_comments DROP CONSTRAINT review_comments_kind_check`);
    await q.query(
      `ALTER TABLE review_comments ADD CONSTRAINT review_comments_kind_check CHECK (kind IN ('COMMENT','REJECTION','APPROVAL','JUSTIFICATION'))`,
    );
  }

  /** Justifications become approval comments: their text is kept. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE review_comments DROP CONSTRAINT review_comments_kind_check`);
    await q.query(`UPDATE review_comments SET kind = 'APPROVAL' WHERE kind = 'JUSTIFICATION'`);
    await q.query(
      `ALTER TABLE review_comments ADD CONSTRAINT review_comments_kind_check CHECK (kind IN ('COMMENT','REJECTION','APPROVAL'))`,
    );
    await q.query(`DROP TABLE fairness_settings`);
    await q.query(`ALTER TABLE schema_fields DROP COLUMN protected`);
  }
}
