import { SERVED_PERMISSIONS } from '../../studio/src/test-support/served-permissions';
import { Permission, PERMISSIONS } from '../src/auth/permissions';
import { CALLERS, expectedOutcome, MUTATION_ACCESS, QUERY_ACCESS, type Caller } from './support/role-matrix';
import { ok, Role, useTestApp } from './support/test-app';

/** For each permission, one operation it guards: what the studio offers must be what the server allows. */
const GUARDED: Partial<Record<Permission, string>> = {
  editCatalog: 'createAction',
  editSchema: 'defineSchemaField',
  protectFields: 'setSchemaFieldProtected',
  setFairnessThresholds: 'setFairnessSettings',
  createStrategy: 'createStrategy',
  editDrafts: 'saveDraft',
  reviewVersions: 'approveVersion',
  publishVersions: 'publishVersion',
  commentOnVersions: 'addComment',
  deleteDataset: 'deleteDataset',
  runSimulation: 'runSimulation',
  trainModel: 'trainModel',
  configureAdaptiveModel: 'createAdaptiveModel',
  controlAdaptiveModel: 'freezeAdaptiveModel',
  readCustomerProfiles: 'customerProfile',
  readInteractions: 'customerInteractions',
  readAuditLog: 'auditLog',
  manageKeys: 'createApiKey',
  manageUsers: 'createUser',
};
/** Guarded only by REST routes (their roles are checked in the REST tests): uploads and the CSV export. */
const REST_ONLY: Partial<Record<Permission, readonly Role[]>> = {
  uploadDataset: [Role.analyst],
  exportSimulationCustomers: [Role.analyst, Role.reviewer],
};

const ME = `{ me { permissions deniedPermissions { permission reason } } }`;

describe('me { permissions }', () => {
  const t = useTestApp();

  it.each(CALLERS.filter((c): c is Exclude<Caller, 'anonymous'> => c !== 'anonymous'))(
    'lists for %s exactly what the role matrix lets them do, and says why not for the rest',
    async (caller) => {
      const roles = caller === 'noRoles' ? [] : [caller];
      const user = await t.user(roles, `perm-${caller}`);
      const { permissions, deniedPermissions } = ok(await t.gql(ME, {}, user.token)).me as {
        permissions: Permission[];
        deniedPermissions: { permission: Permission; reason: string }[];
      };
      const expected = Object.values(Permission).filter((p) => {
        const rest = REST_ONLY[p];
        if (rest) return roles.some((r) => rest.includes(r));
        const op = GUARDED[p]!;
        return expectedOutcome(MUTATION_ACCESS[op] ?? QUERY_ACCESS[op]!, caller) === 'allowed';
      });
      expect(permissions).toEqual(expected);
      expect(deniedPermissions.map((d) => d.permission)).toEqual(
        Object.values(Permission).filter((p) => !expected.includes(p)),
      );
      for (const d of deniedPermissions) expect(d.reason).toMatch(/^Only |^Admins |can comment\.$/);
    },
  );

  it("is what the studio's component specs assume the server serves", () => {
    expect(SERVED_PERMISSIONS).toEqual(PERMISSIONS);
  });

  it('follows a role change at once', async () => {
    const admin = await t.user([Role.admin], 'perm-admin');
    const user = await t.user([Role.designer], 'perm-changing');
    expect(ok(await t.gql(ME, {}, user.token)).me.permissions).not.toContain('runSimulation');
    ok(
      await t.gql(
        `mutation($u: ID!, $r: [Role!]!) { setUserRoles(userId: $u, roles: $r) { id } }`,
        { u: user.id, r: ['analyst'] },
        admin.token,
      ),
    );
    const after = ok(await t.gql(ME, {}, user.token)).me.permissions as string[];
    expect(after).toContain('runSimulation');
    expect(after).not.toContain('editCatalog');
  });
});
