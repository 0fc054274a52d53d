import { landingRoute } from './landing';
import { parseRoute, routeHash } from './router';

describe('landing', () => {
  it('takes each role to what it does next', () => {
    expect(routeHash(landingRoute(['reviewer']))).toBe('#/reviews');
    expect(routeHash(landingRoute(['publisher']))).toBe('#/strategies?status=APPROVED');
    expect(routeHash(landingRoute(['designer']))).toBe('#/strategies?status=DRAFT');
    expect(routeHash(landingRoute(['analyst']))).toBe('#/simulations');
    expect(routeHash(landingRoute(['admin']))).toBe('#/users');
  });

  it('puts work that waits on this user first when they hold several roles', () => {
    expect(landingRoute(['designer', 'reviewer'])).toEqual({ screen: 'reviews' });
    expect(landingRoute(['admin', 'designer', 'publisher'])).toEqual({
      screen: 'strategies',
      status: 'APPROVED',
    });
    expect(landingRoute(['admin', 'analyst', 'designer'])).toEqual({ screen: 'strategies', status: 'DRAFT' });
    expect(landingRoute(['admin', 'analyst'])).toEqual({ screen: 'simulations' });
  });

  it('shows the strategies list to a user without a role', () => {
    expect(landingRoute([])).toEqual({ screen: 'strategies' });
  });

  it('is only the home route: the strategies item of the navigation keeps its own address', () => {
    expect(parseRoute('#/')).toEqual({ screen: 'home' });
    expect(parseRoute('#/strategies')).toEqual({ screen: 'strategies' });
  });
});
