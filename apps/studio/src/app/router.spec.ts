import { parseRoute, routeHash } from './router';

describe('routes', () => {
  it('round-trips the editor route and defaults to the strategies list', () => {
    expect(parseRoute(routeHash({ screen: 'editor', strategyId: 'a b/c' }))).toEqual({ screen: 'editor', strategyId: 'a b/c' });
    expect(parseRoute('')).toEqual({ screen: 'strategies' });
    expect(parseRoute('#/nonsense')).toEqual({ screen: 'strategies' });
  });
});
