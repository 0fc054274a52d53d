#!/usr/bin/env node
// Writes retail-demo.csv beside this file: the invented retail bank customers the retail demo
// strategy is simulated on (see README.md). Deterministic: the same seed gives the same bytes.
//
// Usage (from the repository root): node apps/api/data/samples/retail-demo/generate.js
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const SEED = 20261207;
const CUSTOMERS = 3000;
const OFFERS = ['gold-card', 'travel-insurance', 'retention-call', 'savings-plan'];
/** Customers under 18 hold a youth account: the campaign only ever offered them the savings plan. */
const YOUTH_OFFER = 'savings-plan';

/** mulberry32: a small seeded generator, so the file never depends on Math.random. */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = generator(SEED);
const pick = (weights) => {
  let u = random() * weights.reduce((s, [, w]) => s + w, 0);
  for (const [value, w] of weights) if ((u -= w) < 0) return value;
  return weights[weights.length - 1][0];
};
const between = (min, max) => min + Math.floor(random() * (max - min + 1));
const round2 = (x) => Math.round(x * 100) / 100;
const clamp = (x, min, max) => Math.min(max, Math.max(min, x));

/** How likely this customer was to take the offer: invented, but in the direction a bank would expect. */
function acceptance(customer, offer) {
  const { ageYears, segment, hasCard, churnRisk } = customer;
  switch (offer) {
    case 'gold-card':
      return hasCard ? 0.01 : 0.06 + (segment === 'gold' ? 0.08 : segment === 'silver' ? 0.03 : 0);
    case 'travel-insurance':
      return ageYears >= 25 && ageYears <= 65 ? 0.09 : 0.04;
    case 'retention-call':
      return 0.02 + 0.3 * churnRisk;
    case 'savings-plan':
      return ageYears < 30 ? 0.12 : 0.05;
  }
  throw new Error(`unknown offer ${offer}`);
}

const lines = ['customerId,ageYears,segment,hasCard,churnRisk,offer,propensity,accepted'];
for (let i = 1; i <= CUSTOMERS; i++) {
  const ageYears = random() < 0.05 ? between(16, 17) : between(18, 85);
  const segment = pick([
    ['gold', 0.2],
    ['silver', 0.35],
    ['bronze', 0.45],
  ]);
  const hasCard = ageYears >= 18 && random() < (segment === 'gold' ? 0.7 : 0.35);
  // Skewed towards low risk: most customers are content, a few are on their way out.
  const churnRisk = round2(clamp(random() * random() + (segment === 'bronze' ? 0.1 : 0), 0, 1));
  const customer = { ageYears, segment, hasCard, churnRisk };
  const youth = ageYears < 18;
  const offer = youth ? YOUTH_OFFER : OFFERS[Math.floor(random() * OFFERS.length)];
  const propensity = youth ? 1 : 1 / OFFERS.length;
  const accepted = random() < acceptance(customer, offer) ? 1 : 0;
  const id = `C${String(i).padStart(5, '0')}`;
  lines.push([id, ageYears, segment, hasCard, churnRisk, offer, propensity, accepted].join(','));
}
fs.writeFileSync(path.join(__dirname, 'retail-demo.csv'), `${lines.join('\n')}\n`);
