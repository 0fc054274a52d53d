import { useMemo, useSyncExternalStore } from 'react';
import { LoginScreen } from '../auth/LoginScreen';
import { session } from '../auth/session';
import { AuditScreen } from '../audit/AuditScreen';
import { EditorScreen } from '../editor/EditorScreen';
import { ReviewScreen } from '../review/ReviewScreen';
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
  const back = () => navigate({ screen: 'strategies' });
  if (route.screen === 'editor') {
    return (
      <EditorScreen
        key={route.strategyId}
        source={source}
        strategyId={route.strategyId}
        onBack={back}
        onOpenStrategy={(id) => navigate({ screen: 'editor', strategyId: id })}
        onReview={local ? undefined : () => navigate({ screen: 'review', strategyId: route.strategyId })}
      />
    );
  }
  // Review and audit need the API (its lifecycle, simulations and audit chain); not in ?local.
  if (route.screen === 'review' && !local) {
    return <ReviewScreen key={route.strategyId} strategyId={route.strategyId} onBack={back} onOpenEditor={() => navigate({ screen: 'editor', strategyId: route.strategyId })} />;
  }
  if (route.screen === 'audit' && !local && canSeeAudit(user.roles)) return <AuditScreen onBack={back} />;
  return (
    <StrategiesScreen
      source={source}
      user={user}
      onOpen={(id) => navigate({ screen: 'editor', strategyId: id })}
      onReview={local ? undefined : (id) => navigate({ screen: 'review', strategyId: id })}
      onAudit={!local && canSeeAudit(user.roles) ? () => navigate({ screen: 'audit' }) : undefined}
      onSignOut={local ? undefined : () => session.set(null)}
    />
  );
}

/** The audit log is for admins and reviewers (the API's rule). */
export function canSeeAudit(roles: readonly string[]): boolean {
  return roles.includes('admin') || roles.includes('reviewer');
}
