import { useCallback, useEffect, useState } from 'react';
import { useReloadOnReturn } from '../api/freshness';
import { deniedReason } from '../app/access';
import type { SessionUser } from '../auth/session';
import { errorMessage } from '../shared/error-message';
import { Button, Dialog, EmptyState } from '../shared/ui';
import { needsConfirmation, type ChangeImpact } from '../catalog/change-impact';
import { ChangeImpactList } from '../catalog/ChangeImpactList';
import { FairnessSettingsPanel } from './FairnessSettingsPanel';
import type { FairnessSettingsApi } from './fairness-settings-api';
import { FieldDialog } from './FieldDialog';
import {
  graphqlSchemaApi,
  type DeclaredFields,
  type SchemaApi,
  type SchemaField,
  type SchemaScope,
} from './schema-api';
import { allowedList, emptyForm, formOf, TYPE_WORDS } from './schema-form';

const SCOPES: { scope: SchemaScope; title: string; about: string }[] = [
  {
    scope: 'customer',
    title: 'Customer fields',
    about: 'What is known about the customer a decision is for.',
  },
  {
    scope: 'context',
    title: 'Context fields',
    about: 'The situation of the request: channel, time, page, …',
  },
];

/** The declared customer and context fields that strategy conditions are checked against. */
export function SchemaScreen({
  user,
  api = graphqlSchemaApi,
  fairnessApi,
}: {
  user: SessionUser;
  api?: SchemaApi;
  fairnessApi?: FairnessSettingsApi;
}) {
  const readOnly = deniedReason('editSchema', user.roles);
  const cannotProtect = deniedReason('protectFields', user.roles);
  const [fields, setFields] = useState<DeclaredFields>();
  const [loadError, setLoadError] = useState<string>();
  const [editing, setEditing] = useState<{ scope: SchemaScope; original?: SchemaField }>();
  const [removing, setRemoving] = useState<{
    field: SchemaField;
    error?: string;
    busy?: boolean;
    impact?: ChangeImpact;
  }>();
  const [notice, setNotice] = useState<string>();

  const load = useCallback(async () => {
    try {
      setFields(await api.load());
      setLoadError(undefined);
    } catch (err) {
      setLoadError(errorMessage(err));
    }
  }, [api]);
  useEffect(() => void load(), [load]);
  useReloadOnReturn(load);

  const replaceField = (field: SchemaField) =>
    setFields(
      (f) =>
        f && {
          ...f,
          [field.scope]: [...f[field.scope].filter((x) => x.name !== field.name), field].sort((a, b) =>
            a.name.localeCompare(b.name),
          ),
        },
    );

  const saved = (field: SchemaField) => {
    replaceField(field);
    setNotice(`Saved ${field.scope}.${field.name}.`);
    setEditing(undefined);
  };

  /** Marks a customer field protected (or not); what strategies decide does not change. */
  const protect = async (field: SchemaField) => {
    try {
      const saved = await api.setProtected(field.scope, field.name, !field.protected);
      replaceField(saved);
      setNotice(
        saved.protected
          ? `${field.scope}.${field.name} is protected: simulations report the fairness check for it.`
          : `${field.scope}.${field.name} is no longer protected.`,
      );
    } catch (err) {
      setNotice(`Not changed: ${errorMessage(err)}`);
    }
  };

  const askRemove = (field: SchemaField) => {
    setRemoving({ field });
    const { scope, name, type, label, description, allowedValues, personal } = field;
    api.impact({ scope, name, type, label, description, allowedValues, personal }, true).then(
      (impact) =>
        setRemoving((r) => (r?.field.name === name && r.field.scope === scope ? { ...r, impact } : r)),
      () => undefined,
    );
  };

  const remove = async () => {
    if (!removing) return;
    const { field } = removing;
    setRemoving({ field, busy: true });
    try {
      await api.remove(field.scope, field.name);
      setFields((f) => f && { ...f, [field.scope]: f[field.scope].filter((x) => x.name !== field.name) });
      setNotice(`Removed ${field.scope}.${field.name}.`);
      setRemoving(undefined);
    } catch (err) {
      setRemoving({ field, error: errorMessage(err) });
    }
  };

  return (
    <main className="page-main schema-main">
      <h1>Customer schema</h1>
      <p className="muted">
        The fields strategies may read: conditions and models use them as <code>customer.&lt;name&gt;</code>{' '}
        and <code>context.&lt;name&gt;</code>, and are checked against their types and allowed values.
      </p>
      {readOnly && (
        <p className="callout" role="note">
          Read-only: {readOnly}
        </p>
      )}
      <p className="schema-notice" role="status">
        {notice && <span className="ok-text">{notice}</span>}
      </p>
      {loadError && (
        <p className="callout callout-error" role="alert">
          Could not load the schema: {loadError}{' '}
          <Button className="btn-small" onClick={() => void load()}>
            Try again
          </Button>
        </p>
      )}
      {!fields && !loadError && <p className="muted">Loading the schema…</p>}
      {fields &&
        SCOPES.map(({ scope, title, about }) => (
          <section key={scope} className="schema-section" aria-labelledby={`schema-${scope}`}>
            <header className="schema-section-head">
              <div>
                <h2 id={`schema-${scope}`}>{title}</h2>
                <p className="muted small">
                  {about} Read as <code>{scope}.&lt;name&gt;</code>.
                </p>
              </div>
              <Button disabled={!!readOnly} title={readOnly} onClick={() => setEditing({ scope })}>
                Add {scope} field
              </Button>
            </header>
            {fields[scope].length === 0 ? (
              <EmptyState title={`No ${scope} fields yet`}>
                {readOnly ? 'A designer declares them.' : `Add one so strategies can use ${scope}.<name>.`}
              </EmptyState>
            ) : (
              <table className="data-table schema-table">
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    <th scope="col">Type</th>
                    <th scope="col">Allowed values</th>
                    <th scope="col">Description</th>
                    <th scope="col">
                      <span className="sr-only">Row actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {fields[scope].map((f) => (
                    <tr key={f.name}>
                      <td>
                        <code className="schema-path">
                          {scope}.{f.name}
                        </code>
                        {f.personal && (
                          <span
                            className="status-pill personal-pill"
                            title="Personal data: never logged, masked in exports"
                          >
                            personal
                          </span>
                        )}
                        {f.protected && (
                          <span
                            className="status-pill protected-pill"
                            title="Protected attribute: every simulation's fairness check compares how its groups are treated"
                          >
                            protected
                          </span>
                        )}
                        {f.label && <div className="muted small">{f.label}</div>}
                      </td>
                      <td>{TYPE_WORDS[f.type]}</td>
                      <td>
                        {allowedList(f).length ? (
                          allowedList(f).map((v) => (
                            <span key={v} className="tag">
                              {v}
                            </span>
                          ))
                        ) : (
                          <span className="muted">any</span>
                        )}
                      </td>
                      <td className="small">{f.description}</td>
                      <td className="row-actions">
                        <Button
                          variant="ghost"
                          className="btn-small"
                          disabled={!!readOnly}
                          title={readOnly ?? `Edit ${scope}.${f.name}`}
                          aria-label={`Edit ${scope}.${f.name}`}
                          onClick={() => setEditing({ scope, original: f })}
                        >
                          Edit
                        </Button>
                        <Button
                          variant="ghost"
                          className="btn-small"
                          disabled={!!readOnly}
                          title={readOnly ?? `Remove ${scope}.${f.name}`}
                          aria-label={`Remove ${scope}.${f.name}`}
                          onClick={() => askRemove(f)}
                        >
                          Remove
                        </Button>
                        {scope === 'customer' && !cannotProtect && (
                          <Button
                            variant="ghost"
                            className="btn-small"
                            aria-label={`${f.protected ? 'Unprotect' : 'Protect'} ${scope}.${f.name}`}
                            title="Protected attributes get the fairness check in every simulation"
                            onClick={() => void protect(f)}
                          >
                            {f.protected ? 'Unprotect' : 'Protect'}
                          </Button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        ))}
      {!deniedReason('setFairnessThresholds', user.roles) && <FairnessSettingsPanel api={fairnessApi} />}
      {editing && fields && (
        <FieldDialog
          initial={editing.original ? formOf(editing.original) : emptyForm(editing.scope)}
          original={editing.original}
          taken={fields[editing.scope].map((f) => f.name)}
          api={api}
          onSaved={saved}
          onClose={() => setEditing(undefined)}
        />
      )}
      {removing && (
        <Dialog
          title={`Remove ${removing.field.scope}.${removing.field.name}?`}
          onClose={() => setRemoving(undefined)}
          actions={
            <>
              <Button onClick={() => setRemoving(undefined)}>Cancel</Button>
              <Button
                variant="danger"
                disabled={removing.busy || removing.impact?.refused}
                onClick={() => void remove()}
              >
                Remove field
              </Button>
            </>
          }
        >
          <p>
            Strategies whose conditions read <code>{`${removing.field.scope}.${removing.field.name}`}</code>{' '}
            will report it as unknown when they are next checked.
          </p>
          {needsConfirmation(removing.impact) && (
            <ChangeImpactList
              impact={removing.impact!}
              subject={`${removing.field.scope}.${removing.field.name}`}
            />
          )}
          {removing.error && (
            <p className="callout callout-error" role="alert">
              {removing.error}
            </p>
          )}
        </Dialog>
      )}
    </main>
  );
}
