import { auditCount, createStrategy, mutate, VALID_DOC } from './support/fixtures';
import { useScenario } from './support/scenario';
import { errorCode, ok, useTestApp } from './support/test-app';

/**
 * Importing a catalog from CSV (issue 22): thousands of actions in one request and one transaction,
 * each strategy version looked at once for all of them; all or nothing, with every refused row named.
 */
describe('action import', () => {
  const t = useTestApp();
  const s = useScenario(t);
  const IMPORT = `mutation($i: ImportActionsInput!) {
    importActions(input: $i) { created updated impacts { versionId status effect message } }
  }`;
  const cardsDoc = {
    ...VALID_DOC,
    nodes: [{ id: 'candidates', type: 'actions', config: { groups: ['cards'] } }, VALID_DOC.nodes[1]],
  };

  it('creates 2,000 actions and updates one in a single import; drafts take them, submitted versions keep their copy', async () => {
    ok(
      await t.gql(
        `mutation { createAction(input: { id: "card-0", name: "Card 0", group: "cards", value: 1 }) { id } }`,
        {},
        s.designer.token,
      ),
    );
    const current = ok(
      await t.gql(`query { action(id: "card-0") { revision } }`, {}, s.designer.token),
    ).action;
    const submitted = await createStrategy(t, s.designer.token, 'Cards, submitted', cardsDoc);
    ok(await mutate.submit(t, s.designer.token, submitted.version.id));
    const draft = await createStrategy(t, s.designer.token, 'Cards, draft', cardsDoc);
    const unrelated = await createStrategy(t, s.designer.token, 'Loans, draft', {
      ...VALID_DOC,
      nodes: [{ id: 'candidates', type: 'actions', config: { groups: ['loans'] } }, VALID_DOC.nodes[1]],
    });
    const audited = await auditCount(t);

    const create = Array.from({ length: 2000 }, (_, i) => ({
      id: `card-${i + 1}`,
      name: `Card ${i + 1}`,
      group: 'cards',
      value: i % 50,
    }));
    const result = ok(
      await t.gql(
        IMPORT,
        { i: { create, update: [{ id: 'card-0', expectedRevision: current.revision, value: 9 }] } },
        s.designer.token,
      ),
    ).importActions;
    expect(result.created).toBe(2000);
    expect(result.updated).toBe(1);
    // One line per version that reads the cards, none for the loans draft.
    const byVersion = Object.fromEntries(result.impacts.map((i: { versionId: string }) => [i.versionId, i]));
    expect(Object.keys(byVersion).sort()).toEqual([draft.version.id, submitted.version.id].sort());
    expect(byVersion[draft.version.id].effect).toBe('FOLLOWS');
    expect(byVersion[draft.version.id].message).toMatch(
      /^Cards, draft version 1 \(draft\) takes the change: action 'Card 1' \(card-1\) added; .* and 1998 more changes$/,
    );
    expect(byVersion[submitted.version.id].effect).toBe('KEEPS_ITS_COPY');
    expect(byVersion[unrelated.version.id]).toBeUndefined();
    // The draft decides with the new actions; the submitted version with the catalog it was submitted with.
    const pinned = async (versionId: string) =>
      Number(
        (
          await t.sql.query(
            `SELECT jsonb_array_length(environment->'actions') AS n FROM strategy_versions WHERE id = $1`,
            [versionId],
          )
        ).rows[0].n,
      );
    expect(await pinned(draft.version.id)).toBe(2001);
    expect(await pinned(submitted.version.id)).toBe(1);
    expect(await auditCount(t)).toBe(audited + 2001);
    const summary = ok(
      await t.gql(
        `query { actionCatalogSummary(filter: { group: "cards" }) { matching } }`,
        {},
        s.designer.token,
      ),
    ).actionCatalogSummary;
    expect(summary.matching).toBe(2001);
  }, 120_000);

  it('writes nothing when one row cannot be written, and names every such row', async () => {
    const stale = ok(await t.gql(`query { action(id: "card-0") { revision } }`, {}, s.designer.token)).action;
    const before = ok(await t.gql(`query { actionCatalogSummary { total } }`, {}, s.designer.token))
      .actionCatalogSummary.total;
    const res = await t.gql(
      IMPORT,
      {
        i: {
          create: [
            { id: 'fresh-1', name: 'Fresh 1' },
            { id: 'card-5', name: 'Taken' },
          ],
          update: [
            { id: 'card-0', expectedRevision: stale.revision - 1, value: 1 },
            { id: 'no-such-card', expectedRevision: 1, value: 1 },
          ],
        },
      },
      s.designer.token,
    );
    expect(errorCode(res)).toBe('CONFLICT');
    const fields = (res.errors![0]!.extensions!['details'] as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(['input.create[1].id', 'input.update[0].expectedRevision', 'input.update[1].id']);
    const after = ok(await t.gql(`query { actionCatalogSummary { total } }`, {}, s.designer.token))
      .actionCatalogSummary.total;
    expect(after).toBe(before);

    const twice = await t.gql(
      IMPORT,
      { i: { create: [{ id: 'twin', name: 'Twin' }], update: [{ id: 'twin', expectedRevision: 1 }] } },
      s.designer.token,
    );
    expect(errorCode(twice)).toBe('VALIDATION_FAILED');
    expect(twice.errors![0]!.extensions!['details']).toEqual([
      { field: 'input.update[0].id', message: '"twin" is in input.create[0] already' },
    ]);
  });
});
