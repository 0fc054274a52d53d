import { ok, Role, useTestApp, useUser } from './support/test-app';
import { createActions } from './support/fixtures';

/** What the Actions screen reads to page through a large catalog: sizes, filter choices, last change. */
describe('action catalog summary and server-side filtering', () => {
  const t = useTestApp();
  const designer = useUser(t, [Role.designer]);
  const analyst = useUser(t, [Role.analyst]);

  const summary = async (filter: Record<string, string> = {}) =>
    ok(
      await t.gql(
        `query($f: ActionFilterInput) { actionCatalogSummary(filter: $f) { total matching groups channels changedAt } }`,
        { f: filter },
        analyst.token,
      ),
    ).actionCatalogSummary;

  it('counts the whole catalog and the filter, lists groups and channels, and says when it changed', async () => {
    expect(await summary()).toEqual({ total: 0, matching: 0, groups: [], channels: [], changedAt: null });
    await createActions(
      t,
      designer.token,
      [
        ['gold-card', 'cards', 'web'],
        ['silver-card', 'cards', 'email'],
        ['travel-insurance', 'insurance', 'web'],
        ['plain', null, null],
      ].map(([id, group, channel]) => ({ id, name: `${id} offer`, group, channel })),
    );
    const all = await summary();
    expect(all).toMatchObject({
      total: 4,
      matching: 4,
      groups: ['cards', 'insurance'],
      channels: ['email', 'web'],
    });
    expect(all.changedAt).toEqual(expect.any(String));
    expect(await summary({ group: 'cards', search: 'SILVER' })).toMatchObject({ total: 4, matching: 1 });

    const page = ok(
      await t.gql(
        `{ actions(filter: { channel: "web" }, page: { first: 100 }) { edges { node { id } } } }`,
        {},
        analyst.token,
      ),
    ).actions;
    expect(page.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([
      'gold-card',
      'travel-insurance',
    ]);

    // An edit moves the last change on: a client's copy of the catalog knows it is stale.
    ok(
      await t.gql(
        `mutation { updateAction(id: "plain", input: { expectedRevision: 1, value: 5 }) { id } }`,
        {},
        designer.token,
      ),
    );
    expect(Date.parse((await summary()).changedAt)).toBeGreaterThan(Date.parse(all.changedAt));
  });
});
