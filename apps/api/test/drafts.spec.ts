import {
  auditCount,
  createStrategy,
  INVALID_DOC,
  saveDraft,
  VALID_DOC,
  VALID_DOC_TOP1,
  versionRow,
  defineCustomerFields,
  createActions,
} from './support/fixtures';
import { errorCode, ok, Role, useTestApp, useUser } from './support/test-app';

describe('drafts, decisions, comments and diff', () => {
  const t = useTestApp();
  const designer = useUser(t, [Role.designer]);
  const other = useUser(t, [Role.designer]);
  const analyst = useUser(t, [Role.analyst]);
  let n = 0;

  beforeAll(async () => {
    await defineCustomerFields(t, designer.token, [{ name: 'age', type: 'number' }]);
    await createActions(
      t,
      designer.token,
      [
        ['card', 100],
        ['loan', 300],
        ['insurance', 50],
      ].map(([id, value]) => ({ id, name: id, group: 'retail', value })),
    );
  });

  it('creates a strategy with a starter draft when no document is given', async () => {
    const res = ok(
      await t.gql(
        `mutation { createStrategy(input: { name: "Starter" }) { name versions { number status document } } }`,
        {},
        designer.token,
      ),
    );
    expect(res.createStrategy.versions).toEqual([
      { number: 1, status: 'DRAFT', document: expect.objectContaining({ schemaVersion: 1 }) },
    ]);
    const valid = ok(
      await t.gql(
        `query($v: ID!) { validateVersion(versionId: $v) { valid problems { code } } }`,
        {
          v: (await t.sql.query(`SELECT id FROM strategy_versions ORDER BY created_at DESC LIMIT 1`)).rows[0]
            .id,
        },
        designer.token,
      ),
    );
    expect(valid.validateVersion).toEqual({ valid: true, problems: [] });
  });

  it('refuses a second strategy with the same name (any case) with CONFLICT', async () => {
    ok(await t.gql(`mutation { createStrategy(input: { name: "Unique name" }) { id } }`, {}, designer.token));
    expect(
      errorCode(
        await t.gql(`mutation { createStrategy(input: { name: "unique NAME" }) { id } }`, {}, designer.token),
      ),
    ).toBe('CONFLICT');
  });

  it('saves an invalid draft all the same and reports every problem as VALIDATION_FAILED details', async () => {
    const { version } = await createStrategy(t, designer.token, `Drafts ${++n}`);
    const res = await saveDraft(t, designer.token, version.id, 1, INVALID_DOC);
    expect(res.data!.saveDraft.version).toMatchObject({ revision: 2, document: INVALID_DOC });
    expect(res.data!.saveDraft.valid).toBe(false);
    expect(res.data!.saveDraft.problems).toBeNull();
    expect(errorCode(res)).toBe('VALIDATION_FAILED');
    expect(res.errors![0]!.path).toEqual(['saveDraft', 'problems']);
    const details = res.errors![0]!.extensions!.details!;
    expect(details).toEqual(
      expect.arrayContaining([
        {
          field: 'config.condition.all[0].path',
          nodeId: 'adults',
          code: 'unknown_field',
          message: expect.stringContaining('agee'),
        },
        expect.objectContaining({ code: 'output_count' }),
      ]),
    );
    expect((await versionRow(t, version.id)).document).toEqual(INVALID_DOC);
    // Valid again: no error; problems lists the warnings only.
    const fixed = await saveDraft(t, designer.token, version.id, 2, VALID_DOC_TOP1);
    expect(fixed.errors).toBeUndefined();
    expect(fixed.data!.saveDraft).toMatchObject({
      valid: true,
      problems: [{ code: 'field_not_set', severity: 'warning', nodeId: 'top' }],
    });
  });

  it('two clients saving the same revision at once: one wins, the other gets CONFLICT and nothing is lost', async () => {
    const { version } = await createStrategy(t, designer.token, `Drafts ${++n}`);
    const mine = { ...VALID_DOC, description: 'mine' };
    const theirs = { ...VALID_DOC, description: 'theirs' };
    const [a, b] = await Promise.all([
      saveDraft(t, designer.token, version.id, 1, mine),
      saveDraft(t, other.token, version.id, 1, theirs),
    ]);
    const winner = a.errors ? b : a;
    const loser = a.errors ? a : b;
    expect(errorCode(loser)).toBe('CONFLICT');
    expect(loser.errors![0]!.extensions!['currentRevision']).toBe(2);
    const row = await versionRow(t, version.id);
    expect(row.revision).toBe(2);
    expect(row.document).toEqual(winner.data!.saveDraft.version.document);
    // The loser reloads and saves on top: both edits are in the history of saves, none overwritten blindly.
    const retried = await saveDraft(
      t,
      loser === a ? designer.token : other.token,
      version.id,
      2,
      loser === a ? mine : theirs,
    );
    expect(retried.data!.saveDraft.version.revision).toBe(3);
    const saves = (
      await t.sql.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'version.save' AND entity_id = $1`,
        [version.id],
      )
    ).rows[0].n;
    expect(saves).toBe(2);
  });

  it('a stale expectedRevision is a CONFLICT and writes nothing', async () => {
    const { version } = await createStrategy(t, designer.token, `Drafts ${++n}`);
    ok(await saveDraft(t, designer.token, version.id, 1, VALID_DOC_TOP1));
    const before = await versionRow(t, version.id);
    const audit = await auditCount(t);
    expect(errorCode(await saveDraft(t, other.token, version.id, 1, INVALID_DOC))).toBe('CONFLICT');
    expect(await versionRow(t, version.id)).toEqual(before);
    expect(await auditCount(t)).toBe(audit);
  });

  it('testDecision runs the engine with a trace and writes nothing', async () => {
    const { version } = await createStrategy(t, designer.token, `Drafts ${++n}`, VALID_DOC_TOP1);
    const audit = await auditCount(t);
    const res = ok(
      await t.gql(
        `query($i: TestDecisionInput!) { testDecision(input: $i) { contentHash recommendations trace } }`,
        {
          i: {
            versionId: version.id,
            input: { customer: { age: 30 }, context: { now: '2026-01-01T00:00:00Z' } },
          },
        },
        analyst.token,
      ),
    );
    expect(res.testDecision.contentHash).toBe(version.contentHash);
    expect(res.testDecision.recommendations).toHaveLength(1);
    expect(res.testDecision.trace.path).toEqual(['candidates', 'top', 'output']);
    expect(await auditCount(t)).toBe(audit);
  });

  it('testDecision on an invalid draft is VALIDATION_FAILED with the problems; bad input too', async () => {
    const { version } = await createStrategy(t, designer.token, `Drafts ${++n}`, INVALID_DOC);
    const res = await t.gql(
      `query($i: TestDecisionInput!) { testDecision(input: $i) { contentHash } }`,
      { i: { versionId: version.id, input: { customer: {} } } },
      designer.token,
    );
    expect(errorCode(res)).toBe('VALIDATION_FAILED');
    expect(res.errors![0]!.extensions!.details!.some((d) => d.nodeId === 'adults')).toBe(true);
    const bad = await t.gql(
      `query($i: TestDecisionInput!) { testDecision(input: $i) { contentHash } }`,
      { i: { versionId: version.id, input: { customer: 'x' } } },
      designer.token,
    );
    expect(errorCode(bad)).toBe('VALIDATION_FAILED');
    expect(bad.errors![0]!.extensions!.details![0]!.field).toBe('input.input.customer');
    // Checked against the declared schema too: age is a number.
    const { version: valid } = await createStrategy(t, designer.token, `Drafts ${++n}`, VALID_DOC_TOP1);
    const wrongType = await t.gql(
      `query($i: TestDecisionInput!) { testDecision(input: $i) { contentHash } }`,
      { i: { versionId: valid.id, input: { customer: { age: 'old' } } } },
      designer.token,
    );
    expect(errorCode(wrongType)).toBe('VALIDATION_FAILED');
    expect(wrongType.errors![0]!.extensions!.details![0]!.field).toBe('input.input.customer.age');
  });

  it('comments per version and per node; node ids are checked', async () => {
    const { version } = await createStrategy(t, designer.token, `Drafts ${++n}`, VALID_DOC_TOP1);
    const add = (nodeId: string | null, body: string) =>
      t.gql(
        `mutation($i: AddCommentInput!) { addComment(input: $i) { id nodeId body kind authorId } }`,
        { i: { versionId: version.id, nodeId, body } },
        analyst.token,
      );
    ok(await add(null, 'Overall fine'));
    ok(await add('top', 'Why only one?'));
    expect(errorCode(await add('nope', 'x'))).toBe('VALIDATION_FAILED');
    const all = ok(
      await t.gql(
        `query($v: ID!) { comments(versionId: $v) { nodeId body } }`,
        { v: version.id },
        designer.token,
      ),
    ).comments;
    expect(all).toEqual([
      { nodeId: null, body: 'Overall fine' },
      { nodeId: 'top', body: 'Why only one?' },
    ]);
    const onNode = ok(
      await t.gql(
        `query($v: ID!) { comments(versionId: $v, nodeId: "top") { body } }`,
        { v: version.id },
        designer.token,
      ),
    ).comments;
    expect(onNode).toEqual([{ body: 'Why only one?' }]);
  });

  it("diff shows nodes and edges added, removed and changed, using the engine's diff", async () => {
    const { version: v1 } = await createStrategy(t, designer.token, `Drafts ${++n}`, VALID_DOC_TOP1);
    const v2 = ok(
      await t.gql(
        `mutation($v: ID!) { cloneVersion(versionId: $v) { id revision } }`,
        { v: v1.id },
        designer.token,
      ),
    ).cloneVersion;
    const changed = structuredClone(VALID_DOC_TOP1);
    changed.nodes[1]!.config = { by: 'priority', limit: 3 };
    ok(await saveDraft(t, designer.token, v2.id, v2.revision, changed));
    const diff = ok(
      await t.gql(
        `query($a: ID!, $b: ID!) { diff(fromVersionId: $a, toVersionId: $b) { unchanged nodes { added { id } removed { id } changed { id changes { field beforeText afterText before after } } } edges { added { source target } removed { source target } } } }`,
        { a: v1.id, b: v2.id },
        designer.token,
      ),
    ).diff;
    expect(diff.unchanged).toBe(false);
    expect(diff.nodes.added).toEqual([]);
    expect(diff.nodes.changed).toEqual([
      { id: 'top', changes: [expect.objectContaining({ field: 'config.limit', before: 1, after: 3 })] },
    ]);
    const same = ok(
      await t.gql(
        `query($a: ID!) { diff(fromVersionId: $a, toVersionId: $a) { unchanged } }`,
        { a: v1.id },
        designer.token,
      ),
    ).diff;
    expect(same.unchanged).toBe(true);
  });
});
