import { hash } from '@node-rs/argon2';
import { Client } from 'pg';
import type { FuzzApi } from './fuzz-api';

export const FUZZ_PASSWORD = 'fuzz-password-correct-horse';

/** What the cases act on: users and their tokens, a published strategy, API keys, a draft, a dataset. */
export interface FuzzWorld {
  /** admin + designer + analyst + reviewer + publisher. */
  adminToken: string;
  /** designer only (writes the strategies, so the admin may approve them). */
  designerToken: string;
  /** analyst only: FORBIDDEN for the catalog and the admin operations. */
  analystToken: string;
  designerId: string;
  /** A user whose password is guessed wrongly by the auth cases (never signed in by the suite). */
  victimEmail: string;
  publishedStrategyId: string;
  publishedStrategyName: string;
  actionIds: string[];
  draftStrategyId: string;
  draftVersionId: string;
  draftRevision: number;
  datasetId: string;
  /** Unlimited, every strategy. */
  apiKey: string;
  /** Scoped to the draft strategy only: FORBIDDEN for the published one. */
  scopedKey: string;
  /** One request per second: RATE_LIMITED on a burst. */
  slowKey: string;
  revokedKey: string;
}

interface GqlAnswer {
  // The answers are read field by field below; `any` keeps that readable.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data?: any;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function gql(
  api: FuzzApi,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GqlAnswer> {
  const res = await api.send({
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  return JSON.parse(res.text) as GqlAnswer;
}

async function must(
  api: FuzzApi,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<any> {
  const res = await gql(api, query, variables, token);
  if (res.errors?.length || !res.data)
    throw new Error(`Fuzz set-up failed on ${query.slice(0, 80)}: ${JSON.stringify(res.errors)}`);
  return res.data;
}

export const WORLD_DOC = {
  schemaVersion: 1,
  nodes: [
    { id: 'candidates', type: 'actions', config: {} },
    { id: 'output', type: 'output', config: {} },
  ],
  edges: [{ source: 'candidates', target: 'output' }],
};

const login = async (api: FuzzApi, email: string) =>
  (
    await must(
      api,
      `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken user { id } } }`,
      { e: email, p: FUZZ_PASSWORD },
    )
  ).login as {
    accessToken: string;
    user: { id: string };
  };

/**
 * Builds the world through the API as its users would; only the first admin (no API exists for
 * that yet) and the simulation evidence for approval (played like the worker) are written in SQL.
 * Each user signs in once: the suite's own logins never count towards login throttling.
 */
export async function buildWorld(api: FuzzApi): Promise<FuzzWorld> {
  const sql = new Client({ connectionString: api.databaseUrl });
  await sql.connect();
  try {
    await sql.query(
      `INSERT INTO users (email, display_name, password_hash, roles) VALUES ('fuzz-admin@fuzz.local', 'Fuzz admin', $1, $2)`,
      [await hash(FUZZ_PASSWORD), ['admin', 'designer', 'analyst', 'reviewer', 'publisher']],
    );
    const admin = await login(api, 'fuzz-admin@fuzz.local');
    const createUser = (email: string, roles: string[]) =>
      must(
        api,
        `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
        { i: { email, displayName: email, password: FUZZ_PASSWORD, roles } },
        admin.accessToken,
      );
    await createUser('fuzz-designer@fuzz.local', ['designer']);
    await createUser('fuzz-analyst@fuzz.local', ['analyst']);
    await createUser('fuzz-victim@fuzz.local', ['designer']);
    const designer = await login(api, 'fuzz-designer@fuzz.local');
    const analyst = await login(api, 'fuzz-analyst@fuzz.local');

    const actionIds = ['fuzz-offer-a', 'fuzz-offer-b', 'fuzz-offer-c'];
    for (const [i, id] of actionIds.entries())
      await must(
        api,
        `mutation($i: CreateActionInput!) { createAction(input: $i) { id } }`,
        { i: { id, name: `Offer ${i}`, value: 10 + i, channel: 'web' } },
        designer.accessToken,
      );

    const createStrategy = async (name: string, description: string) =>
      (
        await must(
          api,
          `mutation($i: CreateStrategyInput!) { createStrategy(input: $i) { id versions { id contentHash revision } } }`,
          { i: { name, document: { ...WORLD_DOC, description } } },
          designer.accessToken,
        )
      ).createStrategy as { id: string; versions: { id: string; contentHash: string; revision: number }[] };
    const published = await createStrategy('Fuzz published', 'published');
    const version = published.versions[0]!;
    await must(
      api,
      `mutation($v: ID!) { submitVersion(versionId: $v) { id } }`,
      { v: version.id },
      designer.accessToken,
    );
    await sql.query(
      `INSERT INTO simulations (content_hash, status, results, completed_at) VALUES ($1, 'COMPLETED', '{"rows": 100}', now())`,
      [version.contentHash],
    );
    await must(
      api,
      `mutation($v: ID!) { approveVersion(versionId: $v, comment: "fuzz") { id } }`,
      { v: version.id },
      admin.accessToken,
    );
    await must(
      api,
      `mutation($v: ID!) { publishVersion(versionId: $v) { id } }`,
      { v: version.id },
      admin.accessToken,
    );
    const draft = await createStrategy('Fuzz draft', 'draft');

    const createKey = async (input: Record<string, unknown>) =>
      (
        await must(
          api,
          `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret apiKey { id } } }`,
          { i: input },
          admin.accessToken,
        )
      ).createApiKey as {
        secret: string;
        apiKey: { id: string };
      };
    const apiKey = await createKey({ name: 'fuzz caller', rateLimitPerSecond: 1_000_000 });
    const scopedKey = await createKey({
      name: 'fuzz scoped',
      strategyIds: [draft.id],
      rateLimitPerSecond: 1_000_000,
    });
    const slowKey = await createKey({ name: 'fuzz slow', rateLimitPerSecond: 1 });
    const revokedKey = await createKey({ name: 'fuzz revoked' });
    await must(
      api,
      `mutation($id: ID!) { revokeApiKey(id: $id) { id } }`,
      { id: revokedKey.apiKey.id },
      admin.accessToken,
    );

    const upload = await api.send({
      method: 'POST',
      path: `/api/v1/datasets?name=fuzz-base`,
      headers: {
        'content-type': 'text/csv',
        authorization: `Bearer ${admin.accessToken}`,
        'x-dataset-mapping': JSON.stringify({ customerId: 'id' }),
      },
      body: 'id,age,segment\nc1,30,gold\nc2,40,silver\n',
    });
    if (upload.status !== 201)
      throw new Error(`Fuzz set-up: dataset upload answered ${upload.status} ${upload.text}`);

    return {
      adminToken: admin.accessToken,
      designerToken: designer.accessToken,
      analystToken: analyst.accessToken,
      designerId: designer.user.id,
      victimEmail: 'fuzz-victim@fuzz.local',
      publishedStrategyId: published.id,
      publishedStrategyName: 'Fuzz published',
      actionIds,
      draftStrategyId: draft.id,
      draftVersionId: draft.versions[0]!.id,
      draftRevision: draft.versions[0]!.revision,
      datasetId: (JSON.parse(upload.text) as { id: string }).id,
      apiKey: apiKey.secret,
      scopedKey: scopedKey.secret,
      slowKey: slowKey.secret,
      revokedKey: revokedKey.secret,
    };
  } finally {
    await sql.end();
  }
}
