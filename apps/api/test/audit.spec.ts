import { entryHash } from '../src/audit/record-hash';
import type { AppConfig } from '../src/config/app-config';
import { APP_CONFIG } from '../src/config/config.module';
import { errorCode, ok, Role, useTestApp, useUser } from './support/test-app';

const VERIFY = `{ verifyAuditChain { valid checkedEntries firstBrokenSeq reason headHash } }`;

describe('audit log', () => {
  const t = useTestApp();
  const admin = useUser(t, [Role.admin]);
  const designer = useUser(t, [Role.designer]);
  const reviewer = useUser(t, [Role.reviewer]);

  const createAction = (id: string) =>
    t.gql(
      `mutation($i: CreateActionInput!) { createAction(input: $i) { id revision } }`,
      { i: { id, name: `Action ${id}`, value: 1 } },
      designer.token,
    );

  it('records every write with who, what and before/after hashes, chained to the previous entry', async () => {
    const created = ok(await createAction('audit-a')).createAction;
    ok(
      await t.gql(
        `mutation { updateAction(id: "audit-a", input: { expectedRevision: ${created.revision}, value: 2 }) { id } }`,
        {},
        designer.token,
      ),
    );
    const page = ok(
      await t.gql(
        `{ auditLog(filter: { entityType: "action", entityId: "audit-a" }) { edges { node { seq action actorId actorEmail beforeHash afterHash prevHash hash } } } }`,
        {},
        admin.token,
      ),
    ).auditLog.edges.map((e: { node: unknown }) => e.node);
    expect(page.map((e: { action: string }) => e.action)).toEqual(['action.update', 'action.create']);
    const [update, create] = page;
    expect(create).toMatchObject({
      actorId: designer.id,
      actorEmail: designer.email,
      beforeHash: null,
      afterHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(update.beforeHash).toBe(create.afterHash);
    expect(update.afterHash).not.toBe(update.beforeHash);
    const previous = (
      await t.sql.query('SELECT hash FROM audit_log WHERE seq = $1', [Number(update.seq) - 1])
    ).rows[0].hash;
    expect(update.prevHash).toBe(previous);
    expect(ok(await t.gql(VERIFY, {}, reviewer.token)).verifyAuditChain).toMatchObject({
      valid: true,
      firstBrokenSeq: null,
    });
  });

  it('stays one linear chain when many writes happen at once', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => createAction(`parallel-${i}`)));
    expect(results.every((r) => !r.errors)).toBe(true);
    const seqs = (await t.sql.query('SELECT seq FROM audit_log ORDER BY seq')).rows.map((r) => Number(r.seq));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    const verification = ok(await t.gql(VERIFY, {}, admin.token)).verifyAuditChain;
    expect(verification).toMatchObject({ valid: true, checkedEntries: seqs.length });
  });

  it('lists every entity type, action and actor that occurs, for the filters, to admins and reviewers only', async () => {
    const facets = ok(
      await t.gql(`{ auditFacets { entityTypes actions actorIds } }`, {}, reviewer.token),
    ).auditFacets;
    expect(facets.entityTypes).toContain('action');
    expect(facets.actions).toEqual(expect.arrayContaining(['action.create', 'action.update']));
    expect(facets.actorIds).toContain(designer.id);
    expect(facets.actions).toEqual([...facets.actions].sort());
    expect(new Set(facets.actions).size).toBe(facets.actions.length);
    expect(errorCode(await t.gql(`{ auditFacets { actions } }`, {}, designer.token))).toBe('FORBIDDEN');
  });

  it('pages newest first with a cursor and filters by actor and action', async () => {
    const first = ok(
      await t.gql(
        `{ auditLog(page: { first: 3 }) { edges { node { seq } } pageInfo { hasNextPage endCursor } } }`,
        {},
        admin.token,
      ),
    ).auditLog;
    expect(first.edges).toHaveLength(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = ok(
      await t.gql(
        `query($a: String) { auditLog(page: { first: 3, after: $a }) { edges { node { seq } } } }`,
        { a: first.pageInfo.endCursor },
        admin.token,
      ),
    ).auditLog;
    expect(Number(next.edges[0].node.seq)).toBe(Number(first.edges[2].node.seq) - 1);
    const mine = ok(
      await t.gql(
        `query($id: ID) { auditLog(filter: { actorId: $id, action: "action.create" }, page: { first: 100 }) { edges { node { actorId action } } } }`,
        { id: designer.id },
        admin.token,
      ),
    ).auditLog;
    expect(mine.edges.length).toBe(13);
    expect(
      mine.edges.every(
        (e: { node: { actorId: string; action: string } }) =>
          e.node.actorId === designer.id && e.node.action === 'action.create',
      ),
    ).toBe(true);
    expect(
      errorCode(
        await t.gql(
          `{ auditLog(page: { first: 3, after: "garbage" }) { edges { cursor } } }`,
          {},
          admin.token,
        ),
      ),
    ).toBe('VALIDATION_FAILED');
  });

  it('a database trigger refuses UPDATE, DELETE and TRUNCATE of the audit log', async () => {
    await expect(t.sql.query(`UPDATE audit_log SET comment = 'x' WHERE seq = 1`)).rejects.toThrow(
      /append-only/,
    );
    await expect(t.sql.query(`DELETE FROM audit_log WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(t.sql.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });

  it('verifyAuditChain finds a row changed behind the trigger, and a deleted row', async () => {
    await t.sql.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await t.sql.query(`UPDATE audit_log SET actor_email = 'someone-else@test.local' WHERE seq = 5`);
    await t.sql.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    expect(ok(await t.gql(VERIFY, {}, admin.token)).verifyAuditChain).toMatchObject({
      valid: false,
      firstBrokenSeq: 5,
      checkedEntries: 4,
      reason: expect.stringMatching(/changed/),
    });

    // Recomputing the tampered entry's own HMAC (even knowing the key) does not help: the next entry's prev_hash gives it away.
    await t.sql.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    const row = (await t.sql.query('SELECT * FROM audit_log WHERE seq = 5')).rows[0];
    const rehash = entryHash(
      {
        seq: 5,
        occurredAt: row.occurred_at,
        actorId: row.actor_id,
        actorEmail: row.actor_email,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        beforeHash: row.before_hash,
        afterHash: row.after_hash,
        comment: row.comment,
        prevHash: row.prev_hash,
      },
      t.app.get<AppConfig>(APP_CONFIG).audit.hmacSecret,
    );
    await t.sql.query('UPDATE audit_log SET hash = $1 WHERE seq = 5', [rehash]);
    expect(ok(await t.gql(VERIFY, {}, admin.token)).verifyAuditChain).toMatchObject({
      valid: false,
      firstBrokenSeq: 6,
      reason: expect.stringMatching(/prev_hash/),
    });

    await t.sql.query(`DELETE FROM audit_log WHERE seq IN (5, 6)`);
    await t.sql.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    expect(ok(await t.gql(VERIFY, {}, admin.token)).verifyAuditChain).toMatchObject({
      valid: false,
      firstBrokenSeq: 5,
      reason: expect.stringMatching(/missing/),
    });
  });
});
