import { grantsFor } from '../test-support/served-permissions';
import { canOpen, deniedReason, visibleNav } from './access';

describe('what the studio offers, from the permissions the server serves', () => {
  it('enables what the server allows and shows its reason on the rest', () => {
    const analyst = grantsFor(['analyst']);
    expect(deniedReason('runSimulation', analyst)).toBeUndefined();
    expect(deniedReason('editCatalog', analyst)).toBe('Only designers change the action catalog.');
  });

  it('enables nothing before the server has said what the user may do', () => {
    const unknown = { permissions: [], deniedPermissions: [] };
    expect(deniedReason('runSimulation', unknown)).toBe('Checking what you may do…');
  });

  it('shows a screen in the navigation only to those the server lets use it', () => {
    const screens = (roles: Parameters<typeof grantsFor>[0]) =>
      visibleNav({ roles, ...grantsFor(roles) }).map((i) => i.screen);
    expect(screens(['reviewer'])).toContain('reviews');
    expect(screens(['reviewer'])).toContain('audit');
    expect(screens(['designer'])).not.toContain('reviews');
    expect(screens(['admin'])).toEqual(expect.arrayContaining(['keys', 'users', 'customers', 'audit']));
    expect(screens([])).toEqual([]);
    expect(canOpen('users', { roles: ['analyst'], ...grantsFor(['analyst']) })).toBe(false);
  });
});
