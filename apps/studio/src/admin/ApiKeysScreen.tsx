import { useState } from 'react';
import { useServerMutation, useServerQuery } from '../api/use-server-query';
import type { SessionUser } from '../auth/session';
import { deniedReason } from '../app/access';
import { Button, Dialog, EmptyState, TableHead, ErrorCallout } from '../shared/ui';
import { ListStates } from '../shared/list-states';
import { graphqlApiKeysApi, type ApiKey, type ApiKeysApi, type StrategyName } from './admin-api';
import { adminError } from './admin-error';
import { CreateApiKeyDialog } from './CreateApiKeyDialog';
import { SecretDialog } from './SecretDialog';
import { formatDay } from '../shared/format-date';

/** The API keys of calling systems: list, create (the secret is shown once) and revoke. */
export function ApiKeysScreen({ user, api = graphqlApiKeysApi }: { user: SessionUser; api?: ApiKeysApi }) {
  const list = useServerQuery(() => api.list(), [api]);
  const keys = list.data;
  // Names for the scope column; without them the ids are shown.
  const names = useServerQuery(() => api.strategies(), [api]);
  const strategies: StrategyName[] = names.data ?? [];
  const revocation = useServerMutation((key: ApiKey) => api.revoke(key.id));
  const failure = revocation.error ? revocation.failure : list.error ? list.failure : undefined;
  const error = failure === undefined ? undefined : adminError(failure);
  const busy = revocation.busy;
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ name: string; secret: string; strategy?: string }>();
  const [revoking, setRevoking] = useState<ApiKey>();
  const denied = deniedReason('manageKeys', user);

  const revoke = async (key: ApiKey) => {
    const revoked = await revocation.run(key);
    if (revoked) list.setData((all) => all?.map((k) => (k.id === revoked.id ? revoked : k)));
    setRevoking(undefined);
  };

  const scope = (key: ApiKey) =>
    key.strategyIds === null
      ? 'All strategies'
      : key.strategyIds
          .map((id) => strategies.find((s) => s.id === id)?.name ?? `strategy ${id.slice(0, 8)}`)
          .join(', ');

  return (
    <main className="page-main admin-page">
      <div className="admin-heading">
        <h1>API keys</h1>
        <Button variant="primary" onClick={() => setCreating(true)} disabled={!!denied} title={denied}>
          New API key
        </Button>
      </div>
      <p className="muted">
        Calling systems (a web shop, a call center) send an API key with every request to{' '}
        <code>POST /api/v1/decisions</code>. Give each system its own key, limited to the strategies it needs.
      </p>
      <ListStates
        items={keys}
        failure={error && <ErrorCallout>{error}</ErrorCallout>}
        loading={<p className="muted">Loading API keys…</p>}
        empty={
          <EmptyState title="No API keys yet">
            Create one for each system that asks Arbiter for decisions.
          </EmptyState>
        }
      >
        {(keys) => (
          <table className="admin-table">
            <TableHead
              columns={['Name', 'Key starts with', 'May decide with', 'Rate limit', 'Created', 'Status']}
            />
            <tbody>
              {keys.map((key) => (
                <tr key={key.id} className={key.revokedAt ? 'row-revoked' : undefined}>
                  <td className="key-name">{key.name}</td>
                  <td>
                    <code>{key.prefix}…</code>
                  </td>
                  <td>{scope(key)}</td>
                  <td>
                    {key.rateLimitPerSecond === null ? (
                      <span className="muted">default</span>
                    ) : (
                      `${key.rateLimitPerSecond.toLocaleString()} / s`
                    )}
                  </td>
                  <td>{formatDay(key.createdAt)}</td>
                  <td>
                    {key.revokedAt ? (
                      <span className="status-pill">Revoked {formatDay(key.revokedAt)}</span>
                    ) : (
                      <span className="key-status">
                        <span className="status-pill status-published">Active</span>
                        <Button
                          variant="danger"
                          className="btn-small"
                          onClick={() => setRevoking(key)}
                          disabled={!!denied}
                          title={denied}
                          aria-label={`Revoke ${key.name}`}
                        >
                          Revoke…
                        </Button>
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListStates>
      {creating && (
        <CreateApiKeyDialog
          api={api}
          onCancel={() => setCreating(false)}
          onCreated={({ apiKey, secret }) => {
            setCreating(false);
            list.setData((all) => [...(all ?? []), apiKey]);
            // The curl line names a strategy this key may use: a key scoped to others would get 403.
            const scoped = apiKey.strategyIds?.[0];
            const strategy = scoped && (strategies.find((st) => st.id === scoped)?.name ?? scoped);
            setCreated({ name: apiKey.name, secret, strategy: strategy || undefined });
          }}
        />
      )}
      {created && (
        <SecretDialog
          name={created.name}
          secret={created.secret}
          strategy={created.strategy}
          onClose={() => setCreated(undefined)}
        />
      )}
      {revoking && (
        <Dialog
          title={`Revoke “${revoking.name}”?`}
          onClose={() => setRevoking(undefined)}
          actions={
            <>
              <Button onClick={() => setRevoking(undefined)}>Keep it</Button>
              <Button variant="danger" onClick={() => void revoke(revoking)} disabled={busy}>
                {busy ? 'Revoking…' : 'Revoke key'}
              </Button>
            </>
          }
        >
          <p>
            Requests with <code>{revoking.prefix}…</code> are refused from now on (by every API instance
            within 5 seconds). This cannot be undone: the system using it needs a new key.
          </p>
        </Dialog>
      )}
    </main>
  );
}
