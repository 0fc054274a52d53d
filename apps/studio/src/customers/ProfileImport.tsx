import { useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { INSPECT_BYTES } from '../datasets/datasets-api';
import { newDatasetId } from '../datasets/upload';
import type { Inspection, SchemaField } from '../datasets/mapping-model';
import { errorMessage } from '../shared/error-message';
import { Button, ErrorCallout } from '../shared/ui';
import { ImportColumnsTable } from './ImportColumnsTable';
import {
  graphqlProfileImportApi,
  type ProfileImportApi,
  type ProfileImportResult,
} from './profile-import-api';
import {
  chooseIdColumn,
  profileImportMapping,
  profileImportProblems,
  suggestProfileImport,
  type ProfileImportForm,
} from './profile-import-model';

const PROGRESS_EVERY_MS = 1000;

/**
 * A dataset file (CSV, JSON lines) imported as profiles from one declared source: the columns that
 * match declared customer fields are mapped as the dataset upload maps them, each row upserted by
 * customer id (the source's time: now; a newer stored value stays).
 */
export function ProfileImport({
  api = graphqlProfileImportApi,
  onImported,
}: {
  api?: ProfileImportApi;
  /** After an import: the screen refreshes what it shows of the profiles. */
  onImported?(): void;
}) {
  const [open, setOpen] = useState(false);
  const [sources, setSources] = useState<string[]>();
  const [file, setFile] = useState<File>();
  const [inspection, setInspection] = useState<Inspection>();
  const [schema, setSchema] = useState<SchemaField[]>([]);
  const [initial, setInitial] = useState<ProfileImportForm>();
  const [form, setForm] = useState<ProfileImportForm>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<number>();
  const [stored, setStored] = useState<number>();
  const [result, setResult] = useState<ProfileImportResult>();
  const [showProblems, setShowProblems] = useState(false);
  const abort = useRef<AbortController | undefined>(undefined);

  const start = async () => {
    setOpen(true);
    try {
      setSources((await api.sources()).map((s) => s.name));
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const choose = async (chosen: File | undefined) => {
    if (!chosen) return;
    setFile(chosen);
    setForm(undefined);
    setResult(undefined);
    setError(undefined);
    setShowProblems(false);
    if (chosen.size === 0)
      return setError(`"${chosen.name}" is empty: choose a file with a header line and rows.`);
    setBusy(true);
    try {
      const [found, declared] = await Promise.all([
        api.inspect(chosen.slice(0, INSPECT_BYTES)),
        api.customerSchema(),
      ]);
      const suggested = suggestProfileImport(found, declared, sources ?? []);
      setInspection(found);
      setSchema(declared);
      setInitial(suggested);
      setForm(suggested);
    } catch (err) {
      setError(`"${chosen.name}" cannot be imported: ${errorMessage(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const problems = form ? profileImportProblems(form) : [];
  const run = async () => {
    if (!file || !form || !inspection) return;
    setShowProblems(true);
    if (problems.length > 0) return;
    const controller = new AbortController();
    abort.current = controller;
    setBusy(true);
    setError(undefined);
    setSent(0);
    setStored(undefined);
    const importId = newDatasetId();
    // The server stores the rows chunk by chunk: ask how many it has every second.
    const poll = setInterval(() => {
      api.progress(importId).then(
        (p) => p && setStored(p.rowsImported),
        () => undefined, // the answer at the end says what happened
      );
    }, PROGRESS_EVERY_MS);
    try {
      setResult(
        await api.importProfiles({
          importId,
          file,
          format: inspection.format.kind,
          source: form.source,
          mapping: profileImportMapping(form),
          signal: controller.signal,
          onProgress: (p) => setSent(p.total ? p.sent / p.total : 0),
        }),
      );
      onImported?.();
    } catch (err) {
      setError(
        err instanceof ApiError && err.code === 'ABORTED'
          ? 'You cancelled the import; the rows read before that are stored.'
          : errorMessage(err),
      );
    } finally {
      clearInterval(poll);
      setBusy(false);
      setSent(undefined);
      setStored(undefined);
      abort.current = undefined;
    }
  };

  if (!open)
    return (
      <Button variant="secondary" onClick={() => void start()}>
        Import profiles from a file
      </Button>
    );
  return (
    <section aria-label="Import profiles from a file" className="profile-import">
      <h2>Import profiles from a file</h2>
      <p>
        Each row updates the profile of its customer with the values of the chosen columns, as sent by the
        source now; a value the source sent later stays. Personal fields are stored as pseudonyms.
      </p>
      <label className="field-label">
        File (CSV or JSON lines)
        <input
          type="file"
          accept=".csv,.jsonl,.ndjson,.txt,text/csv,application/x-ndjson"
          onChange={(e) => void choose(e.target.files?.[0])}
          disabled={busy}
        />
      </label>
      {form && (
        <>
          <div className="profile-import-choices">
            <label className="field-label">
              Source
              <select
                aria-label="Source"
                value={form.source}
                onChange={(e) => setForm({ ...form, source: e.target.value })}
                disabled={busy}
              >
                <option value="">Choose…</option>
                {sources?.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
            <label className="field-label">
              Customer id column
              <select
                aria-label="Customer id column"
                value={form.customerId}
                onChange={(e) => setForm(chooseIdColumn(form, initial!, e.target.value))}
                disabled={busy}
              >
                <option value="">Choose…</option>
                {inspection?.header.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {sources?.length === 0 && (
            <p className="callout">
              No source is declared yet: an admin declares one (declareProfileSource).
            </p>
          )}
          <ImportColumnsTable form={form} schema={schema} busy={busy} setForm={setForm} />
          {showProblems && problems.length > 0 && (
            <ul className="callout callout-error" role="alert">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          <div className="profile-import-actions">
            <Button variant="primary" onClick={() => void run()} disabled={busy}>
              Import profiles
            </Button>
            {busy && sent !== undefined && (
              <>
                <span role="status" aria-label="Import progress">
                  {sent < 1 ? `Sending the file: ${Math.round(sent * 100)}%` : 'Importing the last rows…'}
                  {stored !== undefined && ` — ${stored.toLocaleString('en')} rows stored so far`}
                </span>
                <Button variant="secondary" onClick={() => abort.current?.abort()}>
                  Cancel
                </Button>
              </>
            )}
          </div>
        </>
      )}
      {error && <ErrorCallout>{error}</ErrorCallout>}
      {result && (
        <div role="status" aria-label="Import result">
          <p>
            {result.rowsImported} of {result.rowsRead} rows imported from source {result.source}:{' '}
            {result.fieldsApplied} values written, {result.fieldsIgnoredAsOlder} kept (the stored value was
            newer); {result.rowsRejected} {result.rowsRejected === 1 ? 'row' : 'rows'} rejected.
          </p>
          {result.rejected.length > 0 && (
            <ul>
              {result.rejected.slice(0, 20).map((r) => (
                <li key={r.line}>
                  Line {r.line}: {r.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
