import { randomUUID } from 'node:crypto';
import type { DecisionRecord } from '../../src/decision-log/decision-log.writer';
import { VALID_DOC } from './documents';
import type { TestApp } from './test-app';
import { ok } from './test-app';

// The documents live apart (no API imports) so that test/ can build them too.
export * from './documents';

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

/** Deactivates the user (as an admin): the response, for checking a refusal. */
export function deactivateUser(t: Pick<TestApp, 'gql'>, token: string, userId: string) {
  return t.gql(
    `mutation($u: ID!) { setUserActive(userId: $u, active: false) { active } }`,
    { u: userId },
    token,
  );
}

/** Creates catalog actions (as a designer), one by one. */
export async function createActions(
  t: Pick<TestApp, 'gql'>,
  token: string,
  actions: Record<string, unknown>[],
): Promise<void> {
  for (const i of actions)
    ok(await t.gql(`mutation($i: CreateActionInput!) { createAction(input: $i) { id } }`, { i }, token));
}

/** The customer fields the profile tests read: a segment, a balance and a personal email. */
export const PROFILE_FIELDS = [
  { name: 'segment', type: 'string', allowedValues: ['gold', 'silver'] },
  { name: 'balance', type: 'number' },
  { name: 'email', type: 'string', personal: true },
];

/** Declares customer fields (as a designer): `{ name, type, allowedValues?, personal? }` each. */
export async function defineCustomerFields(
  t: Pick<TestApp, 'gql'>,
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

/** Declares a profile source (as an admin), with `description` when given. */
export async function declareProfileSource(
  t: Pick<TestApp, 'gql'>,
  token: string,
  name: string,
  description?: string,
): Promise<void> {
  ok(
    await t.gql(
      `mutation($n: String!, $d: String) { declareProfileSource(name: $n, description: $d) { name } }`,
      { n: name, d: description },
      token,
    ),
  );
}

/** Plays the simulations worker: a COMPLETED simulation of this content hash. */
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

/** The review comments of a version (rejections, justifications, …), oldest first. */
export async function reviewComments(
  t: TestApp,
  token: string,
  versionId: string,
): Promise<{ kind: string; body: string; authorId: string }[]> {
  return ok(
    await t.gql(`query($v: ID!) { comments(versionId: $v) { kind body authorId } }`, { v: versionId }, token),
  ).comments;
}

export async function auditCount(t: TestApp): Promise<number> {
  return Number((await t.sql.query('SELECT count(*) AS n FROM audit_log')).rows[0].n);
}
