import { parseRoute, routeHash, type Route } from './router';

describe('routes', () => {
  it('round-trips every screen, ids with awkward characters included', () => {
    const routes: Route[] = [
      { screen: 'home' },
      { screen: 'strategies' },
      { screen: 'strategies', status: 'DRAFT' },
      { screen: 'strategies', status: 'APPROVED' },
      { screen: 'editor', strategyId: 'a b/c' },
      { screen: 'review', strategyId: 's 1' },
      { screen: 'review', strategyId: 's 1', versionId: 'v&3' },
      { screen: 'experiments', strategyId: 's/1' },
      { screen: 'reviews' },
      { screen: 'actions' },
      { screen: 'schema' },
      { screen: 'datasets' },
      { screen: 'datasets', datasetId: 'd/1' },
      { screen: 'simulations' },
      { screen: 'simulations', simulationId: 'sim 9' },
      { screen: 'simulations', versionId: 'v&1' },
      { screen: 'models' },
      { screen: 'models', modelId: 'm/1' },
      { screen: 'models', modelId: 'm1', versionId: 'v&2' },
      { screen: 'models', modelId: 'm1', compare: ['v,1', 'v 2'] },
      { screen: 'models', modelId: 'm1', trainingId: 'job 7' },
      { screen: 'audit' },
      { screen: 'keys' },
      { screen: 'users' },
    ];
    for (const route of routes) expect(parseRoute(routeHash(route))).toEqual(route);
  });

  it('reads the hashes people type and falls back to the strategies list', () => {
    expect(routeHash({ screen: 'review', strategyId: 'x' })).toBe('#/strategies/x/review');
    expect(routeHash({ screen: 'experiments', strategyId: 'x' })).toBe('#/strategies/x/experiments');
    expect(parseRoute('#/audit')).toEqual({ screen: 'audit' });
    expect(parseRoute('')).toEqual({ screen: 'home' });
    expect(parseRoute('#/')).toEqual({ screen: 'home' });
    expect(parseRoute('#/strategies?status=IN_REVIEW')).toEqual({
      screen: 'strategies',
      status: 'IN_REVIEW',
    });
    expect(parseRoute('#/strategies?status=bogus')).toEqual({ screen: 'strategies' });
    expect(parseRoute('#/nonsense')).toEqual({ screen: 'strategies' });
    expect(parseRoute('#/keys/extra')).toEqual({ screen: 'strategies' });
  });
});
