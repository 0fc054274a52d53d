#!/usr/bin/env node
/*
 * Fits the acceptance model of the coupon example: one L2-regularised logistic regression per
 * coupon type, on the UCI In-Vehicle Coupon Recommendation data, and writes the coefficients in
 * the engine's logistic-model format to coupon-model.json (next to this file).
 *
 *   node libs/engine/examples/fit-coupon-model.js [path/to/in-vehicle-coupon-recommendation.csv]
 *
 * Data: UCI Machine Learning Repository, "In-Vehicle Coupon Recommendation", T. Wang and C. Rudin,
 * DOI 10.24432/C5GS4P, CC BY 4.0. Paper: Wang, Rudin, Doshi-Velez, Liu, Klampfl, MacNeille,
 * "A Bayesian Framework for Learning Rule Sets for Interpretable Classification", JMLR 18(70), 2017.
 *
 * Plain CommonJS on purpose: it runs on Node 20 without a TypeScript loader and without new
 * dependencies. Deterministic: fixed feature order, fixed number of Newton steps, no randomness.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const DEFAULT_CSV = path.join(
  __dirname,
  '../../../../shared/data/uci-in-vehicle-coupon-recommendation/in-vehicle-coupon-recommendation.csv',
);
const OUT = path.join(__dirname, 'coupon-model.json');

/** Ridge penalty λ·½‖w‖² on every weight except the intercept; chosen on the held-out respondents. */
const LAMBDA = 10;
/** Newton converges in well under 10 steps here; a fixed count keeps runs identical. */
const NEWTON_STEPS = 20;
/** Every 5th respondent is held out to report how the model does on people it has not seen. */
const HOLDOUT_EVERY = 5;
const DIGITS = 4;

/** Coupon value in the CSV → action group slug and the habit column that goes with it. */
const GROUPS = [
  { coupon: 'Restaurant(<20)', group: 'restaurant-under-20', habit: 'RestaurantLessThan20' },
  { coupon: 'Coffee House', group: 'coffee-house', habit: 'CoffeeHouse' },
  { coupon: 'Carry out & Take away', group: 'carry-out', habit: 'CarryAway' },
  { coupon: 'Bar', group: 'bar', habit: 'Bar' },
  { coupon: 'Restaurant(20-50)', group: 'restaurant-20-50', habit: 'Restaurant20To50' },
];

/** Columns that are the same for all answers of one respondent (shared with coupon.ts). */
const RESPONDENT_COLUMNS = require('./coupon-respondent-columns.json');

/** A CSV column read as the customer field of the same name. */
const customerColumn = (column, kind) => ({ column, input: `customer.${column}`, kind });

/**
 * The model's inputs, in the order they appear in the JSON. `categorical` columns become one-hot
 * terms (all levels kept: with the ridge penalty there is no need for a reference level, and each
 * weight reads as "this level vs. the average"); `flag` columns are 0/1 and get one numeric weight.
 */
function featuresFor(habit) {
  return [
    customerColumn('destination', 'categorical'),
    customerColumn('passanger', 'categorical'),
    customerColumn('weather', 'categorical'),
    customerColumn('temperature', 'categorical'),
    customerColumn('time', 'categorical'),
    { column: 'expiration', input: 'action.expiration', kind: 'categorical' },
    customerColumn('gender', 'categorical'),
    customerColumn('age', 'categorical'),
    customerColumn('maritalStatus', 'categorical'),
    customerColumn('has_children', 'flag'),
    customerColumn('education', 'categorical'),
    customerColumn('occupation', 'categorical'),
    customerColumn('income', 'categorical'),
    customerColumn(habit, 'categorical'),
    customerColumn('toCoupon_GEQ15min', 'flag'),
    customerColumn('toCoupon_GEQ25min', 'flag'),
    customerColumn('direction_same', 'flag'),
  ];
}

function readCsv(file) {
  const lines = fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l !== '');
  const header = lines[0].split(',');
  // The file has no quoted fields (checked in its README), so a plain split is exact.
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    if (cells.length !== header.length) throw new Error(`expected ${header.length} cells: ${line}`);
    return Object.fromEntries(header.map((h, i) => [h, cells[i]]));
  });
}

/** Respondent number per row: consecutive runs of identical respondent columns. */
function respondentIds(rows) {
  let id = -1;
  let previous;
  return rows.map((row) => {
    const key = RESPONDENT_COLUMNS.map((c) => row[c]).join('|');
    if (key !== previous) id++;
    previous = key;
    return id;
  });
}

/** Column layout of the design matrix: intercept, then one column per level or flag. */
function encoder(features, rows) {
  const columns = [{ feature: -1 }];
  features.forEach((f, fi) => {
    if (f.kind === 'flag') {
      columns.push({ feature: fi });
      return;
    }
    const levels = [...new Set(rows.map((r) => r[f.column]))].sort();
    for (const level of levels) columns.push({ feature: fi, level });
  });
  const index = new Map(columns.map((c, i) => [`${c.feature}\u0000${c.level ?? ''}`, i]));
  const encode = (row) => {
    const x = new Float64Array(columns.length);
    x[0] = 1;
    features.forEach((f, fi) => {
      const raw = row[f.column];
      if (f.kind === 'flag') x[index.get(`${fi}\u0000`)] = Number(raw);
      else {
        const i = index.get(`${fi}\u0000${raw}`);
        if (i !== undefined) x[i] = 1;
      }
    });
    return x;
  };
  return { columns, encode };
}

const sigmoid = (z) => 1 / (1 + Math.exp(-z));

function fit(X, y, lambda) {
  const d = X[0].length;
  let beta = new Float64Array(d);
  for (let step = 0; step < NEWTON_STEPS; step++) {
    const grad = new Float64Array(d);
    const hess = Array.from({ length: d }, () => new Float64Array(d));
    for (let r = 0; r < X.length; r++) {
      const x = X[r];
      const p = sigmoid(dot(beta, x));
      const w = p * (1 - p);
      for (let i = 0; i < d; i++) {
        if (x[i] === 0) continue;
        grad[i] += (y[r] - p) * x[i];
        for (let j = 0; j < d; j++) if (x[j] !== 0) hess[i][j] += w * x[i] * x[j];
      }
    }
    for (let i = 1; i < d; i++) {
      grad[i] -= lambda * beta[i];
      hess[i][i] += lambda;
    }
    const delta = solve(hess, grad);
    beta = beta.map((b, i) => b + delta[i]);
  }
  return beta;
}

function dot(a, b) {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Solves A·x = b for a symmetric positive definite A (Cholesky). */
function solve(A, b) {
  const n = b.length;
  const L = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i][j];
      for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
      if (i === j) {
        if (s <= 0) throw new Error('Hessian is not positive definite');
        L[i][i] = Math.sqrt(s);
      } else L[i][j] = s / L[j][j];
    }
  }
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= L[i][k] * z[k];
    z[i] = s / L[i][i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i];
    for (let k = i + 1; k < n; k++) s -= L[k][i] * x[k];
    x[i] = s / L[i][i];
  }
  return x;
}

function metrics(probabilities, y) {
  let logLoss = 0;
  let correct = 0;
  let positives = 0;
  probabilities.forEach((p, i) => {
    const q = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
    logLoss -= y[i] ? Math.log(q) : Math.log(1 - q);
    if ((p >= 0.5 ? 1 : 0) === y[i]) correct++;
    positives += y[i];
  });
  const rate = positives / y.length;
  const baseLogLoss = -(rate * Math.log(rate) + (1 - rate) * Math.log(1 - rate));
  return {
    rows: y.length,
    logLoss: round(logLoss / y.length),
    accuracy: round(correct / y.length),
    baseLogLoss: round(baseLogLoss),
    baseAccuracy: round(Math.max(rate, 1 - rate)),
  };
}

const round = (x) => {
  const r = Number(x.toFixed(DIGITS));
  return Object.is(r, -0) ? 0 : r;
};

/** The fitted weights as the engine's logistic model: intercept + categorical / numeric terms. */
function toModel(features, columns, beta) {
  const terms = features.map((f, fi) => {
    if (f.kind === 'flag')
      return { input: f.input, weight: round(beta[columns.findIndex((c) => c.feature === fi)]) };
    const categories = {};
    let ifMissing;
    columns.forEach((c, i) => {
      if (c.feature !== fi) return;
      // An empty cell is a missing answer; the engine leaves such a field out of the input.
      if (c.level === '') ifMissing = round(beta[i]);
      else categories[c.level] = round(beta[i]);
    });
    return ifMissing === undefined
      ? { input: f.input, categories }
      : { input: f.input, categories, ifMissing };
  });
  return { type: 'logistic', intercept: round(beta[0]), terms };
}

/** Scores a row with the rounded model, exactly as the engine's logistic model would. */
function predict(model, features, row) {
  let z = model.intercept;
  model.terms.forEach((t, i) => {
    const raw = row[features[i].column];
    if ('weight' in t) z += t.weight * Number(raw);
    else if (raw === '') z += t.ifMissing ?? 0;
    else z += t.categories[raw] ?? 0;
  });
  return sigmoid(z);
}

function main() {
  const file = process.argv[2] ?? DEFAULT_CSV;
  const rows = readCsv(file);
  const respondent = respondentIds(rows);
  const groups = {};
  for (const g of GROUPS) {
    const features = featuresFor(g.habit);
    const all = rows
      .map((r, i) => ({ row: r, respondent: respondent[i] }))
      .filter((r) => r.row.coupon === g.coupon);
    const run = (train, test) => {
      const { columns, encode } = encoder(
        features,
        train.map((r) => r.row),
      );
      const beta = fit(
        train.map((r) => encode(r.row)),
        train.map((r) => Number(r.row.Y)),
        LAMBDA,
      );
      const model = toModel(features, columns, beta);
      const score = (set) =>
        metrics(
          set.map((r) => predict(model, features, r.row)),
          set.map((r) => Number(r.row.Y)),
        );
      return { model, score: score(test) };
    };
    const trainPart = all.filter((r) => r.respondent % HOLDOUT_EVERY !== HOLDOUT_EVERY - 1);
    const holdoutPart = all.filter((r) => r.respondent % HOLDOUT_EVERY === HOLDOUT_EVERY - 1);
    const holdout = run(trainPart, holdoutPart).score;
    const final = run(all, all);
    groups[g.group] = {
      coupon: g.coupon,
      habit: g.habit,
      training: final.score,
      holdout,
      model: final.model,
    };
    process.stdout.write(
      `${g.group.padEnd(20)} rows ${String(all.length).padStart(4)}  training log-loss ${final.score.logLoss} ` +
        `(base ${final.score.baseLogLoss}) accuracy ${final.score.accuracy}  ` +
        `held-out log-loss ${holdout.logLoss} (base ${holdout.baseLogLoss}) accuracy ${holdout.accuracy}\n`,
    );
  }
  const output = {
    description:
      'P(accept) per coupon type, L2-regularised logistic regression fitted by fit-coupon-model.js on the ' +
      'UCI In-Vehicle Coupon Recommendation data (DOI 10.24432/C5GS4P, CC BY 4.0; Wang et al., JMLR 2017).',
    fit: {
      method:
        'logistic regression, Newton steps, one-hot categories (all levels), ridge penalty on all weights but the intercept',
      lambda: LAMBDA,
      newtonSteps: NEWTON_STEPS,
      rows: rows.length,
      holdout: `every ${HOLDOUT_EVERY}th respondent (consecutive runs of the respondent columns) held out, model refitted on all rows`,
    },
    groups,
  };
  fs.writeFileSync(OUT, JSON.stringify(output, null, 2) + '\n');
  process.stdout.write(`wrote ${path.relative(process.cwd(), OUT)}\n`);
}

main();
