import {
  auditCount,
  completeSimulation,
  createStrategy,
  INVALID_DOC,
  mutate,
  saveDraft,
  VALID_DOC,
  VALID_DOC_TOP1,
  versionRow,
  reviewComments,
} from './support/fixtures';
import { errorCode, ok, Role, useTestApp, useUser } from './support/test-app';

describe('version lifecycle', () => {
  const t = useTestApp();
  const designer = useUser(t, [Role.designer]);
  const designer2 = useUser(t, [Role.designer]);
  const reviewer = useUser(t, [Role.reviewer]);
  const publisher = useUser(t, [Role.publisher]);
  const designerReviewer = useUser(t, [Role.designer, Role.reviewer]);
  let n = 0;

  const strategy = (doc?: unknown) => createStrategy(t, designer.token, `Lifecycle ${++n}`, doc);

  /** A version in the given state, ready for the next step. */
  async function versionIn(status: 'DRAFT' | 'IN_REVIEW' | 'APPROVED' | 'PUBLISHED' | 'RETIRED') {
    const { strategyId, version } = await strategy();
    if (status === 'DRAFT') return { strategyId, version };
    ok(await mutate.submit(t, designer.token, version.id));
    if (status === 'IN_REVIEW') return { strategyId, version };
    await completeSimulation(t, version.contentHash);
    ok(await mutate.approve(t, reviewer.token, version.id));
    if (status === 'APPROVED') return { strategyId, version };
    ok(await mutate.publish(t, publisher.token, version.id));
    if (status === 'PUBLISHED') return { strategyId, version };
    ok(await mutate.retire(t, publisher.token, version.id));
    return { strategyId, version };
  }

  /** A second version of v1's strategy (VALID_DOC_TOP1), submitted, simulated and approved. */
  async function approvedSuccessor(v1Id: string) {
    const clone = ok(await mutate.clone(t, designer.token, v1Id)).cloneVersion;
    const saved = ok(await saveDraft(t, designer.token, clone.id, clone.revision, VALID_DOC_TOP1)).saveDraft
      .version;
    ok(await mutate.submit(t, designer.token, clone.id));
    await completeSimulation(t, saved.contentHash);
    ok(await mutate.approve(t, reviewer.token, clone.id));
    return { id: clone.id as string, clone, contentHash: saved.contentHash as string };
  }

  describe('allowed transitions', () => {
    it('DRAFT → IN_REVIEW → APPROVED → PUBLISHED → RETIRED, recording who and when', async () => {
      const { version } = await strategy();
      expect(ok(await mutate.submit(t, designer.token, version.id)).submitVersion.status).toBe('IN_REVIEW');
      await completeSimulation(t, version.contentHash);
      expect(
        ok(await mutate.approve(t, reviewer.token, version.id, 'looks good')).approveVersion.status,
      ).toBe('APPROVED');
      expect(ok(await mutate.publish(t, publisher.token, version.id)).publishVersion.status).toBe(
        'PUBLISHED',
      );
      expect(ok(await mutate.retire(t, publisher.token, version.id)).retireVersion.status).toBe('RETIRED');
      const row = (
        await t.sql.query(
          'SELECT submitted_by, approved_by, published_by, retired_at FROM strategy_versions WHERE id = $1',
          [version.id],
        )
      ).rows[0];
      expect(row).toMatchObject({
        submitted_by: designer.id,
        approved_by: reviewer.id,
        published_by: publisher.id,
        retired_at: expect.any(Date),
      });
      const actions = (
        await t.sql.query('SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY seq', [version.id])
      ).rows.map((r) => r.action);
      expect(actions).toEqual([
        'version.create',
        'version.submit',
        'version.approve',
        'version.publish',
        'version.retire',
      ]);
    });

    it('IN_REVIEW → DRAFT by reject, with the comment kept as a REJECTION comment; then fixed and resubmitted', async () => {
      const { version } = await versionIn('IN_REVIEW');
      const rejected = ok(
        await mutate.reject(t, reviewer.token, version.id, 'Please limit to the top 1'),
      ).rejectVersion;
      expect(rejected.status).toBe('DRAFT');
      const comments = await reviewComments(t, designer.token, version.id);
      expect(comments).toEqual([
        { kind: 'REJECTION', body: 'Please limit to the top 1', authorId: reviewer.id },
      ]);
      const saved = ok(
        await saveDraft(t, designer.token, version.id, rejected.revision, VALID_DOC_TOP1),
      ).saveDraft;
      expect(saved.version.contentHash).not.toBe(version.contentHash);
      expect(ok(await mutate.submit(t, designer.token, version.id)).submitVersion.status).toBe('IN_REVIEW');
    });

    it('publishing a new version retires the published one atomically; rollback re-publishes the earlier one', async () => {
      const { strategyId, version: v1 } = await versionIn('PUBLISHED');
      const v2 = await approvedSuccessor(v1.id);
      expect(v2.clone).toMatchObject({ number: 2, status: 'DRAFT', contentHash: v1.contentHash });
      ok(await mutate.publish(t, publisher.token, v2.id));
      const statuses = async () =>
        Object.fromEntries(
          (
            await t.sql.query('SELECT number, status FROM strategy_versions WHERE strategy_id = $1', [
              strategyId,
            ])
          ).rows.map((r) => [r.number, r.status]),
        );
      expect(await statuses()).toEqual({ 1: 'RETIRED', 2: 'PUBLISHED' });

      const publishedAt = async () =>
        (await t.sql.query('SELECT published_at, published_by FROM strategy_versions WHERE id = $1', [v1.id]))
          .rows[0];
      const firstPublished = await publishedAt();
      const noReason = await t.gql(
        `mutation($s: ID!, $v: ID!) { rollbackStrategy(strategyId: $s, toVersionId: $v) { id } }`,
        { s: strategyId, v: v1.id },
        publisher.token,
      );
      expect(noReason.errors?.[0]?.message).toMatch(/reason/);
      expect(await statuses()).toEqual({ 1: 'RETIRED', 2: 'PUBLISHED' });

      const rolledBack = ok(await mutate.rollback(t, publisher.token, strategyId, v1.id)).rollbackStrategy;
      expect(rolledBack.status).toBe('PUBLISHED');
      expect(await statuses()).toEqual({ 1: 'PUBLISHED', 2: 'RETIRED' });
      // It keeps the time (and publisher) of its first publication; the reason is in the audit log.
      expect(await publishedAt()).toEqual(firstPublished);
      const reason = (
        await t.sql.query(
          `SELECT comment FROM audit_log WHERE action = 'version.rollback' ORDER BY seq DESC LIMIT 1`,
        )
      ).rows[0];
      expect(reason.comment).toMatch(/reason: back to the earlier version$/);
      const published = ok(
        await t.gql(
          `query($id: ID!) { strategy(id: $id) { publishedVersion { number } } }`,
          { id: strategyId },
          reviewer.token,
        ),
      );
      expect(published.strategy.publishedVersion.number).toBe(1);
      const last = (
        await t.sql.query(`SELECT action, before_hash, after_hash FROM audit_log ORDER BY seq DESC LIMIT 1`)
      ).rows[0];
      expect(last).toEqual({
        action: 'version.rollback',
        before_hash: v2.contentHash,
        after_hash: v1.contentHash,
      });
    });

    it('rollback may also re-publish an APPROVED version older than the published one', async () => {
      const { strategyId, version: v1 } = await versionIn('APPROVED');
      const v2 = await approvedSuccessor(v1.id);
      ok(await mutate.publish(t, publisher.token, v2.id));
      expect(ok(await mutate.rollback(t, publisher.token, strategyId, v1.id)).rollbackStrategy.status).toBe(
        'PUBLISHED',
      );
    });

    it('clone works from every status and numbers the new draft after the newest', async () => {
      for (const status of ['DRAFT', 'IN_REVIEW', 'APPROVED', 'PUBLISHED', 'RETIRED'] as const) {
        const { version } = await versionIn(status);
        const clone = ok(await mutate.clone(t, designer2.token, version.id)).cloneVersion;
        // The clone's content was written by the source's author: they stay its editor (four eyes).
        expect(clone).toMatchObject({
          status: 'DRAFT',
          number: 2,
          createdBy: designer2.id,
          editors: [designer.id, designer2.id],
        });
      }
    });
  });

  describe('refused transitions name the allowed ones (INVALID_STATE) and change nothing', () => {
    const attempts = {
      submitVersion: (id: string) => mutate.submit(t, designer.token, id),
      approveVersion: (id: string) => mutate.approve(t, reviewer.token, id),
      rejectVersion: (id: string) => mutate.reject(t, reviewer.token, id, 'no'),
      publishVersion: (id: string) => mutate.publish(t, publisher.token, id),
      retireVersion: (id: string) => mutate.retire(t, publisher.token, id),
      saveDraft: async (id: string) =>
        saveDraft(t, designer.token, id, (await versionRow(t, id)).revision, VALID_DOC_TOP1),
    };
    const allowed: Record<string, string[]> = {
      DRAFT: ['saveDraft', 'submitVersion'],
      IN_REVIEW: ['approveVersion', 'rejectVersion'],
      APPROVED: ['publishVersion', 'rollbackStrategy'],
      PUBLISHED: ['retireVersion'],
      RETIRED: ['rollbackStrategy'],
    };

    for (const status of Object.keys(allowed) as (keyof typeof allowed)[]) {
      const refused = Object.keys(attempts).filter((op) => !allowed[status]!.includes(op));
      it(`${status}: refuses ${refused.join(', ')}`, async () => {
        const { version } = await versionIn(status as 'DRAFT');
        await completeSimulation(t, version.contentHash);
        for (const op of refused) {
          const before = await versionRow(t, version.id);
          const auditBefore = await auditCount(t);
          const res = await attempts[op as keyof typeof attempts](version.id);
          expect({ op, code: errorCode(res) }).toEqual({ op, code: 'INVALID_STATE' });
          expect(res.errors![0]!.extensions!.allowed).toEqual([...allowed[status]!, 'cloneVersion']);
          expect(await versionRow(t, version.id)).toEqual(before);
          expect(await auditCount(t)).toBe(auditBefore);
        }
      });
    }

    it('rollback refuses DRAFT, IN_REVIEW and PUBLISHED targets, and newer versions', async () => {
      for (const status of ['DRAFT', 'IN_REVIEW', 'PUBLISHED'] as const) {
        const { strategyId, version } = await versionIn(status);
        expect(errorCode(await mutate.rollback(t, publisher.token, strategyId, version.id))).toBe(
          'INVALID_STATE',
        );
      }
      const { strategyId, version: v1 } = await versionIn('PUBLISHED');
      const v2 = await approvedSuccessor(v1.id);
      const res = await mutate.rollback(t, publisher.token, strategyId, v2.id);
      expect(errorCode(res)).toBe('INVALID_STATE');
      expect(res.errors![0]!.extensions!.allowed).toEqual(['publishVersion']);
    });

    it('rollback refuses a version of another strategy with NOT_FOUND', async () => {
      const a = await versionIn('RETIRED');
      const b = await strategy();
      expect(errorCode(await mutate.rollback(t, publisher.token, b.strategyId, a.version.id))).toBe(
        'NOT_FOUND',
      );
    });

    it('unknown versions are NOT_FOUND', async () => {
      expect(errorCode(await mutate.submit(t, designer.token, '00000000-0000-4000-8000-000000000000'))).toBe(
        'NOT_FOUND',
      );
    });
  });

  describe('rules', () => {
    it('submit needs content without engine errors: VALIDATION_FAILED with every problem, nothing changes', async () => {
      ok(
        await t.gql(
          `mutation { defineSchemaField(input: { scope: customer, name: "age", type: number }) { name } }`,
          {},
          designer.token,
        ),
      );
      const { version } = await strategy(INVALID_DOC);
      const res = await mutate.submit(t, designer.token, version.id);
      expect(errorCode(res)).toBe('VALIDATION_FAILED');
      const details = res.errors![0]!.extensions!.details!;
      expect(details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            nodeId: 'adults',
            field: 'config.condition.all[0].path',
            code: 'unknown_field',
          }),
        ]),
      );
      expect((await versionRow(t, version.id)).status).toBe('DRAFT');
    });

    it('submit with a stale expectedRevision is a CONFLICT', async () => {
      const { version } = await strategy();
      ok(await saveDraft(t, designer.token, version.id, 1, VALID_DOC_TOP1));
      const res = await t.gql(
        `mutation($v: ID!) { submitVersion(versionId: $v, expectedRevision: 1) { id } }`,
        { v: version.id },
        designer.token,
      );
      expect(errorCode(res)).toBe('CONFLICT');
    });

    it('four eyes: the author cannot approve their own version, even holding the reviewer role', async () => {
      const { version } = await createStrategy(t, designerReviewer.token, `Four eyes ${++n}`);
      ok(await mutate.submit(t, designerReviewer.token, version.id));
      await completeSimulation(t, version.contentHash);
      const res = await mutate.approve(t, designerReviewer.token, version.id);
      expect(errorCode(res)).toBe('FORBIDDEN');
      expect(res.errors![0]!.extensions!['rule']).toBe('FOUR_EYES');
      expect((await versionRow(t, version.id)).status).toBe('IN_REVIEW');
      expect(ok(await mutate.approve(t, reviewer.token, version.id)).approveVersion.status).toBe('APPROVED');
    });

    it('four eyes: nobody who edited the version may approve it either', async () => {
      const { version } = await strategy();
      const saved = ok(await saveDraft(t, designerReviewer.token, version.id, 1, VALID_DOC_TOP1)).saveDraft
        .version;
      expect(saved.editors).toEqual([designer.id, designerReviewer.id]);
      ok(await mutate.submit(t, designer.token, version.id));
      await completeSimulation(t, saved.contentHash);
      expect(errorCode(await mutate.approve(t, designerReviewer.token, version.id))).toBe('FORBIDDEN');
    });

    it('four eyes through a clone: whoever wrote or edited the source may not approve the clone', async () => {
      // designerReviewer writes a draft, designer edits it; designer2 clones it and submits the clone unchanged.
      const { version } = await createStrategy(t, designerReviewer.token, `Clone four eyes ${++n}`);
      const edited = ok(await saveDraft(t, designer.token, version.id, 1, VALID_DOC_TOP1)).saveDraft.version;
      const clone = ok(await mutate.clone(t, designer2.token, version.id)).cloneVersion;
      expect(clone.createdBy).toBe(designer2.id);
      expect([...clone.editors].sort()).toEqual([designerReviewer.id, designer.id, designer2.id].sort());
      ok(await mutate.submit(t, designer2.token, clone.id));
      await completeSimulation(t, edited.contentHash);
      const res = await mutate.approve(t, designerReviewer.token, clone.id);
      expect(errorCode(res)).toBe('FORBIDDEN');
      expect(res.errors![0]!.extensions!['rule']).toBe('FOUR_EYES');
      // A clone of the clone still carries them.
      const again = ok(await mutate.clone(t, designer2.token, clone.id)).cloneVersion;
      expect(again.editors).toEqual(expect.arrayContaining([designerReviewer.id, designer.id]));
      expect((await versionRow(t, clone.id)).status).toBe('IN_REVIEW');
      expect(ok(await mutate.approve(t, reviewer.token, clone.id)).approveVersion.status).toBe('APPROVED');
    });

    it('approval needs a COMPLETED simulation of exactly this content hash', async () => {
      const { version } = await strategy({ ...VALID_DOC, description: 'content nobody simulated yet' });
      ok(await mutate.submit(t, designer.token, version.id));
      const noEvidence = await mutate.approve(t, reviewer.token, version.id);
      expect(errorCode(noEvidence)).toBe('INVALID_STATE');
      expect(noEvidence.errors![0]!.message).toMatch(/COMPLETED simulation/);
      await completeSimulation(t, 'f'.repeat(64)); // another content
      await completeSimulation(t, version.contentHash, 'RUNNING');
      await completeSimulation(t, version.contentHash, 'FAILED');
      expect(errorCode(await mutate.approve(t, reviewer.token, version.id))).toBe('INVALID_STATE');
      const simId = await completeSimulation(t, version.contentHash);
      expect(ok(await mutate.approve(t, reviewer.token, version.id)).approveVersion.status).toBe('APPROVED');
      const entry = (
        await t.sql.query(
          `SELECT comment FROM audit_log WHERE action = 'version.approve' AND entity_id = $1`,
          [version.id],
        )
      ).rows[0];
      expect(entry.comment).toContain(simId);
    });

    it('only one PUBLISHED version per strategy, even when two publishes race', async () => {
      const { strategyId, version: v1 } = await versionIn('APPROVED');
      const v2 = await approvedSuccessor(v1.id);
      const results = await Promise.all([
        mutate.publish(t, publisher.token, v1.id),
        mutate.publish(t, publisher.token, v2.id),
      ]);
      expect(results.every((r) => !r.errors)).toBe(true);
      const published = (
        await t.sql.query(
          `SELECT count(*)::int AS n FROM strategy_versions WHERE strategy_id = $1 AND status = 'PUBLISHED'`,
          [strategyId],
        )
      ).rows[0].n;
      expect(published).toBe(1);
      await expect(
        t.sql.query(`UPDATE strategy_versions SET status = 'PUBLISHED' WHERE strategy_id = $1`, [strategyId]),
      ).rejects.toThrow(/strategy_versions_one_published/);
    });

    it('content is frozen from submit on, in the database too', async () => {
      const { version } = await versionIn('PUBLISHED');
      await expect(
        t.sql.query(`UPDATE strategy_versions SET document = '{}' WHERE id = $1`, [version.id]),
      ).rejects.toThrow(/content is frozen/);
    });

    it('archived strategies get no new drafts; a strategy with a published version cannot be archived', async () => {
      const { strategyId, version } = await versionIn('PUBLISHED');
      const archive = (id: string) =>
        t.gql(`mutation($id: ID!) { archiveStrategy(id: $id) { archivedAt } }`, { id }, designer.token);
      const refused = await archive(strategyId);
      expect(errorCode(refused)).toBe('INVALID_STATE');
      expect(refused.errors![0]!.extensions!.allowed).toEqual(['retireVersion']);
      ok(await mutate.retire(t, publisher.token, version.id));
      expect(ok(await archive(strategyId)).archiveStrategy.archivedAt).toEqual(expect.any(String));
      expect(errorCode(await mutate.clone(t, designer.token, version.id))).toBe('INVALID_STATE');
    });
  });
});
