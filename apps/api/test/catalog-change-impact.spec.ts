import { publishStrategy } from './support/decision-api';
import {
  auditCount,
  completeSimulation,
  createStrategy,
  mutate,
  VALID_DOC,
  ADULTS_DOC,
  defineCustomerFields,
} from './support/fixtures';
import { useScenario } from './support/scenario';
import { errorCode, ok, useTestApp } from './support/test-app';

/**
 * Editing the catalog or the schema shows first which strategy versions read the change and what
 * would break (issue 16, item 1); a change that would break a published version is refused, listed.
 */
describe('catalog and schema change impact', () => {
  const t = useTestApp();
  const s = useScenario(t);

  const IMPACT = `refused refusal impacts { strategyName versionId versionNumber status effect message }`;
  const schemaImpact = (field: Record<string, unknown>, remove = false, token = s.designer.token) =>
    t.gql(
      `query($f: DefineSchemaFieldInput!, $r: Boolean!) { schemaChangeImpact(field: $f, remove: $r) { ${IMPACT} } }`,
      { f: { scope: 'customer', ...field }, r: remove },
      token,
    );
  const actionImpact = (action: Record<string, unknown>, remove = false) =>
    t.gql(
      `query($a: CreateActionInput!, $r: Boolean!) { catalogChangeImpact(action: $a, remove: $r) { ${IMPACT} } }`,
      { a: action, r: remove },
      s.designer.token,
    );

  it('previews a schema change that would break a published version, then refuses it with the same list', async () => {
    await defineCustomerFields(t, s.designer.token, [{ name: 'age', type: 'number' }]);
    ok(
      await t.gql(
        `mutation { createAction(input: { id: "adult-offer", name: "Adult offer", group: "adult" }) { id } }`,
        {},
        s.designer.token,
      ),
    );
    const published = await publishStrategy(t, s, ADULTS_DOC, 'Adults only');
    const approved = await createStrategy(t, s.designer.token, 'Adults, approved', ADULTS_DOC);
    ok(await mutate.submit(t, s.designer.token, approved.version.id));
    const submitted = ok(
      await t.gql(
        `query($v: ID!) { version(id: $v) { contentHash } }`,
        { v: approved.version.id },
        s.designer.token,
      ),
    ).version;
    await completeSimulation(t, submitted.contentHash);
    ok(await mutate.approve(t, s.reviewer.token, approved.version.id));
    const draft = await createStrategy(t, s.designer.token, 'Adults, draft', ADULTS_DOC);
    const before = await auditCount(t);

    const preview = ok(await schemaImpact({ name: 'age', type: 'string' })).schemaChangeImpact;
    expect(preview.refused).toBe(true);
    expect(preview.refusal).toMatch(/would break 2 versions/);
    const byVersion = Object.fromEntries(preview.impacts.map((i: { versionId: string }) => [i.versionId, i]));
    expect(byVersion[published.versionId]).toEqual({
      strategyName: 'Adults only',
      versionId: published.versionId,
      versionNumber: 1,
      status: 'PUBLISHED',
      effect: 'BREAKS',
      message:
        "Adults only version 1 (published) reads customer.age, and its type would change from number to string, so callers' values would no longer fit",
    });
    expect(byVersion[approved.version.id]).toMatchObject({ status: 'APPROVED', effect: 'BREAKS' });
    expect(byVersion[draft.version.id]).toMatchObject({
      status: 'DRAFT',
      effect: 'FOLLOWS',
      message: expect.stringContaining('customer field \'age\': type "number" → "string"'),
    });

    // A preview changes nothing: no audit entry, the draft keeps its content hash.
    expect(await auditCount(t)).toBe(before);
    expect(
      ok(
        await t.gql(
          `query($v: ID!) { version(id: $v) { contentHash } }`,
          { v: draft.version.id },
          s.designer.token,
        ),
      ).version.contentHash,
    ).toBe(draft.version.contentHash);

    // Saving it: CONFLICT listing the same versions, and nothing changed.
    const refused = await t.gql(
      `mutation { defineSchemaField(input: { scope: customer, name: "age", type: string }) { name } }`,
      {},
      s.designer.token,
    );
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors![0]!.message).toBe(preview.refusal);
    expect(refused.errors![0]!.extensions!.details!.map((d) => d.field).sort()).toEqual(
      [`versions.${approved.version.id}`, `versions.${published.versionId}`].sort(),
    );
    expect(
      ok(await t.gql(`{ dataSchema { customer { name type } } }`, {}, s.designer.token)).dataSchema.customer,
    ).toEqual(expect.arrayContaining([{ name: 'age', type: 'number' }]));

    // Removing the field: refused too, said beforehand.
    const removal = ok(await schemaImpact({ name: 'age', type: 'number' }, true)).schemaChangeImpact;
    expect(removal.refused).toBe(true);
    expect(
      removal.impacts
        .filter((i: { effect: string }) => i.effect === 'BREAKS')
        .map((i: { message: string }) => i.message),
    ).toContain(
      'Adults only version 1 (published) reads customer.age, and the field would no longer be declared, so callers stop sending it',
    );

    // A change callers' data still fits: listed, not refused.
    const harmless = ok(
      await schemaImpact({ name: 'age', type: 'number', description: 'Age in years' }),
    ).schemaChangeImpact;
    expect(harmless.refused).toBe(false);
    expect(harmless.refusal).toBeNull();
    expect(
      harmless.impacts.find((i: { versionId: string }) => i.versionId === published.versionId),
    ).toMatchObject({
      effect: 'KEEPS_ITS_COPY',
      message: expect.stringContaining('keeps deciding as approved, without the change'),
    });
  });

  it('previews a catalog edit: the versions that read the action, in words', async () => {
    ok(
      await t.gql(
        `mutation { createAction(input: { id: "gold-card", name: "Gold card", value: 120, group: "cards" }) { id } }`,
        {},
        s.designer.token,
      ),
    );
    const doc = {
      ...VALID_DOC,
      nodes: [{ id: 'candidates', type: 'actions', config: { groups: ['cards'] } }, VALID_DOC.nodes[1]],
    };
    const published = await publishStrategy(t, s, doc, 'Cards');
    const preview = ok(
      await actionImpact({ id: 'gold-card', name: 'Gold card', value: 150, group: 'cards' }),
    ).catalogChangeImpact;
    expect(preview).toMatchObject({ refused: false, refusal: null });
    expect(preview.impacts).toEqual([
      expect.objectContaining({
        versionId: published.versionId,
        effect: 'KEEPS_ITS_COPY',
        message:
          "Cards version 1 (published) keeps deciding as approved, without the change (action 'Gold card': value 120 → 150), until a new version is published",
      }),
    ]);
    // An action nobody reads yet, and one that does not exist to delete.
    expect(
      ok(await actionImpact({ id: 'unused', name: 'Unused', group: 'other' })).catalogChangeImpact.impacts,
    ).toEqual([]);
    expect(errorCode(await actionImpact({ id: 'missing', name: 'Missing' }, true))).toBe('NOT_FOUND');
    // Bad input names the field.
    const bad = await actionImpact({ id: 'has space', name: '' });
    expect(errorCode(bad)).toBe('VALIDATION_FAILED');
    expect(bad.errors![0]!.extensions!.details!.map((d) => d.field).sort()).toEqual([
      'action.id',
      'action.name',
    ]);
  });
});
