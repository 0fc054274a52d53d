import { seededRandom } from '@arbiter/engine';
import { createAdaptiveModel, toEngineSpec } from '@arbiter/learning';

// A log where learning clearly helps: the young accept the card, the old the loan, and the logging
// policy offered either at random. A blind adaptive model per action starts out not knowing who takes
// what; replayed with learning it learns both. Shared by the API's tests and the browser story.

export const OFFER_LOG_ROWS = 3000;

/** How the log's columns map when uploaded as a dataset. */
export const OFFER_LOG_MAPPING = {
  customerId: 'id',
  loggedAction: 'offer',
  outcome: 'accepted',
  useCustomerSchema: false,
};

/**
 * The log as CSV (`id,<ageColumn>,t,offer,accepted`); `shuffled`: its lines in random order, so that
 * only the `t` column says the order in time.
 */
export function offerLogCsv(ageColumn: string, { shuffled = false } = {}): string {
  const next = seededRandom(18);
  const lines = Array.from({ length: OFFER_LOG_ROWS }, (_, t) => {
    const age = 18 + Math.floor(next() * 62);
    const offer = next() < 0.5 ? 'card' : 'loan';
    const p = (offer === 'card') === age < 40 ? 0.4 : 0.05;
    return `c${t},${age},${t},${offer},${next() < p ? 1 : 0}`;
  });
  if (shuffled)
    for (let i = lines.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    }
  return `id,${ageColumn},t,offer,accepted\n${lines.join('\n')}\n`;
}

/**
 * An adaptive model on the customer's age (`input`, e.g. `customer.age`) that knows nothing yet (every
 * weight at the learner's prior, maturity 100), exploring 10%: the engine spec of a new blind model.
 */
export const blindModel = (modelId: string, input: string) =>
  toEngineSpec(
    createAdaptiveModel({
      modelId,
      predictors: [{ name: input, input, type: 'number', scale: { center: 45, spread: 15 } }],
    }),
    { share: 0.1 },
  );
