import { DecisionLogWriter, type DecisionRecord } from '../src/decision-log/decision-log.writer';
import { MetricsService } from '../src/metrics/metrics.service';
import { createApiKey, publishStrategy, rest } from './support/decision-api';
import { VALID_DOC, decisionRecord, createActions } from './support/fixtures';
import { Scenario } from './support/scenario';
import { Role, useTestApp } from './support/test-app';

/** Rows PostgreSQL refuses (issue 15, item 1) never stop the decision log: each is set aside, every other row is written. */
describe('decision log with values PostgreSQL cannot store', () => {
  const t = useTestApp();
  let writer: DecisionLogWriter;

  beforeAll(async () => {
    writer = t.app.get(DecisionLogWriter);
  });

  const record = (overrides: Partial<DecisionRecord> = {}): DecisionRecord =>
    decisionRecord({
      decidedAt: new Date('2026-12-01T10:00:00Z'),
      actions: [
        { actionId: 'offer-a', rank: 1 },
        { actionId: 'offer-b', rank: 2 },
      ],
      inputs: { customer: { id: 'x' }, context: {} },
      ...overrides,
    });

  const count = async (sql: string, params: unknown[] = []) =>
    Number((await t.sql.query(sql, params)).rows[0].n);
  const counter = async (name: string) =>
    (await t.app.get(MetricsService).registry.getSingleMetric(name)!.get()).values[0]?.value ?? 0;

  it('writes every good row and moves each refused one, with its reason, to the dead letters', async () => {
    const poison: [string, DecisionRecord][] = [
      [
        'lone surrogate in the inputs',
        record({ inputs: { customer: { id: 'x', name: 'broken \ud800 text' }, context: {} } }),
      ],
      ['NUL in the customer id', record({ customerId: 'c-\u0000-1' })],
      ['NUL in the channel of the shown rows', record({ channel: 'web\u0000' })],
      ['time before PostgreSQL’s range', record({ decidedAt: new Date('-010000-01-01T00:00:00Z') })],
      ['no time at all', record({ decidedAt: new Date('not a time') })],
    ];
    const good = Array.from({ length: 60 }, () => record());
    // Poison spread among the good rows, all in one flush.
    const all = [...good];
    poison.forEach(([, r], i) => all.splice(i * 13 + 3, 0, r));
    const deadBefore = await counter('arbiter_decision_log_rows_dead_lettered_total');
    for (const r of all) writer.append(r);
    await writer.flush();
    await writer.flush();

    expect(writer.pendingCount).toBe(0);
    const written = (
      await t.sql.query(`SELECT id FROM decision_log WHERE id = ANY($1::uuid[])`, [good.map((r) => r.id)])
    ).rows.map((r) => r.id);
    expect(written.sort()).toEqual(good.map((r) => r.id).sort());
    expect(
      await count(
        `SELECT count(*) AS n FROM interactions WHERE outcome = 'shown' AND decision_id = ANY($1::uuid[])`,
        [good.map((r) => r.id)],
      ),
    ).toBe(120);
    // Nothing of a refused decision is half-written.
    const poisonIds = poison.map(([, r]) => r.id);
    expect(
      await count(`SELECT count(*) AS n FROM decision_log WHERE id = ANY($1::uuid[])`, [poisonIds]),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM interactions WHERE decision_id = ANY($1::uuid[])`, [poisonIds]),
    ).toBe(0);

    const dead = (
      await t.sql.query(
        `SELECT decision_id, sqlstate, reason, record FROM decision_log_dead_letters WHERE decision_id = ANY($1)`,
        [poisonIds],
      )
    ).rows;
    expect(dead.map((d) => d.decision_id).sort()).toEqual([...poisonIds].sort());
    for (const d of dead) {
      expect(d.reason).not.toBe('');
      // The whole record is kept, readable as JSON.
      expect(JSON.parse(d.record).id).toBe(d.decision_id);
    }
    const byId = new Map(dead.map((d) => [d.decision_id, d]));
    expect(byId.get(poison[0]![1].id)!.sqlstate).toMatch(/^22/);
    expect(JSON.parse(byId.get(poison[1]![1].id)!.record).customerId).toBe('c-\u0000-1');
    expect(await counter('arbiter_decision_log_rows_dead_lettered_total')).toBe(deadBefore + poison.length);

    // The log goes on: later decisions are written as usual.
    const later = Array.from({ length: 5 }, () => record());
    for (const r of later) writer.append(r);
    await writer.flush();
    expect(
      await count(`SELECT count(*) AS n FROM decision_log WHERE id = ANY($1::uuid[])`, [
        later.map((r) => r.id),
      ]),
    ).toBe(5);
  });

  it('refuses a decision request whose context.now PostgreSQL cannot store, before deciding', async () => {
    const s = await new Scenario(t).init();
    await createActions(t, s.designer.token, [{ id: 'offer-a', name: 'Offer A' }]);
    const strategy = await publishStrategy(t, s, VALID_DOC);
    const key = (await createApiKey(t, (await t.user([Role.admin])).token)).secret;
    const before = await count(`SELECT count(*) AS n FROM decision_log`);
    const res = await rest(t, key).post('/api/v1/decisions', {
      strategy: strategy.strategyId,
      customer: { id: 'c-1' },
      context: { now: '+275760-09-13T00:00:00Z' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details[0].field).toBe('context.now');
    const fine = await rest(t, key).post('/api/v1/decisions', {
      strategy: strategy.strategyId,
      customer: { id: 'c-1' },
      context: { now: '2026-12-01T10:00:00Z' },
    });
    expect(fine.status).toBe(200);
    await writer.flush();
    expect(await count(`SELECT count(*) AS n FROM decision_log`)).toBe(before + 1);
  });
});
