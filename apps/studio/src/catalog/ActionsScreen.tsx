import { useState, type ChangeEvent } from 'react';
import { deniedReason } from '../app/access';
import { ApiError } from '../api/client';
import type { SessionUser } from '../auth/session';
import { errorMessage } from '../shared/error-message';
import { Button, EmptyState, ErrorCallout } from '../shared/ui';
import { draftOf, EMPTY_DRAFT } from './action-fields';
import { graphqlCatalogApi, type CatalogAction, type CatalogApi, type CatalogFilter } from './catalog-api';
import { DeleteActionDialog, SaveAnywayDialog, type Deleting } from './CatalogDialogs';
import { download, readText } from './catalog-files';
import { CatalogTable } from './CatalogTable';
import { catalogCount, CatalogToolbar } from './CatalogToolbar';
import { asImpactInput } from './change-impact';
import { exportCsv, previewImport, type ImportPreview } from './csv-import';
import { ImportPanel } from './ImportPanel';
import { useActionEditing } from './use-action-editing';
import { useCatalogList } from './use-catalog-list';

const NO_FILTER: CatalogFilter = { search: '', group: '', channel: '' };

/**
 * The action catalog: a table searched and filtered on the server, paged as it scrolls and windowed
 * (see CatalogTable), with inline editing, CSV import and export.
 */
export function ActionsScreen({ user, api = graphqlCatalogApi }: { user: SessionUser; api?: CatalogApi }) {
  const readOnly = deniedReason('editCatalog', user);
  const [filter, setFilter] = useState<CatalogFilter>(NO_FILTER);
  const { listed, error: loadError, reload, more, saved, removed } = useCatalogList(api, filter);
  const [deleting, setDeleting] = useState<Deleting>();
  const [importing, setImporting] = useState<{ fileName: string; preview: ImportPreview }>();
  const [notice, setNotice] = useState<string>();
  const summary = listed?.summary;
  const { editing, setEditing, change, save, reloadRow } = useActionEditing(api, saved, setNotice);

  const startDelete = (a: CatalogAction) => {
    setDeleting({ action: a });
    api.impact(asImpactInput(a), true).then(
      (impact) => setDeleting((d) => (d?.action.id === a.id ? { ...d, impact } : d)),
      () => undefined,
    );
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    setDeleting({ ...deleting, busy: true });
    try {
      await api.remove(deleting.action.id, deleting.action.revision);
      removed(deleting.action.id);
      setNotice(`Deleted ${deleting.action.id}.`);
      setDeleting(undefined);
    } catch (err) {
      const stale = err instanceof ApiError && err.code === 'CONFLICT';
      const latest = stale ? await api.get(deleting.action.id).catch(() => undefined) : undefined;
      if (latest) saved(latest);
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
    if (!file) return;
    try {
      // The preview says which rows update an existing action: it needs the whole catalog.
      const [text, actions] = await Promise.all([readText(file), api.all()]);
      setImporting({ fileName: file.name, preview: previewImport(text, actions) });
    } catch (err) {
      setImporting({
        fileName: file.name,
        preview: { fileProblems: [{ line: 1, message: errorMessage(err) }], ignoredColumns: [], rows: [] },
      });
    }
  };

  const exportAll = () =>
    api.all().then(
      (actions) => download('actions.csv', exportCsv(actions)),
      (err: unknown) => setNotice(`Could not export: ${errorMessage(err)}`),
    );

  const busy = editing ? 'Save or cancel the row being edited first.' : undefined;
  const filtered = filter.search !== '' || filter.group !== '' || filter.channel !== '';

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
      <CatalogToolbar
        filter={filter}
        summary={summary}
        onFilter={setFilter}
        readOnly={readOnly}
        addBlocked={busy}
        onAdd={() => {
          setFilter(NO_FILTER);
          setEditing({ draft: EMPTY_DRAFT, errors: {}, saving: false });
        }}
        onImport={(e) => void pickFile(e)}
        onExport={() => void exportAll()}
      />
      <p className="catalog-count muted" role="status">
        {notice && <span className="ok-text">{notice} </span>}
        {summary && catalogCount(summary)}
      </p>
      {importing && (
        <ImportPanel
          fileName={importing.fileName}
          preview={importing.preview}
          api={api}
          onImported={reload}
          onClose={() => setImporting(undefined)}
        />
      )}
      {loadError && (
        <ErrorCallout>
          Could not load the catalog: {loadError}{' '}
          <Button className="btn-small" onClick={reload}>
            Try again
          </Button>
        </ErrorCallout>
      )}
      {!listed && !loadError && <p className="muted">Loading the catalog…</p>}
      {summary?.total === 0 && !editing && (
        <EmptyState title="The catalog is empty">
          {readOnly
            ? 'A designer adds the actions strategies offer.'
            : 'Add an action, or import them from a CSV file.'}
        </EmptyState>
      )}
      {listed && (listed.actions.length > 0 || editing) && (
        <CatalogTable
          actions={listed.actions}
          editing={editing && { ...editing, id: editing.original?.id }}
          editBlocked={readOnly ?? busy}
          onMore={more}
          onEdit={(a) => {
            setNotice(undefined);
            setEditing({ original: a, draft: draftOf(a), errors: {}, saving: false });
          }}
          onDelete={startDelete}
          onChange={change}
          onSave={() => void save()}
          onCancel={() => setEditing(undefined)}
          onReload={() => void reloadRow()}
        />
      )}
      {listed && listed.actions.length === 0 && !!summary?.total && filtered && (
        <EmptyState title="No action matches">
          Clear the search or the filters to see the whole catalog.
        </EmptyState>
      )}
      {deleting && (
        <DeleteActionDialog
          deleting={deleting}
          onCancel={() => setDeleting(undefined)}
          onConfirm={() => void confirmDelete()}
        />
      )}
      {editing?.impact && (
        <SaveAnywayDialog
          subject={editing.draft.name.trim() || editing.draft.id}
          impact={editing.impact}
          onBack={() => setEditing((e) => e && { ...e, impact: undefined })}
          onSave={() => void save(true)}
        />
      )}
    </main>
  );
}
