import { ok, type RunningApi } from '../api/api-process';

/** The arrange steps the stories take through the API before the browser part. */

export interface StoryDataset {
  id: string;
  name: string;
  rowCount: number;
  status: string;
}

/** The datasets that are ready to simulate on (the demo seed imports the retail and the coupon sample). */
export async function readyDatasets(api: RunningApi, token: string): Promise<StoryDataset[]> {
  const { datasets } = ok(await api.gql(`{ datasets { id name rowCount status } }`, {}, token));
  return (datasets as StoryDataset[]).filter((d) => d.status === 'READY');
}

/** A step of a strategy document, as the stories read and change them. */
export interface StoryNode {
  id: string;
  type: string;
  label?: string;
  position?: { x: number; y: number };
  config: Record<string, unknown>;
}

export interface StoryDocument {
  nodes: StoryNode[];
  edges: { source: string; target: string; sourceHandle?: string }[];
  [key: string]: unknown;
}

export interface StoryVersion {
  id: string;
  number: number;
  status: string;
  revision: number;
  contentHash: string;
  document: StoryDocument;
}

/** The strategy of that name with its versions. */
export async function strategyNamed(
  api: RunningApi,
  token: string,
  name: string,
): Promise<{ id: string; name: string; versions: StoryVersion[] }> {
  const { strategies } = ok(
    await api.gql(
      `{ strategies { edges { node { id name versions { id number status revision contentHash document } } } } }`,
      {},
      token,
    ),
  );
  return strategies.edges.find((e: { node: { name: string } }) => e.node.name === name).node;
}

/** A clone of the version `fromVersionId`, saved with `document`: the new draft and whether it is valid. */
export async function draftFrom(
  api: RunningApi,
  token: string,
  fromVersionId: string,
  document: unknown,
): Promise<{
  id: string;
  number: number;
  valid: boolean;
  contentHash: string;
  problems: { message: string }[];
}> {
  const clone = ok(
    await api.gql(
      `mutation($v: ID!) { cloneVersion(versionId: $v) { id number revision } }`,
      { v: fromVersionId },
      token,
    ),
  ).cloneVersion;
  const saved = ok(
    await api.gql(
      `mutation($i: SaveDraftInput!) { saveDraft(input: $i) { valid version { contentHash } problems { message } } }`,
      { i: { versionId: clone.id, expectedRevision: clone.revision, document } },
      token,
    ),
  ).saveDraft;
  return {
    id: clone.id,
    number: clone.number,
    valid: saved.valid,
    contentHash: saved.version.contentHash,
    problems: saved.problems,
  };
}

/** A clone of `version` whose steps went through `edit` (the rest of its document kept): see draftFrom. */
export function editedDraft(
  api: RunningApi,
  token: string,
  version: StoryVersion,
  edit: (node: StoryNode) => StoryNode,
): ReturnType<typeof draftFrom> {
  return draftFrom(api, token, version.id, { ...version.document, nodes: version.document.nodes.map(edit) });
}

/** Submits the version for review. */
export async function submitVersion(api: RunningApi, token: string, versionId: string): Promise<void> {
  ok(await api.gql(`mutation($v: ID!) { submitVersion(versionId: $v) { status } }`, { v: versionId }, token));
}

/**
 * A real simulation of the version on the dataset (against `baselineVersionId` when given), polled
 * until the worker has completed it; fails when it ends otherwise or takes longer than `timeoutMs`.
 */
export async function simulateUntilDone(
  api: RunningApi,
  token: string,
  run: { versionId: string; datasetId: string; baselineVersionId?: string },
  timeoutMs = 300_000,
): Promise<{ id: string; contentHash: string; error: string | null }> {
  const started = ok(
    await api.gql(
      `mutation($v: ID!, $d: ID!, $b: ID) { runSimulation(versionId: $v, datasetId: $d, baselineVersionId: $b) { id contentHash } }`,
      { v: run.versionId, d: run.datasetId, b: run.baselineVersionId },
      token,
    ),
  ).runSimulation;
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
    const { status, error } = ok(
      await api.gql(`query($id: ID!) { simulation(id: $id) { status error } }`, { id: started.id }, token),
    ).simulation;
    if (status === 'COMPLETED') return { ...started, error };
    if (status !== 'QUEUED' && status !== 'RUNNING')
      throw new Error(`simulation of version ${run.versionId} ended ${status}: ${error ?? 'no error given'}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the simulation of version ${run.versionId} did not complete within ${timeoutMs / 1000} s`);
}

/** Publishes the approved version. */
export async function publishVersion(api: RunningApi, token: string, versionId: string): Promise<void> {
  ok(
    await api.gql(`mutation($v: ID!) { publishVersion(versionId: $v) { status } }`, { v: versionId }, token),
  );
}

/** A new API key (as an admin), for every strategy or only `strategyIds`: its secret. */
export async function createApiKey(
  api: RunningApi,
  adminToken: string,
  input: { name: string; strategyIds?: string[] },
): Promise<string> {
  return ok(
    await api.gql(
      `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }`,
      { i: input },
      adminToken,
    ),
  ).createApiKey.secret;
}
