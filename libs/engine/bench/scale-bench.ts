import { Engine } from 'json-rules-engine';
import { compileCached, compileStrategy, validateStrategy, type DecisionInput } from '../src';
import { round } from './measure';
import {
  makeScaleWorkload,
  scaleCondition,
  scaleStrategy,
  zenScaleContent,
  type ScaleCustomer,
  type ScaleRule,
} from './workload';
import type { ActionDefinition } from '../src/catalog/action';

const CONTEXT = { now: '2026-11-01T12:00:00Z' };
const gc = (globalThis as { gc?: () => void }).gc;

/**
 * The scale case: 10,000 actions × 5–10 conditions (seeded), the full pipeline (eligibility, logistic
 * score, arbitration, top 3). Compile, heap, decide latency over 2,000 customers, a traced decision,
 * compileCached; then the eligibility alone against json-rules-engine and zen-engine.
 */
export async function scaleBench(actionCount = 10_000, customerCount = 2_000) {
  const { rules, actions, customers } = makeScaleWorkload(actionCount, customerCount);
  const env = { actions };
  const document = scaleStrategy(actions, rules);
  const documentBytes = Buffer.byteLength(JSON.stringify(document));
  console.log(
    `\nscale: ${actionCount} actions × 5–10 conditions (seed 7), strategy document ${round(documentBytes / 1e6, 2)} MB, ${customerCount} customers`,
  );

  // Validate + compile from the document, as a fresh process sees it (median of 3).
  const compileTimes: number[] = [];
  const compileCpu: number[] = [];
  const validateTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    let t = performance.now();
    validateStrategy(document, env);
    validateTimes.push(performance.now() - t);
    const cpu0 = process.cpuUsage();
    t = performance.now();
    compileStrategy(document, env);
    compileTimes.push(performance.now() - t);
    const used = process.cpuUsage(cpu0);
    compileCpu.push((used.user + used.system) / 1000);
  }
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const compiled = compileStrategy(document, env);
  gc?.();
  const heapMB = (process.memoryUsage().heapUsed - heapBefore) / 1e6;

  const inputs: DecisionInput[] = customers.map((c) => ({ customer: { ...c }, context: CONTEXT }));
  for (let i = 0; i < 200; i++) compiled.decide(inputs[i]!);
  const wall = new Float64Array(inputs.length);
  const cpu = new Float64Array(inputs.length);
  inputs.forEach((input, i) => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    compiled.decide(input);
    wall[i] = performance.now() - t0;
    const used = process.cpuUsage(c0);
    cpu[i] = (used.user + used.system) / 1000;
  });
  wall.sort();
  cpu.sort();
  const at = (xs: Float64Array, q: number) => xs[Math.floor(xs.length * q)]!;
  // Candidates left after eligibility, on average over the first 100 customers.
  let eligibleSum = 0;
  for (const input of inputs.slice(0, 100)) {
    const nodes = compiled.decide(input, { trace: 'counts' }).trace!.nodes;
    eligibleSum += nodes.find((node) => node.type === 'filter')?.out ?? 0;
  }
  const eligible = Math.round(eligibleSum / 100);

  // Traced: the first one also compiles the closures that explain (they are lazy); then the median of 5.
  let t = performance.now();
  compiled.decide(inputs[1]!, { trace: true });
  const firstTracedMs = performance.now() - t;
  const traced: number[] = [];
  let traceBytes = 0;
  for (let i = 2; i < 7; i++) {
    t = performance.now();
    const { trace } = compiled.decide(inputs[i]!, { trace: true });
    traced.push(performance.now() - t);
    traceBytes = Math.max(traceBytes, Buffer.byteLength(JSON.stringify(trace)));
  }

  // compileCached: a miss, hits by identity, and a hit by content (an equal document read again).
  t = performance.now();
  compileCached(document, env);
  const cachedMissMs = performance.now() - t;
  const hits = 10_000;
  t = performance.now();
  for (let i = 0; i < hits; i++) compileCached(document, env);
  const hitMicros = ((performance.now() - t) * 1000) / hits;
  const reread = JSON.parse(JSON.stringify(document));
  t = performance.now();
  compileCached(reread, env);
  const contentHitMs = performance.now() - t;

  // The closures (codegen: false) on the same plan, fewer customers.
  const closures = compileStrategy(document, env, { codegen: false });
  const closureLatency = medianMs((i) => closures.decide(inputs[i]!), 100);
  const generatedLatency = medianMs((i) => compiled.decide(inputs[i]!), 100);
  // Generated code without the predicate index: one generated function per rule.
  gc?.();
  const noIndexHeapBefore = process.memoryUsage().heapUsed;
  t = performance.now();
  const noIndex = compileStrategy(document, env, { indexConditions: false });
  const noIndexCompileMs = performance.now() - t;
  for (let i = 0; i < 20; i++) noIndex.decide(inputs[i]!);
  gc?.();
  const noIndexHeapMB = (process.memoryUsage().heapUsed - noIndexHeapBefore) / 1e6;
  const noIndexLatency = medianMs((i) => noIndex.decide(inputs[i]!), 200);

  const peers = await eligibilityPeers(actions, rules, customers);

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const figures = {
    actions: actionCount,
    documentMB: round(documentBytes / 1e6, 2),
    compileSeconds: round(median(compileTimes) / 1000, 3),
    compileCpuSeconds: round(median(compileCpu) / 1000, 3),
    validateSeconds: round(median(validateTimes) / 1000, 3),
    heapMB: round(heapMB, 1),
    p50Ms: round(at(wall, 0.5), 3),
    p99Ms: round(at(wall, 0.99), 3),
    p99CpuMs: round(at(cpu, 0.99), 3),
    eligiblePerCustomer: eligible,
    tracedMs: round(median(traced), 1),
    tracedFirstMs: round(firstTracedMs, 1),
    traceKB: round(traceBytes / 1024, 1),
    compileCachedHitMicros: round(hitMicros, 2),
    compileCachedMissSeconds: round(cachedMissMs / 1000, 3),
    compileCachedContentHitMs: round(contentHitMs, 1),
    noIndexCompileSeconds: round(noIndexCompileMs / 1000, 3),
    noIndexHeapMB: round(noIndexHeapMB, 1),
    noIndexP50Ms: round(noIndexLatency, 3),
    closuresP50Ms: round(closureLatency, 2),
    generatedVsClosures: round(closureLatency / generatedLatency, 1),
    ...peers.figures,
  };
  const rows = [
    { figure: 'document size', value: `${figures.documentMB} MB`, goal: '' },
    {
      figure: 'validate + compile',
      value: `${figures.compileSeconds} s (CPU time ${figures.compileCpuSeconds} s; validation ${figures.validateSeconds} s)`,
      goal: '≤ 1 s',
    },
    { figure: 'compiled heap', value: `${figures.heapMB} MB`, goal: '≤ 40 MB' },
    { figure: 'decide p50 (full pipeline)', value: `${figures.p50Ms} ms`, goal: '≤ 1 ms' },
    {
      figure: 'decide p99 (wall / CPU time)',
      value: `${figures.p99Ms} ms / ${figures.p99CpuMs} ms`,
      goal: '≤ 5 ms',
    },
    {
      figure: 'traced decide (median of 5; first)',
      value: `${figures.tracedMs} ms; ${figures.tracedFirstMs} ms`,
      goal: '≤ 20 ms',
    },
    { figure: 'trace size', value: `${figures.traceKB} KB`, goal: '≤ 100 KB' },
    {
      figure: 'compileCached hit (same objects)',
      value: `${figures.compileCachedHitMicros} µs`,
      goal: '≤ 50 µs',
    },
    {
      figure: 'compileCached miss; hit by content',
      value: `${figures.compileCachedMissSeconds} s; ${figures.compileCachedContentHitMs} ms`,
      goal: '',
    },
    {
      figure: 'without the predicate index (a function per rule)',
      value: `compile ${figures.noIndexCompileSeconds} s, heap ${figures.noIndexHeapMB} MB, decide median ${figures.noIndexP50Ms} ms`,
      goal: '',
    },
    {
      figure: 'decide median, closures (codegen: false)',
      value: `${figures.closuresP50Ms} ms (generated ${figures.generatedVsClosures}× faster)`,
      goal: '',
    },
    ...peers.rows,
  ];
  return { figures, rows };
}

function medianMs(fn: (i: number) => unknown, count: number): number {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    fn(i);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(count / 2)]!;
}

/** Eligibility alone (like with like): Arbiter against json-rules-engine and zen-engine at scale. */
async function eligibilityPeers(actions: ActionDefinition[], rules: ScaleRule[], customers: ScaleCustomer[]) {
  const document = scaleStrategy(actions, rules);
  document.nodes = document.nodes.filter((n) => ['actions', 'filter', 'output'].includes(n.type));
  const ids = document.nodes.map((n) => n.id);
  document.edges = ids.slice(1).map((id, i) => ({ source: ids[i]!, target: id }));
  const ours = compileStrategy(document, { actions });
  const oursEligible = (c: ScaleCustomer) =>
    ours
      .decide({ customer: { ...c }, context: CONTEXT })
      .recommendations.map((r) => r.actionId)
      .sort()
      .join();

  const jre = new Engine([], { allowUndefinedFacts: true });
  actions.forEach((a, i) =>
    jre.addRule({ conditions: scaleCondition(rules[i]!), event: { type: a.id } } as never),
  );
  const jreEligible = async (c: ScaleCustomer) =>
    (await jre.run({ customer: c })).events
      .map((e) => e.type)
      .sort()
      .join();

  let zen: ((c: ScaleCustomer) => Promise<string>) | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ZenEngine } = require('@gorules/zen-engine');
    const decision = new ZenEngine().createDecision(zenScaleContent(actions, rules));
    zen = async (c) =>
      ((await decision.evaluate(c)).result as { action: string }[])
        .map((r) => r.action)
        .sort()
        .join();
  } catch (error) {
    console.log(`zen-engine not available (${(error as Error).message}); its row is left out`);
  }

  for (const c of customers.slice(0, 5)) {
    const expected = oursEligible(c);
    if ((await jreEligible(c)) !== expected)
      throw new Error(`json-rules-engine disagrees on customer ${c.id}`);
    if (zen && (await zen(c)) !== expected) throw new Error(`zen-engine disagrees on customer ${c.id}`);
  }
  const perDecision = async (fn: (c: ScaleCustomer) => unknown, count: number) => {
    const t = performance.now();
    for (let i = 0; i < count; i++) await fn(customers[i % customers.length]!);
    return (performance.now() - t) / count;
  };
  const oursMs = await perDecision(oursEligible, 500);
  const jreMs = await perDecision(jreEligible, 20);
  const zenMs = zen ? await perDecision(zen, 200) : undefined;
  const figures = {
    eligibilityMs: round(oursMs, 3),
    jsonRulesEngineMs: round(jreMs, 1),
    eligibilityVsJre: round(jreMs / oursMs, 1),
    ...(zenMs !== undefined ? { zenMs: round(zenMs, 2), eligibilityVsZen: round(zenMs / oursMs, 1) } : {}),
  };
  const rows = [
    {
      figure: 'eligibility only: Arbiter',
      value: `${figures.eligibilityMs} ms per decision (500 customers)`,
      goal: '',
    },
    {
      figure: 'eligibility only: json-rules-engine',
      value: `${figures.jsonRulesEngineMs} ms per decision (20 customers); Arbiter ${figures.eligibilityVsJre}×`,
      goal: '',
    },
    ...(zenMs !== undefined
      ? [
          {
            figure: 'eligibility only: zen-engine',
            value: `${round(zenMs, 2)} ms per decision (200 customers, awaited one at a time); Arbiter ${round(zenMs / oursMs, 1)}×`,
            goal: '',
          },
        ]
      : []),
  ];
  return { figures, rows };
}
