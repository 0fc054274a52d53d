import { atLeast, pipelineDoc, VALID_DOC } from './documents';
import { createActions } from './fixtures';
import { ok, type TestApp } from './test-app';

/** Baseline: every action for everyone. */
export const ALL_ACTIONS_DOC = VALID_DOC;

/** Draft: only customers aged 30 or more get anything (a known difference: every younger row loses its offers). */
export const ADULTS_DOC = pipelineDoc(
  { id: 'candidates', type: 'actions' },
  { id: 'thirty-plus', type: 'filter', config: { condition: atLeast('age', 30) } },
  { id: 'output', type: 'output' },
);

/** The catalog of customersCsv's logged offers, and a strategy of each document; returns the version ids. */
export async function simulationSetup(
  t: Pick<TestApp, 'gql'>,
  designerToken: string,
): Promise<{ baseline: { id: string; contentHash: string }; draft: { id: string; contentHash: string } }> {
  await createActions(
    t,
    designerToken,
    [
      ['card', 10],
      ['loan', 20],
    ].map(([id, value]) => ({ id, name: id, value })),
  );
  const create = async (name: string, document: unknown) =>
    ok(
      await t.gql(
        `mutation($i: CreateStrategyInput!) { createStrategy(input: $i) { versions { id contentHash } } }`,
        { i: { name, document } },
        designerToken,
      ),
    ).createStrategy.versions[0];
  return {
    baseline: await create('All offers', ALL_ACTIONS_DOC),
    draft: await create('Thirty plus', ADULTS_DOC),
  };
}

export const RUN = `mutation($v: ID!, $d: ID!, $b: ID, $f: Boolean) { runSimulation(versionId: $v, datasetId: $d, baselineVersionId: $b, force: $f) { id status contentHash rowsTotal chunkCount } }`;
