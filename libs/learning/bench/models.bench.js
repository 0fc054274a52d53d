// `npm run bench -- models`: held-out AUC on the coupon data (ours and scikit-learn's on the same
// split), training time and peak memory on 1,000,000 generated rows, and decisions/s of the engine
// scoring a 100-tree depth-6 ensemble. Needs the built dist of learning and engine (npm run bench).
'use strict';
const { spawnSync } = require('node:child_process');
const os = require('node:os');
const { train, referenceDesign } = require('../dist');
const { compileStrategy } = require('@arbiter/engine');
const { generateRows, predictors } = require('./generate');
const { saveResults, printTable } = require('../../../tools/bench-results.js');
// The coupon request and the scikit-learn reference are the tests' own (TypeScript, compiled on load).
require('../../../tools/register-ts');
const { couponAvailable, couponRequest } = require('../src/test-support/coupon');
const { findSklearnPython, runReference } = require('../src/test-support/sklearn');

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const MILLION = Number(process.env.BENCH_TRAIN_ROWS ?? 1_000_000);
const round = (x, digits = 0) => Number(x.toFixed(digits));

async function couponFigures() {
  if (!couponAvailable()) {
    console.log('coupon dataset not found; its rows are left out');
    return {};
  }
  const auc = {};
  for (const algorithm of ['gbdt', 'logistic', 'naiveBayes']) {
    auc[algorithm] = (await train(couponRequest(algorithm))).report.auc.value;
  }
  const figures = { gbdtAuc: auc.gbdt, logisticAuc: auc.logistic, naiveBayesAuc: auc.naiveBayes };
  const python = findSklearnPython();
  if (!python) {
    console.log('scikit-learn not found (apt-get install python3-sklearn); its figures are left out');
    return figures;
  }
  const { trees, logistic } = await referenceDesign(couponRequest('gbdt'));
  // Our defaults in scikit-learn's words (early stopping 'auto' is on above 10,000 training rows in both).
  figures.sklearnGbdtAuc = runReference(python, {
    task: 'gbdt',
    train: trees.train,
    test: trees.test,
    categorical: trees.categorical,
    params: { learning_rate: 0.1, max_iter: 100, max_leaf_nodes: 31, max_depth: 8, min_samples_leaf: 20 },
  }).auc;
  figures.sklearnLogisticAuc = runReference(python, {
    task: 'logistic',
    X: logistic.train.X,
    y: logistic.train.y,
    test: logistic.test,
    C: 1,
  }).auc;
  return figures;
}

/** Trains on 1,000,000 generated rows in a child process, so its peak memory (maxRSS) is its own. */
function trainMillion(algorithm) {
  const run = spawnSync(process.execPath, [__filename, '--train', algorithm], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`training ${algorithm} on ${MILLION} rows failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop());
}

async function childTrain(algorithm) {
  const rows = generateRows(MILLION, 42);
  const settings = algorithm === 'gbdt' ? { trees: 100, maxDepth: 6, earlyStopping: false } : undefined;
  // The longest the event loop waited during training: what a decision served by this process would.
  let last = performance.now();
  let maxStallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxStallMs = Math.max(maxStallMs, now - last);
    last = now;
  }, 5);
  const start = performance.now();
  const { report } = await train({
    rows,
    target: { column: 'outcome', positiveValues: ['1'] },
    predictors: predictors(),
    algorithm,
    settings,
    seed: 1,
  });
  const seconds = (performance.now() - start) / 1000;
  clearInterval(timer);
  const peakMB = process.resourceUsage().maxRSS / 1024;
  console.log(
    JSON.stringify({ seconds, peakMB, maxStallMs, auc: report.auc.value, iterations: report.iterations }),
  );
}

/** decide() throughput of a strategy that scores 10 actions with a 100-tree depth-6 ensemble, ranks and keeps 3. */
async function scoringThroughput() {
  const rows = generateRows(20_000, 7);
  const { spec } = await train({
    rows,
    target: { column: 'outcome', positiveValues: ['1'] },
    predictors: predictors(),
    algorithm: 'gbdt',
    settings: { trees: 100, maxDepth: 6, earlyStopping: false, minSamplesLeaf: 5 },
    seed: 3,
  });
  const actions = Array.from({ length: 10 }, (_, i) => ({
    id: `offer-${i}`,
    name: `Offer ${i}`,
    value: 10 + 10 * i,
  }));
  const steps = [
    ['actions', {}],
    ['score', { model: spec }],
    ['arbitrate', { propensityWeight: 1, valueWeight: 1 }],
    ['rank', { limit: 3 }],
    ['output', {}],
  ];
  const document = {
    schemaVersion: 1,
    name: 'bench: tree ensemble score',
    nodes: steps.map(([type, config], i) => ({ id: `n${i}`, type, config })),
    edges: steps.slice(1).map((_, i) => ({ source: `n${i}`, target: `n${i + 1}` })),
  };
  const strategy = compileStrategy(document, { actions });
  const inputs = rows.map((row) => ({ customer: row, context: { now: '2026-11-01T12:00:00Z' } }));
  const first = strategy.decide(inputs[0]).recommendations;
  if (first.length !== 3 || typeof first[0].propensity !== 'number')
    throw new Error('the bench strategy does not score');
  const run = (seconds) => {
    const end = performance.now() + seconds * 1000;
    const start = performance.now();
    let done = 0;
    while (performance.now() < end)
      for (let j = 0; j < 64; j++) strategy.decide(inputs[done++ % inputs.length]);
    return done / ((performance.now() - start) / 1000);
  };
  run(0.5);
  const splits = spec.trees.reduce((n, t) => n + t.nodes.filter((node) => node.leaf === undefined).length, 0);
  return { perSec: run(SECONDS), trees: spec.trees.length, splits };
}

async function main() {
  const coupon = await couponFigures();
  const logistic = trainMillion('logistic');
  const gbdt = trainMillion('gbdt');
  const scoring = await scoringThroughput();
  const peakMB = Math.max(logistic.peakMB, gbdt.peakMB);

  const vs = (a, b, digits = 3) => (a === undefined || b === undefined ? '' : `${round(a - b, digits)}`);
  printTable([
    ...(coupon.gbdtAuc === undefined
      ? []
      : [
          {
            figure: 'coupon held-out AUC: gradient-boosted trees',
            value: round(coupon.gbdtAuc, 4),
            reference:
              coupon.sklearnGbdtAuc === undefined ? '' : `sklearn HistGBC ${round(coupon.sklearnGbdtAuc, 4)}`,
            'ours − reference': vs(coupon.gbdtAuc, coupon.sklearnGbdtAuc, 4),
          },
          {
            figure: 'coupon held-out AUC: logistic regression',
            value: round(coupon.logisticAuc, 4),
            reference:
              coupon.sklearnLogisticAuc === undefined
                ? ''
                : `sklearn LogisticRegression ${round(coupon.sklearnLogisticAuc, 4)}`,
            'ours − reference': vs(coupon.logisticAuc, coupon.sklearnLogisticAuc, 4),
          },
          {
            figure: 'coupon held-out AUC: naive Bayes (scorecard)',
            value: round(coupon.naiveBayesAuc, 4),
            reference: '',
            'ours − reference': '',
          },
        ]),
    {
      figure: `train ${MILLION.toLocaleString('en')} rows × 20: logistic, seconds`,
      value: round(logistic.seconds, 1),
      reference: 'budget 30 s',
      'ours − reference': `${round(logistic.seconds - 30, 1)} s`,
    },
    {
      figure: `train ${MILLION.toLocaleString('en')} rows × 20: 100 trees depth 6, seconds`,
      value: round(gbdt.seconds, 1),
      reference: 'budget 120 s',
      'ours − reference': `${round(gbdt.seconds - 120, 1)} s`,
    },
    {
      figure: 'training peak memory (RSS, rows included), MB',
      value: round(peakMB),
      reference: 'budget 1536 MB',
      'ours − reference': `${round(peakMB - 1536)} MB`,
    },
    {
      figure: 'longest event-loop stall while training, ms',
      value: round(Math.max(logistic.maxStallMs, gbdt.maxStallMs)),
      reference: '',
      'ours − reference': '',
    },
    {
      figure: `decide() with a ${scoring.trees}-tree depth-6 ensemble (${scoring.splits} splits), decisions/s`,
      value: round(scoring.perSec),
      reference: 'target 100,000/s',
      'ours − reference': `${round(scoring.perSec / 100_000, 2)}×`,
    },
  ]);
  console.log(
    `\n1M-row models: logistic AUC ${round(logistic.auc, 4)} (${logistic.iterations} Newton iterations), trees AUC ${round(gbdt.auc, 4)} (${gbdt.iterations} trees); ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}`,
  );

  saveResults('models', {
    coupon: Object.fromEntries(Object.entries(coupon).map(([k, v]) => [k, round(v, 4)])),
    train1M: {
      logisticSeconds: round(logistic.seconds, 1),
      gbdtSeconds: round(gbdt.seconds, 1),
      peakMB: round(peakMB),
      maxStallMs: round(Math.max(logistic.maxStallMs, gbdt.maxStallMs)),
      rows: MILLION,
    },
    scoringPerSec: round(scoring.perSec),
  });
}

if (process.argv[2] === '--train') {
  childTrain(process.argv[3]).catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
