import { GraphQLSchemaHost } from '@nestjs/graphql';
import { MUTATIONS, QUERIES } from './support/operations';
import { CALLERS, expectedOutcome, MUTATION_ACCESS, QUERY_ACCESS, type Caller } from './support/role-matrix';
import { useScenario } from './support/scenario';
import { errorCode, Role, useTestApp } from './support/test-app';

/**
 * Every mutation and query × every kind of caller (no token, no roles, each single role): the
 * allowed callers succeed (no error at all), everyone else gets FORBIDDEN (UNAUTHENTICATED without
 * a token) and the operation writes nothing.
 */
describe('role matrix', () => {
  const t = useTestApp();
  const s = useScenario(t);
  const tokens: Partial<Record<Caller, string | undefined>> = {};

  beforeAll(async () => {
    tokens.anonymous = undefined;
    tokens.noRoles = (await t.user([], 'no-roles')).token;
    for (const role of Object.values(Role)) tokens[role] = (await t.user([role], `only-${role}`)).token;
  });

  it('covers every operation of the schema', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    expect(Object.keys(schema.getMutationType()!.getFields()).sort()).toEqual(
      Object.keys(MUTATION_ACCESS).sort(),
    );
    expect(Object.keys(MUTATIONS).sort()).toEqual(Object.keys(MUTATION_ACCESS).sort());
    expect(Object.keys(schema.getQueryType()!.getFields()).sort()).toEqual(Object.keys(QUERY_ACCESS).sort());
    expect(Object.keys(QUERIES).sort()).toEqual(Object.keys(QUERY_ACCESS).sort());
  });

  const auditCount = async () => Number((await t.sql.query('SELECT count(*) AS n FROM audit_log')).rows[0].n);

  for (const [kind, operations, access] of [
    ['mutation', MUTATIONS, MUTATION_ACCESS],
    ['query', QUERIES, QUERY_ACCESS],
  ] as const) {
    for (const name of Object.keys(access)) {
      it(`${kind} ${name}: ${JSON.stringify(access[name])}`, async () => {
        const outcomes: Record<string, string> = {};
        const expected: Record<string, string> = {};
        for (const caller of CALLERS) {
          const call = await operations[name]!(s, t);
          const before = await auditCount();
          const res = await t.gql(call.query, call.variables, tokens[caller]);
          const outcome = expectedOutcome(access[name]!, caller);
          expected[caller] = outcome;
          outcomes[caller] = res.errors
            ? (errorCode(res) ?? 'NO_CODE') + (outcome === 'allowed' ? `: ${res.errors[0]!.message}` : '')
            : 'allowed';
          if (outcome !== 'allowed') expect(await auditCount()).toBe(before);
        }
        expect(outcomes).toEqual(expected);
      });
    }
  }
});
