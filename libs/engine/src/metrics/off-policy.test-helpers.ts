// A simulated world with known click probabilities, to check off-policy estimates against the truth.
import { seededRandom } from './stable-hash';

const { floor } = Math;

export interface World {
  contexts: number;
  actions: number;
  /** clickProbability[context][action] */
  clickProbability: number[][];
}

export function makeWorld(seed: number, contexts = 4, actions = 5): World {
  const random = seededRandom(seed);
  return {
    contexts,
    actions,
    clickProbability: Array.from({ length: contexts }, () =>
      Array.from({ length: actions }, () => 0.05 + 0.5 * random()),
    ),
  };
}

/** A strategy's probability of each action in a context. */
export type Policy = (context: number) => number[];

export const deterministic =
  (choose: (context: number) => number, actions: number): Policy =>
  (context) =>
    Array.from({ length: actions }, (_, a) => (a === choose(context) ? 1 : 0));

export const uniform =
  (actions: number): Policy =>
  () =>
    Array.from({ length: actions }, () => 1 / actions);

/** The exact value (click rate) of a policy in the world; contexts are equally likely. */
export function trueValue(world: World, policy: Policy): number {
  let total = 0;
  for (let x = 0; x < world.contexts; x++)
    policy(x).forEach((p, a) => (total += p * world.clickProbability[x]![a]!));
  return total / world.contexts;
}

export interface LoggedRow {
  key: string;
  context: number;
  action: number;
  propensity: number;
  outcome: number;
}

/** Rows logged by `logging` in the world, reproducible from the seed. */
export function logRows(world: World, logging: Policy, rows: number, seed: number): LoggedRow[] {
  const random = seededRandom(seed);
  const table = tabulate(world, logging);
  const out: LoggedRow[] = [];
  for (let i = 0; i < rows; i++) {
    const context = floor(random() * world.contexts);
    const probabilities = table[context]!;
    let u = random();
    let action = 0;
    while (action < probabilities.length - 1 && u >= probabilities[action]!) u -= probabilities[action++]!;
    const outcome = random() < world.clickProbability[context]![action]! ? 1 : 0;
    out.push({ key: `r${i}`, context, action, propensity: probabilities[action]!, outcome });
  }
  return out;
}

/** The policy's probabilities per context, computed once. */
export function tabulate(world: World, policy: Policy): number[][] {
  return Array.from({ length: world.contexts }, (_, x) => policy(x));
}
