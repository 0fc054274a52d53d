// Seeded synthetic customers for the training bench: 20 predictors (14 numbers, some with missing
// values; 6 categories of 3 to 40 values) and an outcome with non-linear effects and interactions.
'use strict';

const { seededRandom } = require('@arbiter/engine');

const NUMBERS = 14;
const CATEGORIES = [3, 5, 8, 12, 25, 40];

function predictors() {
  const list = [];
  for (let k = 0; k < NUMBERS; k++) list.push({ name: `x${k}`, input: `customer.x${k}`, type: 'number' });
  CATEGORIES.forEach((_, k) => list.push({ name: `c${k}`, input: `customer.c${k}`, type: 'string' }));
  return list;
}

function generateRows(count, seed = 42) {
  const random = seededRandom(seed);
  const effects = CATEGORIES.map((levels) => Array.from({ length: levels }, () => random() * 2 - 1));
  const levelNames = CATEGORIES.map((levels) => Array.from({ length: levels }, (_, v) => `v${v}`));
  const x = new Array(NUMBERS);
  const c = new Array(CATEGORIES.length);
  const rows = new Array(count);
  for (let i = 0; i < count; i++) {
    let z = -1;
    for (let k = 0; k < NUMBERS; k++) {
      const value = Math.round((random() * 4 - 2 + k) * 1000) / 1000;
      // Every 4th number is missing in 10% of the rows (null, as a database gives it).
      x[k] = k % 4 === 3 && random() < 0.1 ? null : value;
      const centred = value - k;
      if (x[k] !== null)
        z +=
          k < 4
            ? 0.6 * centred
            : k < 8
              ? 0.4 * centred * centred - 0.5
              : k < 10
                ? centred > 0.5
                  ? 0.5
                  : 0
                : 0;
    }
    for (let k = 0; k < CATEGORIES.length; k++) {
      const level = Math.floor(random() ** 1.5 * CATEGORIES[k]);
      c[k] = levelNames[k][level];
      z += effects[k][level] * 0.6;
    }
    if (c[0] === 'v1') z += 0.8 * (x[0] > 0 ? 1 : -1);
    // One literal shape for every row, like rows parsed from the same JSON source.
    rows[i] = {
      x0: x[0],
      x1: x[1],
      x2: x[2],
      x3: x[3],
      x4: x[4],
      x5: x[5],
      x6: x[6],
      x7: x[7],
      x8: x[8],
      x9: x[9],
      x10: x[10],
      x11: x[11],
      x12: x[12],
      x13: x[13],
      c0: c[0],
      c1: c[1],
      c2: c[2],
      c3: c[3],
      c4: c[4],
      c5: c[5],
      outcome: random() < 1 / (1 + Math.exp(-z)) ? 1 : 0,
    };
  }
  return rows;
}

module.exports = { generateRows, predictors };
