import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileStrategy, validateStrategy, type StrategyDocument } from '../src';
import {
  COLUMNS_PER_ROW,
  COUPON_CSV_COLUMNS,
  COUPON_MODELS,
  EXAMPLES,
  coupon,
  couponActionId,
  couponCsvRow,
  couponRowToInput,
  exampleEnvironment,
  LANE_HEIGHT,
  telcoRetention,
} from './index';

/** The shared data folder sits next to the repository root (the folder with nx.json). */
function sharedDataDir(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'nx.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return path.join(__dirname, '../../../../shared/data');
    dir = parent;
  }
  return path.join(dir, '..', 'shared', 'data');
}

const COUPON_CSV = path.join(
  sharedDataDir(),
  'uci-in-vehicle-coupon-recommendation',
  'in-vehicle-coupon-recommendation.csv',
);

describe.each(EXAMPLES.map((e) => [e.id, e] as const))('example %s', (_id, example) => {
  const env = exampleEnvironment(example);

  it('validates with no errors and no warnings', () => {
    expect(validateStrategy(example.document, env).problems).toEqual([]);
  });

  it('lays the graph out left to right, wrapping onto the next row instead of one long row', () => {
    const at = new Map(example.document.nodes.map((n) => [n.id, n.position!]));
    for (const node of example.document.nodes) expect(node.position).toBeDefined();
    // Each line goes right within a row, or on to a later row.
    for (const edge of example.document.edges) {
      const [from, to] = [at.get(edge.source)!, at.get(edge.target)!];
      expect(to.x > from.x || to.y > from.y + LANE_HEIGHT).toBe(true);
    }
    const columns = new Set(example.document.nodes.map((n) => n.position!.x));
    expect(columns.size).toBeLessThanOrEqual(COLUMNS_PER_ROW);
  });

  const strategy = compileStrategy(example.document, env);

  it.each(example.sampleInputs.map((s) => [s.name, s] as const))('decides for "%s"', (_name, sample) => {
    expect(sample.input.context?.now).toEqual(expect.any(String));
    const result = strategy.decide(sample.input, { trace: true });
    if (sample.expectedTopAction === null) expect(result.recommendations).toEqual([]);
    else if (sample.expectedTopAction !== undefined) {
      expect(result.recommendations[0]?.actionId).toBe(sample.expectedTopAction);
    }
    const traced = result.trace!.nodes.map((n) => n.nodeId).sort();
    expect(traced).toEqual(example.document.nodes.map((n) => n.id).sort());
    // Tracing must not change the decision.
    expect(strategy.decide(sample.input).recommendations).toEqual(result.recommendations);
  });
});

describe('examples', () => {
  it('have distinct ids and between 4 and 6 sample inputs each', () => {
    expect(new Set(EXAMPLES.map((e) => e.id)).size).toBe(EXAMPLES.length);
    for (const e of EXAMPLES) {
      expect(e.sampleInputs.length).toBeGreaterThanOrEqual(4);
      expect(e.sampleInputs.length).toBeLessThanOrEqual(6);
    }
  });
});

describe('telco retention', () => {
  const strategy = compileStrategy(telcoRetention.document, exampleEnvironment(telcoRetention));

  it('suppresses offers by the contact policy when the history says so', () => {
    const withHistory = telcoRetention.sampleInputs.filter((s) => s.input.history?.length);
    expect(withHistory.length).toBeGreaterThan(0);
    for (const sample of withHistory) {
      const policy = strategy
        .decide(sample.input, { trace: true })
        .trace!.nodes.find((n) => n.type === 'contactPolicy')!;
      expect(policy.dropped?.map((d) => d.actionId)).toEqual(
        expect.arrayContaining(['retention-call', 'fibre-upgrade', 'data-add-on']),
      );
      const without = strategy.decide({ ...sample.input, history: [] });
      expect(without.recommendations[0]?.actionId).not.toBe(sample.expectedTopAction);
    }
  });

  it('sends high churn risk customers down the response-model branch', () => {
    const [atRisk] = telcoRetention.sampleInputs;
    const split = strategy
      .decide(atRisk!.input, { trace: true })
      .trace!.nodes.find((n) => n.type === 'split')!;
    expect(split.branch).toBe('high-risk');
  });

  it('has actions in the retention, upsell and service groups on four channels', () => {
    expect(new Set(telcoRetention.actions.map((a) => a.group))).toEqual(
      new Set(['retention', 'upsell', 'service']),
    );
    expect(new Set(telcoRetention.actions.map((a) => a.channel))).toEqual(
      new Set(['call-center', 'email', 'app', 'sms']),
    );
  });
});

describe('coupon', () => {
  it('declares exactly the CSV columns except the offer and the answer as customer fields', () => {
    const offerAndAnswer = ['coupon', 'expiration', 'Y'];
    expect(coupon.schema.customer!.map((f) => f.name)).toEqual(
      COUPON_CSV_COLUMNS.filter((c) => !offerAndAnswer.includes(c)),
    );
  });

  it('offers the 5 coupon types × 2 expirations', () => {
    expect(coupon.actions).toHaveLength(10);
    const offers = coupon.actions.map((a) => `${a.attributes?.coupon} ${a.attributes?.expiration}`);
    expect(new Set(offers).size).toBe(10);
    for (const a of coupon.actions) {
      expect(
        couponActionId({
          coupon: String(a.attributes?.coupon),
          expiration: String(a.attributes?.expiration),
        }),
      ).toBe(a.id);
      expect(a.group).toBeDefined();
      expect(a.value).toBeGreaterThan(0);
    }
  });

  it('turns a CSV row into a typed input; empty cells are left out', () => {
    const row = couponCsvRow(
      'No Urgent Place,Alone,Sunny,55,2PM,Restaurant(<20),1d,Female,21,Unmarried partner,1,Some college - no degree,Unemployed,$37500 - $49999,,never,never,,4~8,1~3,1,0,0,0,1,1',
    );
    const { customer, context } = couponRowToInput(row, '2026-01-01T00:00:00Z');
    expect(customer).toMatchObject({
      temperature: 55,
      age: '21',
      has_children: 1,
      passanger: 'Alone',
      toCoupon_GEQ5min: 1,
    });
    expect(customer).not.toHaveProperty('car');
    expect(customer).not.toHaveProperty('CarryAway');
    for (const offerOrAnswer of ['coupon', 'expiration', 'Y'])
      expect(customer).not.toHaveProperty(offerOrAnswer);
    expect(context).toEqual({ now: '2026-01-01T00:00:00Z' });
  });

  const haveData = fs.existsSync(COUPON_CSV);
  (haveData ? describe : describe.skip)(
    haveData ? 'against the UCI CSV' : `against the UCI CSV — skipped: ${COUPON_CSV} not found`,
    () => {
      const rows = haveData
        ? fs
            .readFileSync(COUPON_CSV, 'utf8')
            .split(/\r?\n/)
            .slice(1)
            .filter((line) => line !== '')
            .map(couponCsvRow)
        : [];

      it('reads the file with the expected header and size', () => {
        const header = fs.readFileSync(COUPON_CSV, 'utf8').split(/\r?\n/, 1)[0]!.split(',');
        expect(header).toEqual([...COUPON_CSV_COLUMNS]);
        expect(rows).toHaveLength(12684);
      });

      it('lists exactly the values found in the data as allowed values', () => {
        for (const field of coupon.schema.customer!) {
          const found = new Set(rows.map((r) => r[field.name]).filter((v) => v !== ''));
          const declared = new Set((field.allowedValues ?? []).map(String));
          expect([field.name, [...found].sort()]).toEqual([field.name, [...declared].sort()]);
        }
      });

      // The engine scores every row with the strategy's own score node: log-loss against the answers.
      const scoring = scoringStrategy(coupon.document);
      const scored = haveData
        ? rows.map((row) => {
            const actionId = couponActionId(row)!;
            const rec = scoring
              .decide(couponRowToInput(row))
              .recommendations.find((r) => r.actionId === actionId);
            return { row, group: rec!.group!, p: rec!.propensity!, y: Number(row.Y) };
          })
        : [];

      it('predicts acceptance clearly better than the base rate (every 10th row)', () => {
        const sample = scored.filter((_, i) => i % 10 === 0);
        const rate = mean(sample.map((s) => s.y));
        const model = logLoss(sample.map((s) => [s.p, s.y]));
        const constant = logLoss(sample.map((s) => [rate, s.y]));
        expect(model).toBeLessThan(constant - 0.08);
        // Also better than knowing only each coupon type's acceptance rate.
        const rateOf = new Map(
          [...new Set(sample.map((s) => s.group))].map((g) => [
            g,
            mean(sample.filter((s) => s.group === g).map((s) => s.y)),
          ]),
        );
        expect(model).toBeLessThan(logLoss(sample.map((s) => [rateOf.get(s.group)!, s.y])) - 0.04);
      });

      it('scores the CSV exactly as the fitter reported (training log-loss and accuracy per group)', () => {
        for (const [group, fitted] of Object.entries(COUPON_MODELS.groups)) {
          const mine = scored.filter((s) => s.group === group);
          expect(mine).toHaveLength(fitted.training.rows);
          expect(logLoss(mine.map((s) => [s.p, s.y]))).toBeCloseTo(fitted.training.logLoss, 3);
          expect(mean(mine.map((s) => ((s.p >= 0.5 ? 1 : 0) === s.y ? 1 : 0)))).toBeCloseTo(
            fitted.training.accuracy,
            3,
          );
          expect(fitted.holdout.logLoss).toBeLessThan(fitted.holdout.baseLogLoss);
        }
      });
    },
  );
});

/** Catalog → the document's score node → output: every action comes out with its propensity. */
function scoringStrategy(document: StrategyDocument) {
  const score = document.nodes.find((n) => n.type === 'score')!;
  const doc: StrategyDocument = {
    schemaVersion: 1,
    nodes: [
      { id: 'all', type: 'actions', config: {} },
      { id: 'score', type: 'score', config: score.config },
      { id: 'output', type: 'output', config: {} },
    ],
    edges: [
      { source: 'all', target: 'score' },
      { source: 'score', target: 'output' },
    ],
  };
  return compileStrategy(doc, exampleEnvironment(coupon));
}

function logLoss(pairs: [number, number][]): number {
  return mean(pairs.map(([p, y]) => -(y ? Math.log(p) : Math.log(1 - p))));
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}
