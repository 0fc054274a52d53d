import { useMemo, useSyncExternalStore } from 'react';
import { LoginScreen } from '../auth/LoginScreen';
import { session } from '../auth/session';
import { EditorScreen } from '../editor/EditorScreen';
import { ApiStrategySource } from '../strategies/api-strategy-source';
import { LocalStrategySource } from '../strategies/local-strategy-source';
import { StrategiesScreen } from '../strategies/StrategiesScreen';
import { navigate, useRoute } from './router';

/** `?local` runs the studio on this browser's storage with the example strategies, without the API. */
export function isLocalMode(): boolean {
  return new URLSearchParams(window.location.search).has('local');
}

export function App() {
  const local = isLocalMode();
  const source = useMemo(() => (local ? new LocalStrategySource() : new ApiStrategySource()), [local]);
  const current = useSyncExternalStore(session.subscribe, session.get);
  const route = useRoute();
  if (!local && !current) return <LoginScreen />;
  const user = local ? { displayName: 'You (this browser only)', email: '', roles: ['designer' as const], id: 'local' } : current!.user;
  if (route.screen === 'editor') {
    return <EditorScreen key={route.strategyId} source={source} strategyId={route.strategyId} onBack={() => navigate({ screen: 'strategies' })} onOpenStrategy={(id) => navigate({ screen: 'editor', strategyId: id })} />;
  }
  return <StrategiesScreen source={source} user={user} onOpen={(id) => navigate({ screen: 'editor', strategyId: id })} onSignOut={local ? undefined : () => session.set(null)} />;
}
