import { lazy, Suspense, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { LoginScreen } from '../auth/LoginScreen';
import { session, type SessionUser } from '../auth/session';
import { ApiStrategySource } from '../strategies/api-strategy-source';
import { LocalStrategySource } from '../strategies/local-strategy-source';
import { StrategiesScreen } from '../strategies/StrategiesScreen';
import { useFreshPermissions } from '../auth/use-fresh-permissions';
import { canOpen, deniedReason } from './access';
import { AppShell } from './AppShell';
import { landingRoute } from './landing';
import { navigate, useRoute, type Route } from './router';

// Every screen but the first one a user sees is its own chunk, loaded when opened: the canvas
// (@xyflow/react), the charts and the layout engine stay out of the first page's JavaScript.
const ApiKeysScreen = lazy(() =>
  import('../admin/ApiKeysScreen').then((m) => ({ default: m.ApiKeysScreen })),
);
const UsersScreen = lazy(() => import('../admin/UsersScreen').then((m) => ({ default: m.UsersScreen })));
const AuditScreen = lazy(() => import('../audit/AuditScreen').then((m) => ({ default: m.AuditScreen })));
const CustomersScreen = lazy(() =>
  import('../customers/CustomersScreen').then((m) => ({ default: m.CustomersScreen })),
);
const ActionsScreen = lazy(() =>
  import('../catalog/ActionsScreen').then((m) => ({ default: m.ActionsScreen })),
);
const DatasetsScreen = lazy(() =>
  import('../datasets/DatasetsScreen').then((m) => ({ default: m.DatasetsScreen })),
);
const EditorScreen = lazy(() => import('../editor/EditorScreen').then((m) => ({ default: m.EditorScreen })));
const ExperimentsScreen = lazy(() =>
  import('../experiments/ExperimentsScreen').then((m) => ({ default: m.ExperimentsScreen })),
);
const ModelsScreen = lazy(() => import('../models/ModelsScreen').then((m) => ({ default: m.ModelsScreen })));
const ReviewQueueScreen = lazy(() =>
  import('../review/ReviewQueueScreen').then((m) => ({ default: m.ReviewQueueScreen })),
);
const ReviewScreen = lazy(() => import('../review/ReviewScreen').then((m) => ({ default: m.ReviewScreen })));
const SchemaScreen = lazy(() => import('../schema/SchemaScreen').then((m) => ({ default: m.SchemaScreen })));
const SimulationsScreen = lazy(() =>
  import('../simulations/SimulationsScreen').then((m) => ({ default: m.SimulationsScreen })),
);

function Loading({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <p className="loading" role="status">
          Loading…
        </p>
      }
    >
      {children}
    </Suspense>
  );
}

/** `?local` runs the studio on this browser's storage with the example strategies, without the API. */
export function isLocalMode(): boolean {
  return new URLSearchParams(window.location.search).has('local');
}

const LOCAL_USER: SessionUser = {
  displayName: 'You (this browser only)',
  email: '',
  roles: ['designer'],
  id: 'local',
  // Without the API only strategies in this browser exist: designing them is all there is to do.
  permissions: ['createStrategy', 'editDrafts'],
  deniedPermissions: [],
};

export function App() {
  const local = isLocalMode();
  const source = useMemo(() => (local ? new LocalStrategySource() : new ApiStrategySource()), [local]);
  const current = useSyncExternalStore(session.subscribe, session.get);
  const asked = useRoute();
  useFreshPermissions(!local && !!current);
  if (!local && !current) return <LoginScreen />;
  const user = local ? LOCAL_USER : current!.user;
  const home: Route = local ? { screen: 'strategies' } : landingRoute(user.roles);
  const route = asked.screen === 'home' ? home : asked;
  const back = () => navigate({ screen: 'strategies' });
  if (route.screen === 'editor') {
    return (
      <Loading>
        <EditorScreen
          key={route.strategyId}
          source={source}
          strategyId={route.strategyId}
          onBack={back}
          onOpenStrategy={(id) => navigate({ screen: 'editor', strategyId: id })}
          onReview={local ? undefined : () => navigate({ screen: 'review', strategyId: route.strategyId })}
          newDraftDenied={deniedReason('editDrafts', user)}
        />
      </Loading>
    );
  }
  // Everything but the editor needs the API (lifecycle, simulations, audit chain); not in ?local.
  if (route.screen === 'review' && !local) {
    return (
      <Loading>
        <ReviewScreen
          key={`${route.strategyId}:${route.versionId ?? ''}`}
          strategyId={route.strategyId}
          versionId={route.versionId}
          onBack={back}
          onOpenEditor={() => navigate({ screen: 'editor', strategyId: route.strategyId })}
          onOpenExperiments={() => navigate({ screen: 'experiments', strategyId: route.strategyId })}
        />
      </Loading>
    );
  }
  if (route.screen === 'experiments' && !local) {
    return (
      <Loading>
        <ExperimentsScreen
          key={route.strategyId}
          strategyId={route.strategyId}
          user={user}
          onBack={back}
          onOpenReview={() => navigate({ screen: 'review', strategyId: route.strategyId })}
        />
      </Loading>
    );
  }
  const shown: Route = !local && canOpen(route.screen, user) ? route : { screen: 'strategies' };
  return (
    <AppShell
      user={user}
      current={shown.screen}
      local={local}
      onSignOut={local ? undefined : () => session.set(null)}
    >
      <Loading>
        <ShellScreen route={shown} user={user} source={source} local={local} />
      </Loading>
    </AppShell>
  );
}

function ShellScreen({
  route,
  user,
  source,
  local,
}: {
  route: Route;
  user: SessionUser;
  source: ApiStrategySource | LocalStrategySource;
  local: boolean;
}) {
  switch (route.screen) {
    case 'actions':
      return <ActionsScreen user={user} />;
    case 'schema':
      return <SchemaScreen user={user} />;
    case 'datasets':
      return <DatasetsScreen key={route.datasetId ?? 'list'} user={user} datasetId={route.datasetId} />;
    case 'simulations':
      return (
        <SimulationsScreen
          key={route.simulationId ?? route.versionId ?? 'list'}
          user={user}
          simulationId={route.simulationId}
          versionId={route.versionId}
        />
      );
    case 'models':
      return (
        <ModelsScreen
          key={route.modelId ?? 'list'}
          user={user}
          modelId={route.modelId}
          versionId={route.versionId}
          compare={route.compare}
          trainingId={route.trainingId}
        />
      );
    case 'customers':
      return <CustomersScreen user={user} />;
    case 'reviews':
      return <ReviewQueueScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'keys':
      return <ApiKeysScreen user={user} />;
    case 'users':
      return <UsersScreen user={user} />;
    default: {
      // The key resets the filter when the route names another status (the home of a publisher, then
      // the Strategies item of the navigation).
      const status = route.screen === 'strategies' ? route.status : undefined;
      return (
        <StrategiesScreen
          key={status ?? 'all'}
          initialStatus={status}
          source={source}
          user={user}
          onOpen={(id) => navigate({ screen: 'editor', strategyId: id })}
          onReview={local ? undefined : (id) => navigate({ screen: 'review', strategyId: id })}
        />
      );
    }
  }
}
