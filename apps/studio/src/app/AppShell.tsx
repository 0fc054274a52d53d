import type { ReactNode } from 'react';
import type { SessionUser } from '../auth/session';
import { Button } from '../shared/ui';
import { ReviewQueueCount } from '../review/ReviewQueueCount';
import { visibleNav } from './access';
import { routeHash, type Screen } from './router';

/**
 * The frame of every screen but the editor and the review: the navigation this user's roles allow,
 * who is signed in with which roles, and sign out.
 */
export function AppShell({
  user,
  current,
  local,
  onSignOut,
  children,
}: {
  user: SessionUser;
  current: Screen;
  local?: boolean;
  onSignOut?: () => void;
  children: ReactNode;
}) {
  const items = local ? visibleNav(user).filter((i) => i.screen === 'strategies') : visibleNav(user);
  return (
    <div className="app-shell">
      <header className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            A
          </span>
          Arbiter Studio
        </div>
        <nav className="app-nav" aria-label="Main">
          {items.map((item) => (
            <a
              key={item.screen}
              href={routeHash({ screen: item.screen } as never)}
              aria-current={item.screen === current ? 'page' : undefined}
            >
              {item.label}
              {item.screen === 'reviews' && <ReviewQueueCount refresh={current} />}
            </a>
          ))}
        </nav>
        <div className="app-header-user">
          <span className="app-user" title={user.email}>
            {user.displayName}
            {local ? (
              <span className="status-pill"> browser only</span>
            ) : (
              <span className="muted small"> · {user.roles.join(', ') || 'no role'}</span>
            )}
          </span>
          {onSignOut && (
            <Button variant="ghost" onClick={onSignOut}>
              Sign out
            </Button>
          )}
        </div>
      </header>
      {user.roles.length === 0 && !local ? (
        <main className="page-main">
          <p className="callout callout-warning" role="status">
            Your account has no role yet, so there is nothing you may see or do. Ask an admin to give you one
            (designer, analyst, reviewer, publisher or admin).
          </p>
        </main>
      ) : (
        children
      )}
    </div>
  );
}
