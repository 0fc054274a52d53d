import type { ApiKey } from '../api-keys/api-key.entity';
import { parseInput } from '../common/validation';
import { API_PREFIX } from '../rest/openapi';
import type { RouteAhead } from '../rest/routes-ahead';
import { plainBatchRequest, plainDecisionRequest } from './decision-request-check';
import { batchRequestSchema, decisionRequestSchema } from './decision.schemas';
import type { Caller, DecisionsService } from './decisions.service';

const callerOf = (key: ApiKey): Caller => ({
  apiKeyId: key.id,
  strategyIds: key.strategyIds,
  source: 'rest',
});

/**
 * POST /api/v1/decisions and /api/v1/decisions:batch: the request checked (the common valid shape
 * by a plain check, anything else against its schema), then the decisions service. Served ahead
 * of Nest (rest/routes-ahead.ts, see app.ts); the Nest controller answers with the same functions
 * what the lean path hands on (e.g. a request with a query string).
 */
export function decisionRoutes(decisions: DecisionsService) {
  return {
    decide: ((body, key) =>
      decisions.decide(
        plainDecisionRequest(body) ?? parseInput(decisionRequestSchema, body),
        callerOf(key),
      )) satisfies RouteAhead,
    decideBatch: ((body, key) =>
      decisions.decideBatch(
        plainBatchRequest(body) ?? parseInput(batchRequestSchema, body),
        callerOf(key),
      )) satisfies RouteAhead,
  };
}

/** The routes by path, for serveRoutesAhead. */
export const decisionPaths = (routes: ReturnType<typeof decisionRoutes>): Record<string, RouteAhead> => ({
  [`${API_PREFIX}/decisions`]: routes.decide,
  [`${API_PREFIX}/decisions:batch`]: routes.decideBatch,
});
