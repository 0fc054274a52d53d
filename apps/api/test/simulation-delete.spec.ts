import { completeSimulation } from './support/fixtures';
import { useScenario } from './support/scenario';
import { errorCode, ok, Role, useTestApp, useUser } from './support/test-app';

const DELETE = `mutation($id: ID!) { deleteSimulation(id: $id) { id status } }`;

describe('deleting a simulation and its results', () => {
  const t = useTestApp();
  const s = useScenario(t);
  const analyst = useUser(t, [Role.analyst]);

  const chunks = async (id: string) =>
    (await t.sql.query('SELECT count(*)::int AS n FROM simulation_chunks WHERE simulation_id = $1', [id]))
      .rows[0].n;

  it('deletes a finished simulation with its chunk results, audited', async () => {
    const id = await completeSimulation(t, 'd'.repeat(64));
    await t.sql.query(
      `INSERT INTO simulation_chunks (simulation_id, chunk_no, rows, result) VALUES ($1, 0, 100, '{}'), ($1, 1, 100, '{}')`,
      [id],
    );
    expect(errorCode(await t.gql(DELETE, { id }, s.designer.token))).toBe('FORBIDDEN');
    expect(
      ok(await t.gql(`query($id: ID!) { simulation(id: $id) { deleteRefusal } }`, { id }, analyst.token)),
    ).toEqual({ simulation: { deleteRefusal: null } });
    expect(ok(await t.gql(DELETE, { id }, analyst.token)).deleteSimulation).toEqual({
      id,
      status: 'COMPLETED',
    });
    expect(
      errorCode(await t.gql(`query($id: ID!) { simulation(id: $id) { id } }`, { id }, analyst.token)),
    ).toBe('NOT_FOUND');
    expect(await chunks(id)).toBe(0);
    const audit = await t.sql.query(`SELECT action FROM audit_log WHERE entity_id = $1`, [id]);
    expect(audit.rows).toEqual([{ action: 'simulation.delete' }]);
    expect(errorCode(await t.gql(DELETE, { id }, analyst.token))).toBe('NOT_FOUND');
  });

  it('refuses while the simulation is queued or running: cancel it first', async () => {
    const id = await completeSimulation(t, 'e'.repeat(64), 'RUNNING');
    const res = await t.gql(DELETE, { id }, analyst.token);
    expect(errorCode(res)).toBe('INVALID_STATE');
    const refusal =
      'This simulation is RUNNING: cancel it first, then delete it. Allowed now: cancelSimulation.';
    expect(res.errors?.[0]?.message).toBe(refusal);
    // The simulation says so itself, so that the studio can disable its delete button with the reason.
    expect(
      ok(
        await t.gql(
          `query($id: ID!) { simulation(id: $id) { status deleteRefusal } }`,
          { id },
          analyst.token,
        ),
      ),
    ).toEqual({
      simulation: { status: 'RUNNING', deleteRefusal: refusal },
    });
  });

  it('keeps the evidence of a version in review, approved or published', async () => {
    const { version } = await s.approved();
    const evidence = (
      await t.sql.query<{ id: string }>(`SELECT id FROM simulations WHERE content_hash = $1`, [
        version.contentHash,
      ])
    ).rows[0]!.id;
    const res = await t.gql(DELETE, { id: evidence }, analyst.token);
    expect(errorCode(res)).toBe('INVALID_STATE');
    expect(res.errors?.[0]?.message).toMatch(/is evidence of version 1, which is APPROVED/);
    expect(
      ok(
        await t.gql(
          `query($id: ID!) { simulation(id: $id) { id deleteRefusal } }`,
          { id: evidence },
          analyst.token,
        ),
      ),
    ).toEqual({ simulation: { id: evidence, deleteRefusal: res.errors?.[0]?.message } });
  });
});
