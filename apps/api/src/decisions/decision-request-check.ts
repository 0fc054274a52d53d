import { MAX_BATCH, type BatchDecisionRequest, type DecisionRequest } from './decision.schemas';

/**
 * The common valid decision request, recognised without the schema (zod copies every object it
 * checks): a plain check that accepts only what decisionRequestSchema / batchRequestSchema accept
 * unchanged. Anything else (a problem to report, a value the schema would trim, `explainActions`,
 * a `__proto__` key) returns undefined and goes through the schema, which says what is wrong.
 */
export function plainDecisionRequest(body: unknown): DecisionRequest | undefined {
  if (!isPlainObject(body)) return undefined;
  for (const key in body) if (!ONE_KEYS.has(key)) return undefined;
  const { strategy, explain } = body;
  if (!isName(strategy) || (explain !== undefined && typeof explain !== 'boolean')) return undefined;
  return isPlainItem(body) ? (body as DecisionRequest) : undefined;
}

export function plainBatchRequest(body: unknown): BatchDecisionRequest | undefined {
  if (!isPlainObject(body)) return undefined;
  for (const key in body) if (key !== 'strategy' && key !== 'requests') return undefined;
  const { strategy, requests } = body;
  if (!isName(strategy) || !Array.isArray(requests)) return undefined;
  if (requests.length < 1 || requests.length > MAX_BATCH) return undefined;
  for (const item of requests) {
    if (!isPlainObject(item)) return undefined;
    for (const key in item) if (!ITEM_KEYS.has(key)) return undefined;
    if (!isPlainItem(item)) return undefined;
  }
  return body as BatchDecisionRequest;
}

const ITEM_KEYS = new Set(['customer', 'context', 'limit']);
const ONE_KEYS = new Set(['strategy', 'customer', 'context', 'limit', 'explain']);

/** customer (with an id), context, limit as the schema keeps them. */
function isPlainItem(item: Record<string, unknown>): boolean {
  const { customer, context, limit } = item;
  if (!isPlainObject(customer)) return false;
  const id = customer['id'];
  if (!(isName(id) || (typeof id === 'number' && Number.isFinite(id)))) return false;
  if (context !== undefined && !isPlainObject(context)) return false;
  return (
    limit === undefined || (Number.isInteger(limit) && (limit as number) >= 1 && (limit as number) <= 100)
  );
}

/** A string the schema's trim().min(1).max(200) leaves as it is. */
function isName(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= 200 && value.trim() === value;
}

/** As JSON.parse makes them; an own `__proto__` key is left to the schema (copying it is not plain). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.getPrototypeOf(value) === Object.prototype &&
    !Object.hasOwn(value, '__proto__')
  );
}
