import { useCallback, useEffect, useMemo, useState, type ChangeEvent } from 'react';
import { deniedReason } from '../app/access';
import { ApiError } from '../api/client';
import type { SessionUser } from '../auth/session';
import { errorMessage } from '../shared/error-message';
import { Button, Dialog, EmptyState } from '../shared/ui';
import {
  createInput,
  draftOf,
  editedFields,
  EMPTY_DRAFT,
  fieldOfDetail,
  parseDraft,
  rebaseDraft,
  updateInput,
  type ActionDraft,
  type ActionField,
  type FieldErrors,
} from './action-fields';
import { ActionRow, CatalogHead, EditRow, type RowMessage } from './ActionRows';
import { graphqlCatalogApi, type CatalogAction, type CatalogApi } from './catalog-api';
import { needsConfirmation, type ChangeImpact } from './change-impact';
import { ChangeImpactList } from './ChangeImpactList';
import { exportCsv, previewImport, type ImportPreview } from './csv-import';
import { ImportPanel } from './ImportPanel';

interface Editing {
  /** The action as it was when editing started; undefined for a new one. */
  original?: CatalogAction;
  draft: ActionDraft;
  errors: FieldErrors;
  message?: RowMessage;
  saving: boolean;
  /** Strategy versions that read the action: shown before the edit is saved. */
  impact?: ChangeImpact;
}

/** The whole action as the impact preview takes it. */
const asInput = (a: CatalogAction) => ({
  id: a.id,
  name: a.name,
  group: a.group,
  channel: a.channel,
  value: a.value,
  cost: a.cost,
  validFrom: a.validFrom,
  validTo: a.validTo,
  tags: a.tags,
  attributes: a.attributes,
});

interface Filter {
  search: string;
  group: string;
  channel: string;
}

const matches = (a: CatalogAction, f: Filter) =>
  (!f.search || `${a.id} ${a.name}`.toLowerCase().includes(f.search.trim().toLowerCase())) &&
  (!f.group || a.group === f.group) &&
  (!f.channel || a.channel === f.channel);

const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => !!v))].sort();

/** A server error on save: on the cells it names, or as a sentence under the row. */
function saveError(err: unknown, id: string): { errors: FieldErrors; message?: RowMessage } {
  if (err instanceof ApiError && err.code === 'VALIDATION_FAILED' && Array.isArray(err.details)) {
    const errors: FieldErrors = {};
    const other: string[] = [];
    for (const d of err.details as { field?: string; message?: string }[]) {
      const field = fieldOfDetail(d.field ?? '');
      if (field) errors[field] ??= d.message ?? 'is not valid';
      else other.push(`${d.field}: ${d.message}`);
    }
    return {
      errors,
      message: other.length ? { text: `The server did not accept this: ${other.join('; ')}.` } : undefined,
    };
  }
  if (err instanceof ApiError && err.code === 'CONFLICT' && err.extensions.field === 'input.id') {
    return { errors: { id: 'is taken: another action has this id' } };
  }
  if (err instanceof ApiError && err.code === 'CONFLICT') {
    const revision =
      typeof err.extensions.currentRevision === 'number'
        ? ` (now at revision ${err.extensions.currentRevision})`
        : '';
    return {
      errors: {},
      message: {
        conflict: true,
        text: `Someone else changed ${id}${revision} while you were editing. What you typed is kept: reload the row to get their version with your edits on top, then save again.`,
      },
    };
  }
  return { errors: {}, message: { text: `Not saved: ${errorMessage(err)} What you typed is kept.` } };
}

/** The file's text (FileReader: Blob.text is missing in older browsers and jsdom). */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error(`Could not read ${file.name}.`));
    reader.readAsText(file);
  });
}

function download(name: string, text: string) {
  // The byte order mark makes spreadsheet programs read the file as UTF-8.
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

/** The action catalog: the whole table with filters, inline editing, CSV import and export. */
export function ActionsScreen({ user, api = graphqlCatalogApi }: { user: SessionUser; api?: CatalogApi }) {
  const readOnly = deniedReason('editCatalog', user.roles);
  const [actions, setActions] = useState<CatalogAction[]>();
  const [loadError, setLoadError] = useState<string>();
  const [filter, setFilter] = useState<Filter>({ search: '', group: '', channel: '' });
  const [editing, setEditing] = useState<Editing>();
  const [deleting, setDeleting] = useState<{
    action: CatalogAction;
    error?: string;
    busy?: boolean;
    impact?: ChangeImpact;
  }>();
  const [importing, setImporting] = useState<{ fileName: string; preview: ImportPreview }>();
  const [notice, setNotice] = useState<string>();

  const load = useCallback(async () => {
    try {
      setActions(await api.all());
      setLoadError(undefined);
    } catch (err) {
      setLoadError(errorMessage(err));
    }
  }, [api]);
  useEffect(() => void load(), [load]);

  const shown = useMemo(() => actions?.filter((a) => matches(a, filter)), [actions, filter]);
  const groups = useMemo(() => distinct(actions?.map((a) => a.group) ?? []), [actions]);
  const channels = useMemo(() => distinct(actions?.map((a) => a.channel) ?? []), [actions]);

  const replace = (saved: CatalogAction) =>
    setActions((list) => {
      const rest = (list ?? []).filter((a) => a.id !== saved.id);
      return [...rest, saved].sort((a, b) => (a.id < b.id ? -1 : 1));
    });

  const change = (field: ActionField, text: string) =>
    setEditing(
      (e) => e && { ...e, draft: { ...e.draft, [field]: text }, errors: { ...e.errors, [field]: undefined } },
    );

  /** `confirmed`: the user has seen which strategy versions read the action, and saves anyway. */
  const save = async (confirmed = false) => {
    if (!editing || editing.saving) return;
    const { values, errors } = parseDraft(editing.draft);
    if (!values) return setEditing({ ...editing, errors, message: undefined });
    const { original, draft } = editing;
    if (original && editedFields(original, draft).length === 0) return setEditing(undefined);
    setEditing({ ...editing, errors: {}, message: undefined, saving: true, impact: undefined });
    try {
      if (!confirmed) {
        // The preview is a courtesy: without it the server still refuses an edit that breaks a version.
        const impact = await api
          .impact(createInput({ ...values, id: original?.id ?? values.id }))
          .catch(() => undefined);
        if (needsConfirmation(impact)) return setEditing((e) => e && { ...e, saving: false, impact });
      }
      const saved = original
        ? await api.update(original.id, updateInput(values, editedFields(original, draft), original.revision))
        : await api.create(createInput(values));
      replace(saved);
      setEditing(undefined);
      setNotice(`Saved ${saved.id}.`);
    } catch (err) {
      setEditing((e) => e && { ...e, ...saveError(err, draft.id), saving: false });
    }
  };

  const reloadRow = async () => {
    if (!editing?.original) return;
    try {
      const latest = await api.get(editing.original.id);
      replace(latest);
      setEditing({
        original: latest,
        draft: rebaseDraft(editing.draft, editing.original, latest),
        errors: {},
        saving: false,
      });
      setNotice(
        `Reloaded ${latest.id} (revision ${latest.revision}); your edits are on top. Save to apply them.`,
      );
    } catch (err) {
      setEditing({ ...editing, message: { text: `Could not reload: ${errorMessage(err)}` } });
    }
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    setDeleting({ ...deleting, busy: true });
    try {
      await api.remove(deleting.action.id, deleting.action.revision);
      setActions((list) => list?.filter((a) => a.id !== deleting.action.id));
      setNotice(`Deleted ${deleting.action.id}.`);
      setDeleting(undefined);
    } catch (err) {
      const stale = err instanceof ApiError && err.code === 'CONFLICT';
      const latest = stale ? await api.get(deleting.action.id).catch(() => undefined) : undefined;
      if (latest) replace(latest);
      setDeleting({
        action: latest ?? deleting.action,
        error: stale
          ? `Someone else changed ${deleting.action.id} in the meantime; the row now shows their version. Delete it anyway?`
          : errorMessage(err),
      });
    }
  };

  const pickFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file || !actions) return;
    try {
      setImporting({ fileName: file.name, preview: previewImport(await readText(file), actions) });
    } catch (err) {
      setImporting({
        fileName: file.name,
        preview: { fileProblems: [{ line: 1, message: errorMessage(err) }], ignoredColumns: [], rows: [] },
      });
    }
  };

  const busy = editing ? 'Save or cancel the row being edited first.' : undefined;
  const rowBlock = readOnly ?? busy;

  return (
    <main className="page-main catalog-main">
      <h1>Actions</h1>
      <p className="muted">
        The offers and messages strategies choose from. Conditions read an action’s attributes as
        action.&lt;name&gt;.
      </p>
      {readOnly && (
        <p className="callout read-only-note" role="note">
          Read-only: {readOnly}
        </p>
      )}
      <div className="catalog-toolbar">
        <label className="sr-only" htmlFor="catalog-search">
          Search actions
        </label>
        <input
          id="catalog-search"
          type="search"
          placeholder="Search by id or name"
          value={filter.search}
          onChange={(e) => setFilter({ ...filter, search: e.target.value })}
        />
        <select
          aria-label="Filter by group"
          value={filter.group}
          onChange={(e) => setFilter({ ...filter, group: e.target.value })}
        >
          <option value="">All groups</option>
          {groups.map((g) => (
            <option key={g}>{g}</option>
          ))}
        </select>
        <select
          aria-label="Filter by channel"
          value={filter.channel}
          onChange={(e) => setFilter({ ...filter, channel: e.target.value })}
        >
          <option value="">All channels</option>
          {channels.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
        <span className="toolbar-spacer" />
        <Button
          variant="primary"
          disabled={!!readOnly || !!editing || !actions}
          title={readOnly ?? busy}
          onClick={() => {
            setFilter({ search: '', group: '', channel: '' });
            setEditing({ draft: EMPTY_DRAFT, errors: {}, saving: false });
          }}
        >
          Add action
        </Button>
        <label
          className={`btn btn-secondary file-button ${readOnly || !actions ? 'disabled' : ''}`}
          title={readOnly ?? 'Create and update actions from a CSV file'}
        >
          Import CSV…
          <input
            type="file"
            accept=".csv,text/csv"
            className="sr-only"
            disabled={!!readOnly || !actions}
            onChange={(e) => void pickFile(e)}
          />
        </label>
        <Button
          disabled={!actions?.length}
          title="Download the whole catalog as a CSV file"
          onClick={() => actions && download('actions.csv', exportCsv(actions))}
        >
          Export CSV
        </Button>
      </div>
      <p className="catalog-count muted" role="status">
        {notice && <span className="ok-text">{notice} </span>}
        {actions &&
          (shown!.length === actions.length
            ? `${actions.length} ${actions.length === 1 ? 'action' : 'actions'} in ${groups.length} ${groups.length === 1 ? 'group' : 'groups'}`
            : `Showing ${shown!.length} of ${actions.length} actions`)}
      </p>
      {importing && (
        <ImportPanel
          fileName={importing.fileName}
          preview={importing.preview}
          api={api}
          onImported={() => void load()}
          onClose={() => setImporting(undefined)}
        />
      )}
      {loadError && (
        <p className="callout callout-error" role="alert">
          Could not load the catalog: {loadError}{' '}
          <Button className="btn-small" onClick={() => void load()}>
            Try again
          </Button>
        </p>
      )}
      {!actions && !loadError && <p className="muted">Loading the catalog…</p>}
      {actions && actions.length === 0 && !editing && (
        <EmptyState title="The catalog is empty">
          {readOnly
            ? 'A designer adds the actions strategies offer.'
            : 'Add an action, or import them from a CSV file.'}
        </EmptyState>
      )}
      {actions && (actions.length > 0 || editing) && (
        <div className="catalog-table-wrap">
          <table className="data-table catalog-table">
            <CatalogHead />
            <tbody>
              {editing && !editing.original && (
                <EditRow
                  draft={editing.draft}
                  errors={editing.errors}
                  isNew
                  saving={editing.saving}
                  message={editing.message}
                  onChange={change}
                  onSave={() => void save()}
                  onCancel={() => setEditing(undefined)}
                  onReload={() => undefined}
                />
              )}
              {shown!.map((a) =>
                editing?.original?.id === a.id ? (
                  <EditRow
                    key={a.id}
                    draft={editing.draft}
                    errors={editing.errors}
                    isNew={false}
                    saving={editing.saving}
                    message={editing.message}
                    onChange={change}
                    onSave={() => void save()}
                    onCancel={() => setEditing(undefined)}
                    onReload={() => void reloadRow()}
                  />
                ) : (
                  <ActionRow
                    key={a.id}
                    action={a}
                    editBlocked={rowBlock}
                    onEdit={() => {
                      setNotice(undefined);
                      setEditing({ original: a, draft: draftOf(a), errors: {}, saving: false });
                    }}
                    onDelete={() => {
                      setDeleting({ action: a });
                      api.impact(asInput(a), true).then(
                        (impact) => setDeleting((d) => (d?.action.id === a.id ? { ...d, impact } : d)),
                        () => undefined,
                      );
                    }}
                  />
                ),
              )}
            </tbody>
          </table>
          {shown!.length === 0 && actions.length > 0 && (
            <EmptyState title="No action matches">
              Clear the search or the filters to see the whole catalog.
            </EmptyState>
          )}
        </div>
      )}
      {deleting && (
        <Dialog
          title={`Delete ${deleting.action.id}?`}
          onClose={() => setDeleting(undefined)}
          actions={
            <>
              <Button onClick={() => setDeleting(undefined)}>Cancel</Button>
              <Button
                variant="danger"
                disabled={deleting.busy || deleting.impact?.refused}
                onClick={() => void confirmDelete()}
              >
                Delete action
              </Button>
            </>
          }
        >
          <p>
            “{deleting.action.name}” leaves the catalog. Strategies that refer to{' '}
            <span className="mono">{deleting.action.id}</span> will no longer find it.
          </p>
          {needsConfirmation(deleting.impact) && (
            <ChangeImpactList impact={deleting.impact!} subject={`“${deleting.action.name}”`} />
          )}
          {deleting.error && (
            <p className="callout callout-error" role="alert">
              {deleting.error}
            </p>
          )}
        </Dialog>
      )}
      {editing?.impact && (
        <Dialog
          title={`Save “${editing.draft.name.trim() || editing.draft.id}”?`}
          onClose={() => setEditing((e) => e && { ...e, impact: undefined })}
          actions={
            <>
              <Button onClick={() => setEditing((e) => e && { ...e, impact: undefined })}>
                Back to editing
              </Button>
              <Button
                variant="primary"
                disabled={editing.impact.refused}
                title={editing.impact.refused ? 'The server would refuse it: see why above.' : undefined}
                onClick={() => void save(true)}
              >
                Save anyway
              </Button>
            </>
          }
        >
          <ChangeImpactList
            impact={editing.impact}
            subject={`“${editing.draft.name.trim() || editing.draft.id}”`}
          />
        </Dialog>
      )}
    </main>
  );
}
