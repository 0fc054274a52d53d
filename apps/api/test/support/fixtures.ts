import { randomUUID } from 'node:crypto';
import type { DecisionRecord } from '../../src/decision-log/decision-log.writer';
import type { TestApp } from './test-app';
import { ok } from './test-app';

/** Valid with any catalog: every action straight to the output. */
export const VALID_DOC = {
  schemaVersion: 1,
  nodes: [
    { id: 'candidates', type: 'actions', config: {} },
    { id: 'output', type: 'output', config: {} },
  ],
  edges: [{ source: 'candidates', target: 'output' }],
};

/** Valid too, with a different content hash: keeps the top 1. */
export const VALID_DOC_TOP1 = {
  schemaVersion: 1,
  nodes: [
    { id: 'candidates', type: 'actions', config: {} },
    { id: 'top', type: 'rank', config: { by: 'priority', limit: 1 } },
    { id: 'output', type: 'output', config: {} },
  ],
  edges: [
    { source: 'candidates', target: 'top' },
    { source: 'top', target: 'output' },
  ],
};

/** Readable but wrong: a filter that is not connected and reads an unknown field, and no output. */
/** Conditions in a strategy document (json-rules-engine's shape). */
type Condition = Record<string, unknown>;

/** Every action, each kept only for customers meeting its own condition (actions without one: everyone). */
export function eligibilityDoc(byAction: Record<string, Condition>) {
  return {
    schemaVersion: 1,
    nodes: [
      { id: 'all', type: 'actions', config: {} },
      { id: 'eligible', type: 'filter', config: { condition: { all: [] }, byAction } },
      { id: 'output', type: 'output', config: {} },
    ],
    edges: [
      { source: 'all', target: 'eligible' },
      { source: 'eligible', target: 'output' },
    ],
  };
}

/** Only the actions of the group 'adult', for customers aged 18 or more. */
export const ADULTS_DOC = {
  schemaVersion: 1,
  nodes: [
    { id: 'candidates', type: 'actions', config: { groups: ['adult'] } },
    {
      id: 'adults',
      type: 'filter',
      config: {
        condition: {
          all: [{ fact: 'customer', path: '$.age', operator: 'greaterThanInclusive', value: 18 }],
        },
      },
    },
    { id: 'output', type: 'output', config: {} },
  ],
  edges: [
    { source: 'candidates', target: 'adults' },
    { source: 'adults', target: 'output' },
  ],
};

/**
 * Every action through a contact policy (`policy`: its limits or cooldowns), then by value; the best
 * `limit` of them when given.
 */
export function contactPolicyDoc(policy: Record<string, unknown>, limit?: number) {
  const steps: [string, string, Record<string, unknown>][] = [
    ['all', 'actions', {}],
    ['policy', 'contactPolicy', policy],
    ['arbitrate', 'arbitrate', { propensityWeight: 0, valueWeight: 1 }],
    ...(limit === undefined ? [] : [['top', 'rank', { limit }] as [string, string, Record<string, unknown>]]),
    ['output', 'output', {}],
  ];
  return {
    schemaVersion: 1,
    nodes: steps.map(([id, type, config]) => ({ id, type, config })),
    edges: steps.slice(1).map(([id], i) => ({ source: steps[i]![0], target: id })),
  };
}

/** A decision as the decision log writer takes it: one action shown, made up ids. */
export function decisionRecord(overrides: Partial<DecisionRecord> = {}): DecisionRecord {
  return {
    id: randomUUID(),
    decidedAt: new Date(),
    customerId: `c-${randomUUID()}`,
    strategyId: randomUUID(),
    versionId: randomUUID(),
    versionNumber: 1,
    contentHash: 'hash',
    actions: [{ actionId: 'offer-a', rank: 1 }],
    inputs: null,
    latencyMs: 0.1,
    apiKeyId: null,
    source: 'rest',
    ...overrides,
  };
}

export const INVALID_DOC = {
  schemaVersion: 1,
  nodes: [
    { id: 'candidates', type: 'actions', config: {} },
    {
      id: 'adults',
      type: 'filter',
      config: {
        condition: {
          all: [{ fact: 'customer', path: '$.agee', operator: 'greaterThanInclusive', value: 18 }],
        },
      },
    },
  ],
  edges: [{ source: 'candidates', target: 'adults' }],
};

export const VERSION_FIELDS = 'id number status contentHash revision createdBy editors strategyId document';

export interface VersionView {
  id: string;
  number: number;
  status: string;
  contentHash: string;
  revision: number;
  createdBy: string;
  editors: string[];
  strategyId: string;
  document: unknown;
}

export async function createStrategy(
  t: TestApp,
  token: string,
  name: string,
  document: unknown = VALID_DOC,
): Promise<{ strategyId: string; version: VersionView }> {
  const res = ok(
    await t.gql(
      `mutation($input: CreateStrategyInput!) { createStrategy(input: $input) { id versions { ${VERSION_FIELDS} } } }`,
      { input: { name, document } },
      token,
    ),
  );
  return { strategyId: res.createStrategy.id, version: res.createStrategy.versions[0] };
}

export async function saveDraft(
  t: TestApp,
  token: string,
  versionId: string,
  expectedRevision: number,
  document: unknown,
) {
  return t.gql(
    `mutation($input: SaveDraftInput!) { saveDraft(input: $input) { valid version { ${VERSION_FIELDS} } problems { code nodeId field message severity } } }`,
    { input: { versionId, expectedRevision, document } },
    token,
  );
}

export const mutate = {
  submit: (t: TestApp, token: string, versionId: string) =>
    t.gql(
      `mutation($v: ID!) { submitVersion(versionId: $v) { ${VERSION_FIELDS} } }`,
      { v: versionId },
      token,
    ),
  approve: (t: TestApp, token: string, versionId: string, comment?: string) =>
    t.gql(
      `mutation($v: ID!, $c: String) { approveVersion(versionId: $v, comment: $c) { ${VERSION_FIELDS} } }`,
      { v: versionId, c: comment },
      token,
    ),
  reject: (t: TestApp, token: string, versionId: string, comment: string) =>
    t.gql(
      `mutation($v: ID!, $c: String!) { rejectVersion(versionId: $v, comment: $c) { ${VERSION_FIELDS} } }`,
      { v: versionId, c: comment },
      token,
    ),
  publish: (t: TestApp, token: string, versionId: string) =>
    t.gql(
      `mutation($v: ID!) { publishVersion(versionId: $v) { ${VERSION_FIELDS} } }`,
      { v: versionId },
      token,
    ),
  retire: (t: TestApp, token: string, versionId: string) =>
    t.gql(
      `mutation($v: ID!) { retireVersion(versionId: $v) { ${VERSION_FIELDS} } }`,
      { v: versionId },
      token,
    ),
  rollback: (t: TestApp, token: string, strategyId: string, toVersionId: string) =>
    t.gql(
      `mutation($s: ID!, $v: ID!) { rollbackStrategy(strategyId: $s, toVersionId: $v, reason: "back to the earlier version") { ${VERSION_FIELDS} } }`,
      { s: strategyId, v: toVersionId },
      token,
    ),
  clone: (t: TestApp, token: string, versionId: string) =>
    t.gql(`mutation($v: ID!) { cloneVersion(versionId: $v) { ${VERSION_FIELDS} } }`, { v: versionId }, token),
};

/** Plays the simulations worker: a COMPLETED simulation of this content hash. */
/** Creates catalog actions (as a designer), one by one. */
export async function createActions(
  t: TestApp,
  token: string,
  actions: Record<string, unknown>[],
): Promise<void> {
  for (const i of actions)
    ok(await t.gql(`mutation($i: CreateActionInput!) { createAction(input: $i) { id } }`, { i }, token));
}

/** Declares customer fields (as a designer): `{ name, type, allowedValues?, personal? }` each. */
export async function defineCustomerFields(
  t: TestApp,
  token: string,
  fields: { name: string; type: string; allowedValues?: string[]; personal?: boolean }[],
): Promise<void> {
  for (const field of fields)
    ok(
      await t.gql(
        `mutation($i: DefineSchemaFieldInput!) { defineSchemaField(input: $i) { name } }`,
        { i: { scope: 'customer', ...field } },
        token,
      ),
    );
}

export async function completeSimulation(
  t: TestApp,
  contentHash: string,
  status = 'COMPLETED',
): Promise<string> {
  const rows = await t.sql.query<{ id: string }>(
    `INSERT INTO simulations (content_hash, status, results, completed_at) VALUES ($1, $2, '{"rows": 100}', CASE WHEN $2 = 'COMPLETED' THEN now() END) RETURNING id`,
    [contentHash, status],
  );
  return rows.rows[0]!.id;
}

export async function versionRow(t: TestApp, id: string) {
  return (
    await t.sql.query(
      'SELECT status, revision, content_hash, document FROM strategy_versions WHERE id = $1',
      [id],
    )
  ).rows[0];
}

export async function auditCount(t: TestApp): Promise<number> {
  return Number((await t.sql.query('SELECT count(*) AS n FROM audit_log')).rows[0].n);
}
