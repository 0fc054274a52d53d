import request from 'supertest';
import { completeSimulation, createStrategy, mutate, saveDraft } from './fixtures';
import type { Scenario } from './scenario';
import { ok, type TestApp } from './test-app';

export interface Published {
  strategyId: string;
  versionId: string;
  contentHash: string;
  number: number;
}

/** A strategy whose version 1 is PUBLISHED with this document (designer → reviewer → publisher). */
export async function publishStrategy(
  t: TestApp,
  s: Scenario,
  document: unknown,
  name = s.unique('Strategy'),
): Promise<Published> {
  const { strategyId, version } = await createStrategy(t, s.designer.token, name, document);
  ok(await mutate.submit(t, s.designer.token, version.id));
  await completeSimulation(t, version.contentHash);
  ok(await mutate.approve(t, s.reviewer.token, version.id));
  const published = ok(await mutate.publish(t, s.publisher.token, version.id)).publishVersion;
  return {
    strategyId,
    versionId: published.id,
    contentHash: published.contentHash,
    number: published.number,
  };
}

/** A new version of the strategy with this document, published (the previous one becomes RETIRED). */
export async function publishNewVersion(
  t: TestApp,
  s: Scenario,
  from: Published,
  document: unknown,
): Promise<Published> {
  const clone = ok(await mutate.clone(t, s.designer.token, from.versionId)).cloneVersion;
  const saved = ok(await saveDraft(t, s.designer.token, clone.id, clone.revision, document)).saveDraft
    .version;
  ok(await mutate.submit(t, s.designer.token, clone.id));
  await completeSimulation(t, saved.contentHash);
  ok(await mutate.approve(t, s.reviewer.token, clone.id));
  const published = ok(await mutate.publish(t, s.publisher.token, clone.id)).publishVersion;
  return {
    strategyId: from.strategyId,
    versionId: published.id,
    contentHash: published.contentHash,
    number: published.number,
  };
}

/** An API key created by an admin through GraphQL; returns the secret and the key's id. */
export async function createApiKey(
  t: TestApp,
  adminToken: string,
  input: { name?: string; strategyIds?: string[]; rateLimitPerSecond?: number } = {},
) {
  const res = ok(
    await t.gql(
      `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret apiKey { id prefix name strategyIds revokedAt } } }`,
      { i: { name: 'test system', ...input } },
      adminToken,
    ),
  );
  return {
    secret: res.createApiKey.secret as string,
    id: res.createApiKey.apiKey.id as string,
    prefix: res.createApiKey.apiKey.prefix as string,
  };
}

/** A REST call with an API key. */
export function rest(t: Pick<TestApp, 'app'>, key?: string) {
  const server = t.app.getHttpServer();
  const auth = <R extends request.Test>(r: R) => (key ? r.set('authorization', `Bearer ${key}`) : r);
  return {
    post: (path: string, body: unknown) =>
      auth(
        request(server)
          .post(path)
          .send(body as object),
      ),
    get: (path: string) => auth(request(server).get(path)),
  };
}

/** Polls until `check` returns true or the deadline passes; returns the milliseconds it took, or -1. */
export async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  while (Date.now() - start <= ms) {
    if (await check()) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 20));
  }
  return -1;
}
