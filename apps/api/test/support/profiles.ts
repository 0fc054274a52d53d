import { atLeast } from './documents';
import { createApiKey, publishStrategy, type Published } from './decision-api';
import { createActions, declareProfileSource, defineCustomerFields } from './fixtures';
import type { Scenario } from './scenario';
import type { TestApp } from './test-app';

/** Gold customers with a balance of at least 1,000 (fields of PROFILE_FIELDS), as filter conditions. */
export const GOLD_WITH_BALANCE = [
  { fact: 'customer', path: '$.segment', operator: 'equal', value: 'gold' },
  ...atLeast('balance', 1000).all,
];

export interface ProfileStrategySetup {
  /** Catalog actions, created by the designer of the scenario. */
  actions: Record<string, unknown>[];
  /** Customer fields, declared by the designer. */
  fields: Parameters<typeof defineCustomerFields>[2];
  /** Profile sources, declared by the admin (with `sourceDescription` when given). */
  sources: string[];
  sourceDescription?: string;
  /** The strategy, published under `name`. */
  document: unknown;
  name: string;
}

/**
 * What the profile tests decide with: the actions and customer fields, the profile sources, the
 * published strategy reading them, and an API key (for every strategy) for REST.
 */
export async function publishProfileStrategy(
  t: TestApp,
  s: Scenario,
  adminToken: string,
  setup: ProfileStrategySetup,
): Promise<{ strategy: Published; key: string }> {
  await createActions(t, s.designer.token, setup.actions);
  await defineCustomerFields(t, s.designer.token, setup.fields);
  for (const name of setup.sources) await declareProfileSource(t, adminToken, name, setup.sourceDescription);
  const strategy = await publishStrategy(t, s, setup.document, setup.name);
  const key = (await createApiKey(t, adminToken)).secret;
  return { strategy, key };
}
