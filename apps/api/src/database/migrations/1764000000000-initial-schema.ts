import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, catalog, customer schema, strategies and versions, reviews, simulations and the audit log. */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        roles text[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_roles_known CHECK (roles <@ ARRAY['designer','analyst','reviewer','publisher','admin']::text[])
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);

    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id),
        secret_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id)`);

    await q.query(`
      CREATE TABLE actions (
        id text PRIMARY KEY,
        name text NOT NULL,
        "group" text,
        channel text,
        value double precision,
        cost double precision,
        valid_from timestamptz,
        valid_to timestamptz,
        tags text[] NOT NULL DEFAULT '{}',
        attributes jsonb NOT NULL DEFAULT '{}',
        revision int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT actions_validity CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
      )`);

    await q.query(`
      CREATE TABLE schema_fields (
        scope text NOT NULL CHECK (scope IN ('customer','context')),
        name text NOT NULL,
        type text NOT NULL CHECK (type IN ('number','string','boolean','date','list')),
        label text,
        description text,
        allowed_values jsonb,
        personal boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, name)
      )`);

    await q.query(`
      CREATE TABLE strategies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        description text,
        archived_at timestamptz,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX strategies_name_key ON strategies (lower(name))`);

    await q.query(`
      CREATE TABLE strategy_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        strategy_id uuid NOT NULL REFERENCES strategies(id),
        number int NOT NULL,
        status text NOT NULL CHECK (status IN ('DRAFT','IN_REVIEW','APPROVED','PUBLISHED','RETIRED')),
        document jsonb NOT NULL,
        content_hash text NOT NULL,
        revision int NOT NULL DEFAULT 1,
        created_by uuid NOT NULL REFERENCES users(id),
        editors uuid[] NOT NULL DEFAULT '{}',
        based_on_version_id uuid REFERENCES strategy_versions(id),
        submitted_by uuid REFERENCES users(id),
        submitted_at timestamptz,
        approved_by uuid REFERENCES users(id),
        approved_at timestamptz,
        published_by uuid REFERENCES users(id),
        published_at timestamptz,
        retired_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT strategy_versions_number_key UNIQUE (strategy_id, number)
      )`);
    // Exactly one PUBLISHED version per strategy, whatever the code does.
    await q.query(
      `CREATE UNIQUE INDEX strategy_versions_one_published ON strategy_versions (strategy_id) WHERE status = 'PUBLISHED'`,
    );
    await q.query(`CREATE INDEX strategy_versions_content_hash ON strategy_versions (content_hash)`);
    // Content is frozen from submit on: only a DRAFT's document may change.
    await q.query(`
      CREATE FUNCTION strategy_versions_frozen_content() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status <> 'DRAFT' AND (NEW.document IS DISTINCT FROM OLD.document OR NEW.content_hash IS DISTINCT FROM OLD.content_hash) THEN
          RAISE EXCEPTION 'strategy version % is %: its content is frozen', OLD.id, OLD.status USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER strategy_versions_frozen_content BEFORE UPDATE ON strategy_versions
      FOR EACH ROW EXECUTE FUNCTION strategy_versions_frozen_content()`);

    await q.query(`
      CREATE TABLE review_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version_id uuid NOT NULL REFERENCES strategy_versions(id),
        node_id text,
        kind text NOT NULL CHECK (kind IN ('COMMENT','REJECTION','APPROVAL')),
        body text NOT NULL,
        author_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX review_comments_version ON review_comments (version_id, created_at)`);

    await q.query(`
      CREATE TABLE simulations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        content_hash text NOT NULL,
        dataset_id uuid,
        status text NOT NULL CHECK (status IN ('QUEUED','RUNNING','COMPLETED','FAILED','CANCELLED')),
        results jsonb,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz
      )`);
    await q.query(`CREATE INDEX simulations_content_hash ON simulations (content_hash, status)`);

    await q.query(`
      CREATE TABLE audit_log (
        seq bigint PRIMARY KEY CHECK (seq > 0),
        occurred_at timestamptz NOT NULL,
        actor_id uuid,
        actor_email text,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        before_hash text,
        after_hash text,
        comment text,
        prev_hash text NOT NULL,
        hash text NOT NULL UNIQUE
      )`);
    await q.query(`CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, seq)`);
    await q.query(`CREATE INDEX audit_log_actor ON audit_log (actor_id, seq)`);
    await q.query(`CREATE INDEX audit_log_action ON audit_log (action, seq)`);
    // Append-only: no UPDATE, DELETE or TRUNCATE, whoever asks.
    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'audit_log',
      'simulations',
      'review_comments',
      'strategy_versions',
      'strategies',
      'schema_fields',
      'actions',
      'refresh_tokens',
      'users',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS audit_log_append_only()`);
    await q.query(`DROP FUNCTION IF EXISTS strategy_versions_frozen_content()`);
  }
}
