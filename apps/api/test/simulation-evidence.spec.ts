import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { readCsvFields } from '@arbiter/datasets';
import { uploadDataset, waitForSimulation } from './support/datasets';
import { createStrategy, createActions } from './support/fixtures';
import { RUN } from './support/simulations';
import { ok, Role, type TestUser, useTestApp } from './support/test-app';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const ROWS = 600;
const ages = Array.from({ length: ROWS }, (_, i) => i % 100);
const segments = Array.from({ length: ROWS }, (_, i) => ['gold', 'silver', 'bronze'][i % 3]!);

/** id, age 0–99 cycling, segment; the first customer id is a spreadsheet formula. */
function customers(): string {
  const lines = ['id,age,segment'];
  for (let i = 0; i < ROWS; i++)
    lines.push(`${i === 0 ? '"=HYPERLINK(""http://x"",""y"")"' : `c${i}`},${ages[i]},${segments[i]}`);
  return `${lines.join('\n')}\n`;
}

/** Adults only; the loan for gold customers only; the first offer by priority (no step sets one, so by id). */
const FIRST_OFFER = {
  schemaVersion: 1,
  nodes: [
    { id: 'offers', type: 'actions', label: 'All offers', config: {} },
    {
      id: 'eligibility',
      type: 'filter',
      label: 'Eligibility',
      config: {
        condition: {
          all: [{ fact: 'customer', path: '$.age', operator: 'greaterThanInclusive', value: 30 }],
        },
        byAction: {
          loan: { all: [{ fact: 'customer', path: '$.segment', operator: 'equal', value: 'gold' }] },
        },
      },
    },
    { id: 'first', type: 'rank', label: 'First offer', config: { by: 'priority', limit: 1 } },
    { id: 'output', type: 'output', label: 'Shown', config: {} },
  ],
  edges: [
    { source: 'offers', target: 'eligibility' },
    { source: 'eligibility', target: 'first' },
    { source: 'first', target: 'output' },
  ],
};

/** The survey rows offered "Coffee House, 1 day", without the coupon columns and without a customer id: one campaign, one offer. */
function coffeeCampaign(rows: number): { csv: string; y: number[]; coffeeHouse: string[] } {
  const file = join(
    __dirname,
    '../data/samples/uci-in-vehicle-coupon-recommendation/in-vehicle-coupon-recommendation.csv',
  );
  const [columns, ...records] = readCsvFields(readFileSync(file, 'utf8'));
  if (!columns) throw new Error('the coupon CSV is empty');
  const at = (name: string) => columns.indexOf(name);
  const keep = (cells: string[]) => cells.filter((_, i) => i !== at('coupon') && i !== at('expiration'));
  const chosen = records
    .filter((c) => c[at('coupon')] === 'Coffee House' && c[at('expiration')] === '1d')
    .slice(0, rows);
  return {
    csv: `${[keep(columns), ...chosen.map(keep)].map((c) => c.join(',')).join('\n')}\n`,
    y: chosen.map((c) => Number(c[at('Y')])),
    coffeeHouse: chosen.map((c) => c[at('CoffeeHouse')]!),
  };
}

/** The coffee coupon for anyone who ever goes to a coffee house, else the bar coupon (ids: coffee before restaurant). */
const COFFEE_FIRST = {
  schemaVersion: 1,
  nodes: [
    {
      id: 'coupons',
      type: 'actions',
      label: 'Coupons',
      config: { actionIds: ['coffee-house-1d', 'restaurant-lt20-1d'] },
    },
    {
      id: 'habits',
      type: 'filter',
      label: 'Habits',
      config: {
        byAction: {
          'coffee-house-1d': {
            all: [{ fact: 'customer', path: '$.CoffeeHouse', operator: 'notEqual', value: 'never' }],
          },
        },
      },
    },
    { id: 'best', type: 'rank', label: 'Best coupon', config: { by: 'priority', limit: 1 } },
    { id: 'output', type: 'output', config: {} },
  ],
  edges: [
    { source: 'coupons', target: 'habits' },
    { source: 'habits', target: 'best' },
    { source: 'best', target: 'output' },
  ],
};

describe('simulation evidence', () => {
  const t = useTestApp({ SIMULATION_CHUNK_SIZE: '250' });
  let analyst: TestUser;
  let designer: TestUser;
  let reviewer: TestUser;
  let simulation: { id: string; results: Json };

  const createAction = async (id: string, name: string, value: number) =>
    await createActions(t, designer.token, [{ id, name, value }]);
  const simulate = async (versionId: string, datasetId: string) => {
    const run = ok(await t.gql(RUN, { v: versionId, d: datasetId }, analyst.token)).runSimulation;
    const done = await waitForSimulation(t, analyst.token, run.id);
    expect(done.status).toBe('COMPLETED');
    return { id: run.id as string, results: done.results as Json };
  };
  const exportCsv = (id: string, token?: string) => {
    const req = request(t.app.getHttpServer()).get(`/api/v1/simulations/${id}/recommendations.csv`);
    if (token) req.set('authorization', `Bearer ${token}`);
    return req;
  };
  const csvLines = (text: string) => text.trimEnd().split('\r\n');

  beforeAll(async () => {
    [analyst, designer, reviewer] = await Promise.all([
      t.user([Role.analyst]),
      t.user([Role.designer]),
      t.user([Role.reviewer]),
    ]);
    await createAction('card', '=Gold card', 10);
    await createAction('loan', 'Personal loan', 20);
    const { version } = await createStrategy(t, designer.token, 'First offer', FIRST_OFFER);
    const upload = await uploadDataset(t, analyst.token, 'customers', customers(), {
      customerId: 'id',
      useCustomerSchema: false,
    });
    expect(upload.status).toBe(201);
    simulation = await simulate(version.id, upload.body.id);
  });

  describe('per-action funnel', () => {
    const adults = ages.filter((a) => a >= 30).length;
    const goldAdults = ages.filter((a, i) => a >= 30 && segments[i] === 'gold').length;
    const goldMinors = ages.filter((a, i) => a < 30 && segments[i] === 'gold').length;

    it('reports every action after each step, recommended and first, also one never recommended', () => {
      const { results } = simulation;
      // The loan is eligible after the filter for the gold adults but never survives the cut to one offer.
      expect(results.actions.map((a: Json) => a.actionId)).toEqual(['card']);
      expect(results.actionFunnel).toEqual({
        rows: ROWS,
        steps: [
          { nodeId: 'offers', type: 'actions', label: 'All offers' },
          { nodeId: 'eligibility', type: 'filter', label: 'Eligibility' },
          { nodeId: 'first', type: 'rank', label: 'First offer' },
          { nodeId: 'output', type: 'output', label: 'Shown' },
        ],
        actions: [
          {
            actionId: 'card',
            name: '=Gold card',
            out: [ROWS, adults, adults, adults],
            recommended: adults,
            first: adults,
          },
          {
            actionId: 'loan',
            name: 'Personal loan',
            out: [ROWS, goldAdults, 0, 0],
            recommended: 0,
            first: 0,
          },
        ],
      });
    });

    it('counts why candidates were dropped at each step, in words', () => {
      const nodes = new Map(simulation.results.nodes.map((n: Json) => [n.nodeId, n]));
      const minors = ROWS - adults;
      expect((nodes.get('eligibility') as Json).drops).toEqual({
        rows: ROWS,
        dropped: 2 * minors + (adults - goldAdults),
        reasons: [
          { reason: 'needs age ≥ 30', count: minors + goldMinors },
          { reason: 'rule for Personal loan: needs segment = "gold"', count: adults - goldAdults },
          {
            reason: 'needs age ≥ 30; rule for Personal loan: needs segment = "gold"',
            count: minors - goldMinors,
          },
        ].sort((a, b) => b.count - a.count),
        other: 0,
        complete: true,
      });
      expect((nodes.get('first') as Json).drops.reasons).toEqual([
        { reason: 'below the top 1 by priority', count: goldAdults },
      ]);
    });
  });

  describe('per-customer export', () => {
    it('streams one line per customer and recommended action, names beside ids, formulas neutralised', async () => {
      const res = await exportCsv(simulation.id, analyst.token)
        .buffer(true)
        .parse((r, done) => {
          let text = '';
          r.setEncoding('utf8');
          r.on('data', (c: string) => (text += c));
          r.on('end', () => done(null, text));
        });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="simulation-${simulation.id.slice(0, 8)}-customers.csv"`,
      );
      expect(res.headers['transfer-encoding']).toBe('chunked');
      const [header, ...lines] = csvLines(res.body as string);
      expect(header).toBe('row,customer_id,rank,action_name,action_id,propensity,priority');
      expect(lines).toHaveLength(ROWS);
      // Row 1: the formula customer id (age 0: no offer); row 31: c30, aged 30, gets the card.
      expect(lines[0]).toBe(`1,"'=HYPERLINK(""http://x"",""y"")",,,,,`);
      expect(lines[30]).toBe(`31,c30,1,"'=Gold card",card,,`);
      // The lines are the simulation's decisions: as many first cards as the results count.
      expect(lines.filter((l) => l.includes(',1,"\'=Gold card",card,')).length).toBe(
        simulation.results.actions[0].top,
      );
      // Exporting per-customer data is audited.
      const audit = await t.sql.query(
        `SELECT action, entity_id FROM audit_log WHERE action = 'simulation.export'`,
      );
      expect(audit.rows).toEqual([{ action: 'simulation.export', entity_id: simulation.id }]);
    });

    it('is for analysts and reviewers, signed in, and only for a completed simulation', async () => {
      expect((await exportCsv(simulation.id)).status).toBe(401);
      const designerRes = await exportCsv(simulation.id, designer.token);
      expect(designerRes.status).toBe(403);
      expect(designerRes.body.error.code).toBe('FORBIDDEN');
      expect((await exportCsv(simulation.id, reviewer.token)).status).toBe(200);
      const bad = await exportCsv('not-an-id', analyst.token);
      expect(bad.status).toBe(400);
      expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'id' }] });
      expect((await exportCsv('3f2b8c1e-9d4a-4b7e-8f21-5c6d7e8f9a0b', analyst.token)).body.error.code).toBe(
        'NOT_FOUND',
      );
      const failed = await t.sql.query(
        `INSERT INTO simulations (content_hash, dataset_id, status, version_id, rows_total, chunk_size, chunk_count)
         SELECT content_hash, dataset_id, 'FAILED', version_id, rows_total, chunk_size, chunk_count FROM simulations WHERE id = $1 RETURNING id`,
        [simulation.id],
      );
      const notDone = await exportCsv(failed.rows[0].id, analyst.token);
      expect(notDone.status).toBe(409);
      expect(notDone.body.error.code).toBe('INVALID_STATE');
      expect(notDone.body.error.message).toContain('only a COMPLETED simulation');
    });
  });

  describe('single-offer dataset', () => {
    const campaign = coffeeCampaign(300);
    const upload = (mapping: unknown) =>
      uploadDataset(t, analyst.token, 'Coffee campaign', campaign.csv, {
        useCustomerSchema: false,
        ...(mapping as object),
      });

    beforeAll(async () => {
      await createAction('coffee-house-1d', 'Coffee House, 1 day', 5);
      await createAction('restaurant-lt20-1d', 'Cheap restaurant, 1 day', 5);
    });

    it('was refused without a logged action column, and still is without the offered action', async () => {
      const res = await upload({ outcome: 'Y' });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('every row was offered the same action');
    });

    it('refuses an action that is not in the catalog, naming the field, and stores nothing', async () => {
      const before = (await t.sql.query(`SELECT count(*)::int AS n FROM datasets`)).rows[0].n;
      const res = await upload({ outcome: 'Y', offeredAction: 'tea-house-1d' });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.details).toEqual([
        { field: 'mapping.offeredAction', message: '"tea-house-1d" is not an action of the catalog' },
      ]);
      const both = await upload({ outcome: 'Y', loggedAction: 'Y', offeredAction: 'coffee-house-1d' });
      expect(both.body.error.details[0].field).toBe('mapping.offeredAction');
      expect((await t.sql.query(`SELECT count(*)::int AS n FROM datasets`)).rows[0].n).toBe(before);
    });

    it('gives replay and outcome figures when every row was offered one action, rows numbered without a customer id', async () => {
      const res = await upload({ outcome: 'Y', offeredAction: 'coffee-house-1d' });
      expect(res.status).toBe(201);
      expect(res.body.rowCount).toBe(300);
      expect(res.body.mapping).toMatchObject({
        offeredAction: 'coffee-house-1d',
        offeredActionName: 'Coffee House, 1 day',
        outcome: 'Y',
      });
      const { version } = await createStrategy(t, designer.token, 'Coffee first', COFFEE_FIRST);
      const run = await simulate(version.id, res.body.id);
      const top = run.results.offPolicy.top;
      const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
      const matched = campaign.y.filter((_, i) => campaign.coffeeHouse[i] !== 'never');
      expect(top.rows).toBe(300);
      expect(top.observed.value).toBeCloseTo(mean(campaign.y), 12);
      expect(top.matches).toBe(matched.length);
      expect(top.replay.value).toBeCloseTo(mean(matched), 12);
      const csv = await exportCsv(run.id, analyst.token);
      const lines = csvLines(csv.text);
      expect(lines[1]).toMatch(/^1,,1,/);
      expect(lines[300]).toMatch(/^300,,1,/);
    });
  });
});
