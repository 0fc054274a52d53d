import { createStrategy, mutate, saveDraft, VALID_DOC } from './support/fixtures';
import { useScenario } from './support/scenario';
import { errorCode, ok, Role, useTestApp, useUser } from './support/test-app';

/** The reviewer's view (issue 16, item 6): the versions waiting for this reviewer, four eyes applied. */
describe('review queue', () => {
  const t = useTestApp();
  const s = useScenario(t);
  const both = useUser(t, [Role.designer, Role.reviewer], 'designer-and-reviewer');
  /** Designs and reviews: must never find their own work in their queue. */

  const QUEUE = `{ reviewQueue { strategy { id name description } version { id number status submittedBy evidence { id } } } }`;
  const queue = async (token: string) =>
    ok(await t.gql(QUEUE, {}, token)).reviewQueue as {
      strategy: { id: string; name: string; description: string | null };
      version: { id: string; number: number };
    }[];

  it('lists the versions in review this reviewer may approve, longest waiting first, with the strategy', async () => {
    const created = ok(
      await t.gql(
        `mutation($i: CreateStrategyInput!) { createStrategy(input: $i) { id versions { id } } }`,
        {
          i: {
            name: 'Retention',
            description: 'Keeps customers who are about to leave',
            document: VALID_DOC,
          },
        },
        s.designer.token,
      ),
    ).createStrategy;
    ok(await mutate.submit(t, s.designer.token, created.versions[0].id));
    const second = await s.inReview();
    // Written by the designer-reviewer: waits for someone else.
    const own = await createStrategy(t, both.token, s.unique('Own'), s.uniqueDoc());
    ok(await mutate.submit(t, both.token, own.version.id));
    // Edited by the designer-reviewer (a draft someone else created): four eyes keep it out of their queue too.
    const edited = await s.draft();
    const saved = ok(
      await saveDraft(t, both.token, edited.version.id, edited.version.revision, s.uniqueDoc()),
    ).saveDraft.version;
    ok(await mutate.submit(t, s.designer.token, saved.id));
    // Not waiting: a draft, and a version of an archived strategy.
    await s.draft();
    const archived = await s.inReview();
    await t.sql.query(`UPDATE strategies SET archived_at = now() WHERE id = $1`, [archived.strategyId]);

    const waiting = await queue(s.reviewer.token);
    expect(waiting.map((i) => i.version.id)).toEqual([
      created.versions[0].id,
      second.version.id,
      own.version.id,
      saved.id,
    ]);
    expect(waiting[0]).toMatchObject({
      strategy: { id: created.id, name: 'Retention', description: 'Keeps customers who are about to leave' },
      version: { number: 1, status: 'IN_REVIEW', submittedBy: s.designer.id, evidence: [] },
    });
    expect((await queue(both.token)).map((i) => i.version.id)).toEqual([
      created.versions[0].id,
      second.version.id,
    ]);
  });

  it('drops a version once it is decided', async () => {
    const { version } = await s.inReview();
    expect((await queue(s.reviewer.token)).map((i) => i.version.id)).toContain(version.id);
    ok(await mutate.reject(t, s.reviewer.token, version.id, 'Explain the second rule'));
    expect((await queue(s.reviewer.token)).map((i) => i.version.id)).not.toContain(version.id);
  });

  it('is for reviewers only', async () => {
    expect(errorCode(await t.gql(QUEUE, {}, s.designer.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(QUEUE, {}))).toBe('UNAUTHENTICATED');
  });
});
