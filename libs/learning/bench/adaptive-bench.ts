import { round } from '../../engine/bench/measure';
import { openBanditReplay } from './open-bandit-replay';
import { buildWorld, runPolicy, type PolicyName } from './coupon-world';
import { decideOverhead, outcomesPerSec } from './adaptive-throughput';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { saveResults, printTable } = require('../../../tools/bench-results.js');

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 100_000);
const pct = (x: number) => `${(100 * x).toFixed(2)} %`;

/** `npm run bench -- learning`: adaptive models on Open Bandit, a coupon world, and throughput. */
export async function main(): Promise<void> {
  const figures: Record<string, number> = {};

  const started = performance.now();
  const ob = openBanditReplay();
  Object.assign(figures, {
    'openBandit.policyRate': round(ob.policy.rate, 5),
    'openBandit.policyLow': round(ob.policy.low, 5),
    'openBandit.policyHigh': round(ob.policy.high, 5),
    'openBandit.loggedRate': round(ob.logged.rate, 5),
    'openBandit.loggedLow': round(ob.logged.low, 5),
    'openBandit.loggedHigh': round(ob.logged.high, 5),
    'openBandit.matchedRows': ob.matchedRows,
  });
  const separated = ob.policy.low > ob.logged.high || ob.policy.high < ob.logged.low;
  console.log(
    `Open Bandit (random logging, men + women, ${ob.rows} rows, ${ob.clicks} clicks; replay ${round((performance.now() - started) / 1000, 1)} s): ` +
      `adaptive Thompson ${pct(ob.policy.rate)} [${pct(ob.policy.low)}, ${pct(ob.policy.high)}] on ${ob.matchedRows} matched rows (${ob.matchedClicks} clicks) ` +
      `vs logged ${pct(ob.logged.rate)} [${pct(ob.logged.low)}, ${pct(ob.logged.high)}]` +
      (separated
        ? ''
        : ` — the intervals overlap: ${ob.matchedRows} matched rows cannot separate the two policies`),
  );

  const world = buildWorld();
  console.log(
    `coupon world: ${world.facts.length} people × 5 coupon types; simulator AUC per type on its real answers ${world.simulatorAuc.map((a) => a.toFixed(3)).join(', ')}`,
  );
  const checkpoints = [
    ...new Set([
      ...[1_000, 10_000, 25_000, 50_000, 75_000, 100_000].filter((c) => c <= DECISIONS),
      DECISIONS,
    ]),
  ];
  const policies: PolicyName[] = ['oracle', 'bestFixed', 'epsilonGreedy', 'thompson'];
  const runs = Object.fromEntries(
    policies.map((p) => {
      const t0 = performance.now();
      const run = runPolicy(world, p, DECISIONS, checkpoints);
      console.log(`  ${p}: ${round((performance.now() - t0) / 1000, 1)} s`);
      return [p, run];
    }),
  ) as Record<PolicyName, ReturnType<typeof runPolicy>>;
  printTable(
    policies.map((p) => ({
      policy: p === 'bestFixed' ? `best fixed (${runs[p].fixedCoupon})` : p,
      acceptance: pct(runs[p].acceptanceRate),
      ...Object.fromEntries(checkpoints.map((c) => [`regret@${c / 1000}k`, round(runs[p].regretAt[c]!, 1)])),
    })),
  );
  const last = checkpoints[checkpoints.length - 1]!;
  for (const p of ['thompson', 'epsilonGreedy', 'bestFixed'] as const) {
    for (const c of checkpoints) figures[`coupon.${p}RegretAt${c / 1000}k`] = round(runs[p].regretAt[c]!, 1);
  }
  figures.regretRatioVsEpsilonGreedy = round(
    runs.thompson.regretAt[last]! / runs.epsilonGreedy.regretAt[last]!,
    3,
  );
  if (DECISIONS === 100_000) {
    // Linear regret would make the last 50k decisions cost 5× the first 10k; sublinear costs less.
    const r = runs.thompson.regretAt;
    figures['coupon.thompsonLast50kVsFirst10k'] = round((r[100_000]! - r[50_000]!) / r[10_000]!, 2);
    const e = runs.epsilonGreedy.regretAt;
    console.log(
      `regret of the last 50k decisions / the first 10k (linear regret: 5): Thompson ${figures['coupon.thompsonLast50kVsFirst10k']}, ` +
        `ε-greedy ${round((e[100_000]! - e[50_000]!) / e[10_000]!, 2)}`,
    );
  }

  const throughput = outcomesPerSec(SECONDS);
  figures.outcomesPerSec = Math.round(throughput.batched);
  const overhead = decideOverhead(SECONDS * 3);
  figures.decideOverhead = round(overhead.overhead, 3);
  figures.decideOverheadAllDraws = round(overhead.allDrawsOverhead, 3);
  figures.decideOverheadMeanOnly = round(overhead.meanOnlyOverhead, 3);

  printTable([
    {
      figure: 'learning.outcomesPerSec',
      value: figures.outcomesPerSec,
      reference: '≥ 5,000 (issue 18)',
      ratio: round(figures.outcomesPerSec / 5000, 1),
    },
    {
      figure: 'learning.decideOverhead (share 0.1)',
      value: `${round(100 * figures.decideOverhead, 1)} %`,
      reference: `fixed logistic ${Math.round(overhead.logisticPerSec)} decisions/s, adaptive ${Math.round(overhead.adaptivePerSec)}/s (10 actions × 20 predictors); ≤ 20 %`,
      ratio: '',
    },
    {
      figure: 'learning.decideOverheadMeanOnly (no exploration)',
      value: `${round(100 * figures.decideOverheadMeanOnly, 1)} %`,
      reference: 'the posterior mean alone',
      ratio: '',
    },
    {
      figure: 'learning.decideOverheadAllDraws (share 1)',
      value: `${round(100 * figures.decideOverheadAllDraws, 1)} %`,
      reference: 'every decision a Thompson draw',
      ratio: '',
    },
    {
      figure: 'learning.regretRatioVsEpsilonGreedy',
      value: figures.regretRatioVsEpsilonGreedy,
      reference: `Thompson ${round(runs.thompson.regretAt[last]!, 0)} / ε-greedy ${round(runs.epsilonGreedy.regretAt[last]!, 0)} at ${last / 1000}k`,
      ratio: '< 1 expected',
    },
  ]);
  saveResults('learning', figures);
}
