import { Random } from './random';
import { orderByScore } from './score-order';

test('orders positions by score, ties in position order, as a comparison sort would', () => {
  const random = new Random(8);
  const scores = Float64Array.from({ length: 5000 }, () =>
    random.float() < 0.3
      ? Math.round(random.float() * 10) / 10
      : (random.float() - 0.2) * 1e3 * random.float(),
  );
  scores[7] = -0;
  scores[8] = 0;
  const positions = Array.from({ length: scores.length }, (_, i) => i);
  const ascending = [...positions].sort((a, b) => scores[a]! - scores[b]! || a - b);
  const descending = [...positions].sort((a, b) => scores[b]! - scores[a]! || a - b);
  const byKey = (order: Uint32Array) => Array.from(order, (i) => scores[i]);
  expect(byKey(orderByScore(scores))).toEqual(ascending.map((i) => scores[i]));
  expect(Array.from(orderByScore(scores)).filter((i) => scores[i] === 0.5)).toEqual(
    ascending.filter((i) => scores[i] === 0.5),
  );
  expect(Array.from(orderByScore(scores, true)).filter((i) => scores[i] === 0.5)).toEqual(
    descending.filter((i) => scores[i] === 0.5),
  );
  expect(byKey(orderByScore(scores, true))).toEqual(descending.map((i) => scores[i]));
});
