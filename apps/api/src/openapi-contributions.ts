import { decisionsOpenApi } from './decisions/decisions.openapi';
import { interactionsOpenApi } from './interactions/interactions.openapi';
import { profilesOpenApi } from './profiles/profiles.openapi';
import type { OpenApiContribution } from './rest/openapi';

/** What each feature adds to the OpenAPI document (the rest feature assembles it without importing them). */
export const OPENAPI_CONTRIBUTIONS: readonly OpenApiContribution[] = [
  decisionsOpenApi,
  interactionsOpenApi,
  profilesOpenApi,
];
