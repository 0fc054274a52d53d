import { useState } from 'react';
import { useServerQuery } from '../api/use-server-query';
import type { Role } from '../api/generated/graphql';
import type { SessionUser } from '../auth/session';
import { deniedReason } from '../app/access';
import { Button, EmptyState, ErrorCallout } from '../shared/ui';
import { graphqlUsersApi, type User, type UsersApi } from './admin-api';
import { adminError } from './admin-error';
import { CreateUserForm } from './CreateUserForm';
import { ROLES } from './roles';

/** Who may use the studio, with which roles; admins add people, change roles and (de)activate. */
export function UsersScreen({ user: me, api = graphqlUsersApi }: { user: SessionUser; api?: UsersApi }) {
  // The first page; "Load more" appends to it, and a return to the page reads the first page again.
  const list = useServerQuery(() => api.page(), [api]);
  const users = list.data?.users;
  const next = list.data?.next;
  const [changeError, setError] = useState<string>();
  const error = changeError ?? (list.error === undefined ? undefined : adminError(list.failure));
  const setUsers = (update: (all: User[]) => User[]) =>
    list.setData((d) => d && { ...d, users: update(d.users) });
  const [notice, setNotice] = useState<string>();
  const [pending, setPending] = useState<string>();
  const [creating, setCreating] = useState(false);
  const denied = deniedReason('manageUsers', me);

  const loadMore = (after: string) =>
    api.page(after).then(
      (page) => list.setData((d) => ({ users: [...(d?.users ?? []), ...page.users], next: page.next })),
      (err: unknown) => setError(adminError(err)),
    );

  const change = async (user: User, run: () => Promise<User>, done: (u: User) => string) => {
    setPending(user.id);
    setError(undefined);
    setNotice(undefined);
    try {
      const updated = await run();
      setUsers((all) => all.map((u) => (u.id === updated.id ? updated : u)));
      setNotice(done(updated));
    } catch (err) {
      setError(`${user.displayName}: ${adminError(err)}`);
    } finally {
      setPending(undefined);
    }
  };

  const toggleRole = (user: User, role: Role, on: boolean) => {
    const roles = on
      ? ROLES.map((r) => r.role).filter((r) => r === role || user.roles.includes(r))
      : user.roles.filter((r) => r !== role);
    void change(
      user,
      () => api.setRoles(user.id, roles),
      (u) => `${u.displayName} ${on ? 'is now' : 'is no longer'} ${role}.`,
    );
  };

  const setActive = (user: User, active: boolean) =>
    void change(
      user,
      () => api.setActive(user.id, active),
      (u) =>
        active
          ? `${u.displayName} can sign in again.`
          : `${u.displayName} is deactivated: they cannot sign in, and their sessions end now.`,
    );

  return (
    <main className="page-main admin-page">
      <div className="admin-heading">
        <h1>Users</h1>
        {!creating && (
          <Button variant="primary" onClick={() => setCreating(true)} disabled={!!denied} title={denied}>
            New user
          </Button>
        )}
      </div>
      <p className="muted">
        Who may sign in to the studio, and what each person may do. Changes apply at once.
      </p>
      <dl className="role-legend" aria-label="What each role allows">
        {ROLES.map(({ role, allows }) => (
          <div key={role}>
            <dt>{role}</dt>
            <dd>{allows}</dd>
          </div>
        ))}
      </dl>
      {creating && (
        <CreateUserForm
          api={api}
          onCancel={() => setCreating(false)}
          onCreated={(created) => {
            setUsers((all) => [...all, created]);
            setCreating(false);
            setNotice(`${created.displayName} can now sign in as ${created.email}.`);
          }}
        />
      )}
      {error && <ErrorCallout>{error}</ErrorCallout>}
      {notice && (
        <p className="callout callout-ok" role="status">
          {notice}
        </p>
      )}
      {!users && !error && <p className="muted">Loading users…</p>}
      {users?.length === 0 && <EmptyState title="No users yet" />}
      {users && users.length > 0 && (
        <table className="admin-table users-table">
          <thead>
            <tr>
              <th scope="col">Person</th>
              {ROLES.map(({ role, allows }) => (
                <th key={role} scope="col" className="role-col" title={allows}>
                  {role}
                </th>
              ))}
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => {
              const busy = pending === user.id;
              const self = user.id === me.id;
              return (
                <tr
                  key={user.id}
                  className={user.active ? undefined : 'row-revoked'}
                  aria-busy={busy || undefined}
                >
                  <td>
                    <div className="user-name">
                      {user.displayName}
                      {self && <span className="muted small"> (you)</span>}
                    </div>
                    <div className="muted small">{user.email}</div>
                  </td>
                  {ROLES.map(({ role }) => (
                    <td key={role} className="role-col">
                      <input
                        type="checkbox"
                        aria-label={`${role} role for ${user.displayName}`}
                        checked={user.roles.includes(role)}
                        disabled={busy || !!denied}
                        title={denied}
                        onChange={(e) => toggleRole(user, role, e.target.checked)}
                      />
                    </td>
                  ))}
                  <td>
                    <span className="user-status">
                      <span className={`status-pill ${user.active ? 'status-published' : ''}`}>
                        {user.active ? 'Active' : 'Deactivated'}
                      </span>
                      {user.active ? (
                        <Button
                          className="btn-small"
                          onClick={() => setActive(user, false)}
                          disabled={busy || self || !!denied}
                          title={
                            denied ??
                            (self ? 'You cannot deactivate yourself: another admin can.' : undefined)
                          }
                          aria-label={`Deactivate ${user.displayName}`}
                        >
                          Deactivate
                        </Button>
                      ) : (
                        <Button
                          className="btn-small"
                          onClick={() => setActive(user, true)}
                          disabled={busy || !!denied}
                          title={denied}
                          aria-label={`Activate ${user.displayName}`}
                        >
                          Activate
                        </Button>
                      )}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {next && (
        <Button onClick={() => void loadMore(next)} className="load-more">
          Load more users
        </Button>
      )}
    </main>
  );
}
