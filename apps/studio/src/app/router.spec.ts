import { parseRoute, routeHash } from './router';

describe('routes', () => {
  it('round-trips the editor route and defaults to the strategies list', () => {
    expect(parseRoute(routeHash({ screen: 'editor', strategyId: 'a b/c' }))).toEqual({ screen: 'editor', strategyId: 'a b/c' });
    expect(parseRoute('')).toEqual({ screen: 'strategies' });
    expect(parseRoute('#/nonsense')).toEqual({ screen: 'strategies' });
  });

  it('round-trips the review and audit routes', () => {
    expect(parseRoute(routeHash({ screen: 'review', strategyId: 's 1' }))).toEqual({ screen: 'review', strategyId: 's 1' });
    expect(routeHash({ screen: 'review', strategyId: 'x' })).toBe('#/strategies/x/review');
    expect(parseRoute('#/audit')).toEqual({ screen: 'audit' });
    expect(parseRoute(routeHash({ screen: 'audit' }))).toEqual({ screen: 'audit' });
  });
});
