import { atLeast, pipelineDoc } from '../../apps/api/test/support/documents';
import { ok, startApi, type RunningApi } from './api-process';

const PASSWORD = 'e2e-demo-password';
const VERSION = 'id number status contentHash revision';

/** A version of the demo strategy with the demo catalog and schema: adults only, top `limit`. */
function strategyDocument(limit: number) {
  return {
    name: 'Story',
    ...pipelineDoc(
      { id: 'catalog', type: 'actions' },
      { id: 'adults', type: 'filter', config: { condition: atLeast('ageYears', 18) } },
      { id: 'top', type: 'rank', config: { by: 'priority', limit } },
      { id: 'output', type: 'output' },
    ),
  };
}

/**
 * The governance story through HTTP against the built API process: designer drafts → submits →
 * reviewer rejects with a comment → designer fixes → analyst simulates it on a demo dataset → reviewer
 * approves → publisher publishes → a second version replaces it → rollback.
 */
describe('governance story (e2e)', () => {
  let api: RunningApi;
  const token: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApi({ DEMO_SEED: 'true', DEMO_PASSWORD: PASSWORD });
    for (const role of ['designer', 'analyst', 'reviewer', 'publisher', 'admin']) {
      const res = ok(
        await api.gql(
          `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`,
          { e: `${role}@arbiter.local`, p: PASSWORD },
        ),
      );
      token[role] = res.login.accessToken;
    }
  });
  afterAll(() => api?.stop());

  /** runSimulation, then polls until the simulation leaves QUEUED/RUNNING. */
  async function simulate(versionId: string, datasetId: string, analyst: string) {
    const { id } = ok(
      await api.gql(
        `mutation($v: ID!, $d: ID!) { runSimulation(versionId: $v, datasetId: $d) { id } }`,
        { v: versionId, d: datasetId },
        analyst,
      ),
    ).runSimulation;
    for (
      const until = Date.now() + 90_000;
      Date.now() < until;
      await new Promise((r) => setTimeout(r, 250))
    ) {
      const sim = ok(
        await api.gql(
          `query($id: ID!) { simulation(id: $id) { id status contentHash results error } }`,
          { id },
          analyst,
        ),
      ).simulation;
      if (!['QUEUED', 'RUNNING'].includes(sim.status)) return sim;
    }
    throw new Error(`simulation ${id} did not finish within 90 s`);
  }

  it('prints the demo users and password at start-up', () => {
    expect(api.output()).toContain('designer@arbiter.local');
    expect(api.output()).toContain(`password for all of them: ${PASSWORD}`);
  });

  it('runs a version from draft to production and back', async () => {
    const { designer, analyst, reviewer, publisher, admin } = token as Record<string, string>;

    // Designer drafts: a new strategy, then an invalid save (kept, with problems), then a valid one, and submits.
    const created = ok(
      await api.gql(
        `mutation { createStrategy(input: { name: "Story", description: "e2e" }) { id versions { ${VERSION} } } }`,
        {},
        designer,
      ),
    ).createStrategy;
    const strategyId: string = created.id;
    const v1 = created.versions[0];
    const save = (versionId: string, expectedRevision: number, document: unknown) =>
      api.gql(
        `mutation($i: SaveDraftInput!) { saveDraft(input: $i) { valid problems { code } version { ${VERSION} } } }`,
        { i: { versionId, expectedRevision, document } },
        designer,
      );
    const broken = await save(v1.id, v1.revision, { ...strategyDocument(1), edges: [] });
    expect(broken.data!.saveDraft.valid).toBe(false);
    expect(broken.errors![0]!.extensions!['code']).toBe('VALIDATION_FAILED');
    const saved = ok(await save(v1.id, broken.data!.saveDraft.version.revision, strategyDocument(1)))
      .saveDraft.version;
    const submitted = ok(
      await api.gql(
        `mutation($v: ID!) { submitVersion(versionId: $v) { ${VERSION} } }`,
        { v: v1.id },
        designer,
      ),
    ).submitVersion;
    expect(submitted.status).toBe('IN_REVIEW');

    // Reviewer rejects with a comment; the designer reads it, fixes and resubmits.
    ok(
      await api.gql(
        `mutation($v: ID!) { rejectVersion(versionId: $v, comment: "Show the top 2, not just 1") { status } }`,
        { v: v1.id },
        reviewer,
      ),
    );
    const comments = ok(
      await api.gql(`query($v: ID!) { comments(versionId: $v) { kind body } }`, { v: v1.id }, designer),
    ).comments;
    expect(comments).toEqual([{ kind: 'REJECTION', body: 'Show the top 2, not just 1' }]);
    const draft = ok(
      await api.gql(`query($v: ID!) { version(id: $v) { ${VERSION} } }`, { v: v1.id }, designer),
    ).version;
    expect(draft.status).toBe('DRAFT');
    const fixed = ok(await save(v1.id, draft.revision, strategyDocument(2))).saveDraft.version;
    expect(fixed.contentHash).not.toBe(saved.contentHash);
    ok(
      await api.gql(`mutation($v: ID!) { submitVersion(versionId: $v) { status } }`, { v: v1.id }, designer),
    );

    // The designer tries a decision; without evidence the reviewer cannot approve yet.
    const decision = ok(
      await api.gql(
        `query($i: TestDecisionInput!) { testDecision(input: $i) { recommendations trace } }`,
        { i: { versionId: v1.id, input: { customer: { ageYears: 30 } } } },
        designer,
      ),
    ).testDecision;
    expect(decision.recommendations).toHaveLength(2);
    const early = await api.gql(
      `mutation($v: ID!) { approveVersion(versionId: $v) { status } }`,
      { v: v1.id },
      reviewer,
    );
    expect(early.errors![0]!.extensions!['code']).toBe('INVALID_STATE');

    // The analyst simulates exactly this content on a demo dataset; it becomes the reviewer's evidence.
    const datasets: { id: string; name: string; status: string; rowCount: number }[] = ok(
      await api.gql(`{ datasets { id name status rowCount } }`, {}, analyst),
    ).datasets;
    const dataset = datasets.filter((d) => d.status === 'READY').sort((a, b) => a.rowCount - b.rowCount)[0]!;
    expect(dataset.rowCount).toBeGreaterThan(0);
    const simulated = await simulate(v1.id, dataset.id, analyst);
    expect(simulated).toMatchObject({
      status: 'COMPLETED',
      contentHash: fixed.contentHash,
      results: { rows: dataset.rowCount },
    });
    const sims = ok(
      await api.gql(
        `query($h: String!) { simulations(contentHash: $h) { id status dataset { name } } }`,
        { h: fixed.contentHash },
        reviewer,
      ),
    ).simulations;
    expect(sims).toEqual([{ id: simulated.id, status: 'COMPLETED', dataset: { name: dataset.name } }]);

    // Reviewer approves, publisher publishes.
    expect(
      ok(
        await api.gql(
          `mutation($v: ID!) { approveVersion(versionId: $v, comment: "Simulation looks right") { status } }`,
          { v: v1.id },
          reviewer,
        ),
      ).approveVersion.status,
    ).toBe('APPROVED');
    expect(
      ok(
        await api.gql(
          `mutation($v: ID!) { publishVersion(versionId: $v) { status } }`,
          { v: v1.id },
          publisher,
        ),
      ).publishVersion.status,
    ).toBe('PUBLISHED');

    // Version 2 replaces it.
    const v2 = ok(
      await api.gql(
        `mutation($v: ID!) { cloneVersion(versionId: $v) { ${VERSION} } }`,
        { v: v1.id },
        designer,
      ),
    ).cloneVersion;
    const v2saved = ok(await save(v2.id, v2.revision, strategyDocument(3))).saveDraft.version;
    ok(
      await api.gql(`mutation($v: ID!) { submitVersion(versionId: $v) { status } }`, { v: v2.id }, designer),
    );
    const diff = ok(
      await api.gql(
        `query($a: ID!, $b: ID!) { diff(fromVersionId: $a, toVersionId: $b) { nodes { changed { id changes { field beforeText afterText } } } } }`,
        { a: v1.id, b: v2.id },
        reviewer,
      ),
    ).diff;
    expect(diff.nodes.changed).toEqual([
      { id: 'top', changes: [expect.objectContaining({ field: 'config.limit' })] },
    ]);
    expect(await simulate(v2.id, dataset.id, analyst)).toMatchObject({
      status: 'COMPLETED',
      contentHash: v2saved.contentHash,
    });
    ok(
      await api.gql(`mutation($v: ID!) { approveVersion(versionId: $v) { status } }`, { v: v2.id }, reviewer),
    );
    ok(
      await api.gql(
        `mutation($v: ID!) { publishVersion(versionId: $v) { status } }`,
        { v: v2.id },
        publisher,
      ),
    );
    const statuses = async () =>
      ok(
        await api.gql(
          `query($id: ID!) { strategy(id: $id) { publishedVersion { number } versions { number status } } }`,
          { id: strategyId },
          publisher,
        ),
      ).strategy;
    expect((await statuses()).versions).toEqual([
      { number: 2, status: 'PUBLISHED' },
      { number: 1, status: 'RETIRED' },
    ]);

    // Rollback: version 1 is live again.
    ok(
      await api.gql(
        `mutation($s: ID!, $v: ID!) { rollbackStrategy(strategyId: $s, toVersionId: $v, reason: "back to the earlier version") { status } }`,
        { s: strategyId, v: v1.id },
        publisher,
      ),
    );
    const after = await statuses();
    expect(after.publishedVersion).toEqual({ number: 1 });
    expect(after.versions).toEqual([
      { number: 2, status: 'RETIRED' },
      { number: 1, status: 'PUBLISHED' },
    ]);

    // Every step is in the audit log, and the chain holds.
    const log = ok(
      await api.gql(
        `query($id: String) { auditLog(filter: { entityId: $id }, page: { first: 50 }) { edges { node { action actorEmail } } } }`,
        { id: v1.id },
        admin,
      ),
    ).auditLog;
    expect(log.edges.map((e: { node: { action: string } }) => e.node.action).reverse()).toEqual([
      'version.create',
      'version.save',
      'version.save',
      'version.submit',
      'version.reject',
      'version.save',
      'version.submit',
      'version.approve',
      'version.publish',
      'version.retire',
      'version.rollback',
    ]);
    expect(
      ok(await api.gql(`{ verifyAuditChain { valid checkedEntries } }`, {}, admin)).verifyAuditChain.valid,
    ).toBe(true);
  });
});
