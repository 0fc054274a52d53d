import { useState } from 'react';
import { useServerQuery } from '../api/use-server-query';
import { deniedReason } from '../app/access';
import type { SessionUser } from '../auth/session';
import { errorMessage } from '../shared/error-message';
import { Button, Dialog, EmptyState, ErrorCallout } from '../shared/ui';
import { needsConfirmation, type ChangeImpact } from '../catalog/change-impact';
import { ChangeImpactList } from '../catalog/ChangeImpactList';
import { FairnessSettingsPanel } from './FairnessSettingsPanel';
import type { FairnessSettingsApi } from './fairness-settings-api';
import { FieldDialog } from './FieldDialog';
import { SchemaFieldTable } from './SchemaFieldTable';
import { graphqlSchemaApi, type SchemaApi, type SchemaField, type SchemaScope } from './schema-api';
import { emptyForm, formOf } from './schema-form';

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
  const readOnly = deniedReason('editSchema', user);
  const cannotProtect = deniedReason('protectFields', user);
  const schema = useServerQuery(() => api.load(), [api]);
  const fields = schema.data;
  const loadError = schema.error;
  const setFields = schema.setData;
  const [editing, setEditing] = useState<{ scope: SchemaScope; original?: SchemaField }>();
  const [removing, setRemoving] = useState<{
    field: SchemaField;
    error?: string;
    busy?: boolean;
    impact?: ChangeImpact;
  }>();
  const [notice, setNotice] = useState<string>();

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
        <ErrorCallout>
          Could not load the schema: {loadError}{' '}
          <Button className="btn-small" onClick={() => void schema.reload()}>
            Try again
          </Button>
        </ErrorCallout>
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
              <SchemaFieldTable
                scope={scope}
                fields={fields[scope]}
                readOnly={readOnly}
                cannotProtect={cannotProtect}
                onEdit={(f) => setEditing({ scope, original: f })}
                onRemove={askRemove}
                onProtect={(f) => void protect(f)}
              />
            )}
          </section>
        ))}
      {!deniedReason('setFairnessThresholds', user) && <FairnessSettingsPanel api={fairnessApi} />}
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
          {removing.error && <ErrorCallout>{removing.error}</ErrorCallout>}
        </Dialog>
      )}
    </main>
  );
}
