import { Random } from '../random';
import type { PredictorDef, TrainingRequest } from '../types';

/**
 * Seeded rows with every kind of value the trainer meets: numbers (some missing, some written as
 * text), categories (one with many rare values that get capped), true/false, and an outcome that
 * depends on them non-linearly.
 */
export function syntheticRows(count: number, seed = 1): Record<string, unknown>[] {
  const random = new Random(seed);
  const segments = ['gold', 'silver', 'bronze', 'student'];
  return Array.from({ length: count }, () => {
    const age = 18 + random.int(60);
    const balance = random.float() < 0.1 ? undefined : Math.round(random.float() * 20000);
    const segment = segments[random.int(segments.length)]!;
    const city = `city-${Math.floor(random.float() ** 3 * 150)}`;
    const online = random.float() < 0.5;
    const contacts = random.int(6);
    let z = -1 + 0.03 * (age - 45) + (balance === undefined ? 0.8 : balance / 10000 - 1);
    z += segment === 'gold' ? 1 : segment === 'student' ? -0.7 : 0;
    z += online ? 0.5 : -0.2;
    z += contacts >= 3 ? -0.8 : 0.2 * contacts;
    z += age > 60 && online ? 1.2 : 0;
    const row: Record<string, unknown> = {
      age: random.float() < 0.3 ? String(age) : age,
      segment: random.float() < 0.05 ? '' : segment,
      city,
      online,
      contacts,
      accepted: random.float() < 1 / (1 + Math.exp(-z)) ? 'yes' : 'no',
    };
    if (balance !== undefined) row.balance = balance;
    return row;
  });
}

export const SYNTHETIC_PREDICTORS: PredictorDef[] = [
  { name: 'age', input: 'customer.age', type: 'number' },
  { name: 'balance', input: 'customer.balance', type: 'number' },
  { name: 'segment', input: 'customer.segment', type: 'string' },
  { name: 'city', input: 'customer.city', type: 'string' },
  { name: 'online', input: 'context.online', type: 'boolean' },
  { name: 'contacts', input: 'customer.contacts', type: 'number' },
];

export const SYNTHETIC_TARGET = { column: 'accepted', positiveValues: ['yes'] };

/** A training request on synthetic rows: every synthetic predictor, `accepted` as the target. */
export function syntheticRequest(request: Omit<TrainingRequest, 'target' | 'predictors'>): TrainingRequest {
  return { target: SYNTHETIC_TARGET, predictors: SYNTHETIC_PREDICTORS, ...request };
}
