import { Engine } from 'json-rules-engine';
import { compileStrategy } from '../src';
import { latencySync, pairedThroughput, round, throughputAsync, throughputSync } from './measure';
import {
  eligibilityStrategy,
  fullStrategy,
  handWritten,
  makeWorkload,
  ruleCondition,
  zenDecisionContent,
  type BenchCustomer,
} from './workload';
import { couponBatchThroughput } from './coupon-batch';
import { scaleBench } from './scale-bench';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { saveResults, printTable } = require('../../../tools/bench-results.js');

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);

/** Engine bench: the same 50 actions × 5 conditions through Arbiter, json-rules-engine, zen-engine and hand-written closures. */
export async function main(): Promise<void> {
  const { rules, actions, customers } = makeWorkload();
  const n = customers.length;
  const customerAt = (i: number): BenchCustomer => customers[i % n]!;
  const env = { actions };
  const full = compileStrategy(fullStrategy(actions, rules), env);
  const eligibility = compileStrategy(eligibilityStrategy(actions, rules), env);
  // The reference closures, as ARBITER_ENGINE_CODEGEN=0 runs them.
  const fullClosures = compileStrategy(fullStrategy(actions, rules), env, { codegen: false });
  const eligibilityClosures = compileStrategy(eligibilityStrategy(actions, rules), env, { codegen: false });
  const hand = handWritten(actions, rules);
  const context = { now: '2026-11-01T12:00:00Z' };

  const jre = new Engine([], { allowUndefinedFacts: true });
  actions.forEach((a, i) =>
    jre.addRule({ conditions: ruleCondition(rules[i]!), event: { type: a.id } } as never),
  );
  const jreEligible = async (c: BenchCustomer) => (await jre.run({ customer: c })).events.map((e) => e.type);

  const zen = await loadZen(actions, rules);

  // Every engine must agree before any figure is printed.
  for (let i = 0; i < 500; i++) {
    const c = customerAt(i);
    const ours = eligibility
      .decide({ customer: { ...c }, context })
      .recommendations.map((r) => r.actionId)
      .sort()
      .join();
    const handIds = hand
      .eligible(c)
      .map((x) => x.action.id)
      .sort()
      .join();
    const jreIds = (await jreEligible(c)).sort().join();
    if (ours !== handIds || ours !== jreIds)
      throw new Error(`engines disagree on customer ${c.id}: arbiter=${ours} hand=${handIds} jre=${jreIds}`);
    if (zen) {
      const zenIds = (await zen.eligible(c)).sort().join();
      if (zenIds !== ours) throw new Error(`zen-engine disagrees on customer ${c.id}: ${zenIds} vs ${ours}`);
    }
    const top = full
      .decide({ customer: { ...c }, context })
      .recommendations.map((r) => r.actionId)
      .join();
    const handTop = hand
      .decide(c)
      .map((r) => r.id)
      .join();
    if (top !== handTop) throw new Error(`top 3 differs on customer ${c.id}: arbiter=${top} hand=${handTop}`);
  }
  const eligibleShare = customers.slice(0, 1000).reduce((s, c) => s + hand.eligible(c).length, 0) / 1000;
  console.log(
    `workload: ${actions.length} actions × 5 conditions, ${n} customers (seed 42), ${eligibleShare.toFixed(1)} eligible actions per customer on average; all engines agree on 500 customers`,
  );

  const inputs = customers.map((c) => ({ customer: c as unknown as Record<string, unknown>, context }));
  // Ours and the hand-written ceiling in alternating rounds: the ratio holds on a loaded machine.
  const fullPair = pairedThroughput(
    (i) => full.decide(inputs[i % n]!),
    (i) => hand.decide(customerAt(i)),
    2 * SECONDS,
  );
  const eligibilityPair = pairedThroughput(
    (i) => eligibility.decide(inputs[i % n]!),
    (i) => hand.eligible(customerAt(i)),
    2 * SECONDS,
  );
  const arbiterFull = { opsPerSec: fullPair.a };
  const handFull = { opsPerSec: fullPair.b };
  const arbiterElig = { opsPerSec: eligibilityPair.a };
  const handElig = { opsPerSec: eligibilityPair.b };
  const latency = latencySync((i) => full.decide(inputs[i % n]!), 50_000);
  const closuresFull = throughputSync((i) => fullClosures.decide(inputs[i % n]!), SECONDS);
  const closuresElig = throughputSync((i) => eligibilityClosures.decide(inputs[i % n]!), SECONDS);
  const chunks = Array.from({ length: Math.floor(n / 1000) }, (_, i) =>
    inputs.slice(i * 1000, (i + 1) * 1000),
  );
  const batchPair = pairedThroughput(
    (i) => full.decideBatch(chunks[i % chunks.length]!),
    (i) => chunks[i % chunks.length]!.map((input) => full.decide(input)),
    SECONDS,
  );
  const jreElig = await throughputAsync((i) => jreEligible(customerAt(i)), SECONDS);
  const zenOne = zen ? await throughputAsync((i) => zen.eligible(customerAt(i)), SECONDS) : undefined;
  const zen64 = zen ? await throughputAsync((i) => zen.eligible(customerAt(i)), SECONDS, 64) : undefined;
  const coupon = await couponBatchThroughput(SECONDS);

  const ratio = arbiterFull.opsPerSec / jreElig.opsPerSec;
  /** A table row: decisions per second, as a multiple of json-rules-engine's and of the hand-written ceiling's. */
  const row = (workload: string, engine: string, opsPerSec: number, vsHand: number, handDigits = 2) => ({
    workload,
    engine,
    'decisions/s': round(opsPerSec),
    'vs json-rules-engine': `${round(opsPerSec / jreElig.opsPerSec, 1)}×`,
    'vs hand-written': `${round(vsHand, handDigits)}×`,
  });
  const fullWorkload = '(a) full';
  const eligibilityWorkload = '(b) eligibility only';
  const closures = 'Arbiter decide, closures (codegen: false)';
  const ceiling = 'hand-written closures (ceiling)';
  const rows = [
    row(
      `${fullWorkload}: eligibility + logistic + arbitrate + top 3`,
      'Arbiter decide',
      arbiterFull.opsPerSec,
      fullPair.ratio,
    ),
    row(fullWorkload, closures, closuresFull.opsPerSec, closuresFull.opsPerSec / handFull.opsPerSec),
    row(fullWorkload, ceiling, handFull.opsPerSec, 1),
    row(
      eligibilityWorkload,
      'json-rules-engine 7 (reference)',
      jreElig.opsPerSec,
      jreElig.opsPerSec / handElig.opsPerSec,
      4,
    ),
    row(eligibilityWorkload, 'Arbiter decide', arbiterElig.opsPerSec, eligibilityPair.ratio),
    row(eligibilityWorkload, closures, closuresElig.opsPerSec, closuresElig.opsPerSec / handElig.opsPerSec),
    row(eligibilityWorkload, ceiling, handElig.opsPerSec, 1),
    ...(zenOne && zen64
      ? [
          row(
            eligibilityWorkload,
            'zen-engine, awaited one at a time',
            zenOne.opsPerSec,
            zenOne.opsPerSec / handElig.opsPerSec,
            3,
          ),
          row(
            eligibilityWorkload,
            'zen-engine, 64 in flight',
            zen64.opsPerSec,
            zen64.opsPerSec / handElig.opsPerSec,
            3,
          ),
        ]
      : []),
  ];
  printTable(rows);
  console.log(
    '\n(a) "vs json-rules-engine" divides the full pipeline by json-rules-engine running the eligibility only (it has no scoring); (b) compares like with like.',
  );
  console.log(
    `decideBatch of 1,000 rows: ${round(batchPair.a * 1000)} decisions/s; a loop of decide: ${round(batchPair.b * 1000)} decisions/s (${round(batchPair.ratio, 2)}×)`,
  );
  console.log(
    `\nArbiter decide latency, full workload: p50 ${round(latency.p50, 1)} µs, p99 ${round(latency.p99, 1)} µs (50,000 calls, one core)`,
  );
  if (coupon)
    console.log(
      `decideBatch over the coupon dataset: ${round(coupon.rowsPerSec)} rows/s (${coupon.rows} rows × ${coupon.actions} actions, strategy "${coupon.strategy}")`,
    );

  const scale =
    process.env.BENCH_SCALE_ACTIONS === '0'
      ? undefined
      : await scaleBench(Number(process.env.BENCH_SCALE_ACTIONS ?? 10_000));
  if (scale) printTable(scale.rows);

  saveResults('engine', {
    eligibilityVsJre: round(arbiterElig.opsPerSec / jreElig.opsPerSec, 1),
    eligibilityVsHand: round(eligibilityPair.ratio, 3),
    fullVsHandFull: round(fullPair.ratio, 3),
    fullVsJreEligibility: round(ratio, 1),
    closuresEligibilityVsHand: round(closuresElig.opsPerSec / handElig.opsPerSec, 3),
    closuresFullVsHandFull: round(closuresFull.opsPerSec / handFull.opsPerSec, 3),
    decideBatchVsLoop: round(batchPair.ratio, 2),
    ...(scale ? { scale10k: scale.figures } : {}),
    decisionsPerSec: round(arbiterFull.opsPerSec),
    jsonRulesEngineDecisionsPerSec: round(jreElig.opsPerSec),
    ratioVsJsonRulesEngine: round(ratio, 1),
    p50Micros: round(latency.p50, 2),
    p99Micros: round(latency.p99, 2),
    eligibilityOnlyDecisionsPerSec: round(arbiterElig.opsPerSec),
    eligibilityOnlyRatioVsJsonRulesEngine: round(arbiterElig.opsPerSec / jreElig.opsPerSec, 1),
    handWrittenDecisionsPerSec: round(handFull.opsPerSec),
    ratioVsHandWritten: round(fullPair.ratio, 3),
    ...(zenOne && zen64
      ? {
          zenEngineDecisionsPerSec: round(zenOne.opsPerSec),
          zenEngine64InFlightDecisionsPerSec: round(zen64.opsPerSec),
        }
      : {}),
    ...(coupon ? { couponDecideBatchRowsPerSec: round(coupon.rowsPerSec) } : {}),
  });
}

async function loadZen(
  actions: Parameters<typeof zenDecisionContent>[0],
  rules: Parameters<typeof zenDecisionContent>[1],
) {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ZenEngine } = require('@gorules/zen-engine');
    const decision = new ZenEngine().createDecision(zenDecisionContent(actions, rules));
    return {
      eligible: async (c: BenchCustomer): Promise<string[]> => {
        const response = await decision.evaluate(c);
        return (response.result as { action: string }[]).map((r) => r.action);
      },
    };
  } catch (error) {
    console.log(`zen-engine not available (${(error as Error).message}); its rows are left out`);
    return undefined;
  }
}
