import { useId, useMemo, useRef, useState, type DragEvent } from 'react';
import { ApiError } from '../api/client';
import { errorMessage } from '../shared/error-message';
import { Button } from '../shared/ui';
import { INSPECT_BYTES, type DatasetsApi } from './datasets-api';
import { MappingForm } from './MappingForm';
import {
  mappingProblems,
  suggestMapping,
  mappingWarnings,
  uploadMapping,
  type CatalogChoice,
  type Inspection,
  type MappingForm as Form,
  type SchemaField,
} from './mapping-model';
import { formatBytes } from './report-model';
import { UploadProgress } from './UploadProgress';
import { bytesDone, newDatasetId, rowsPerSecond, uploadFraction } from './upload';

interface Progress {
  sent: number;
  total: number;
  rowsRead?: number;
  bytesRead?: number;
  rate?: number;
}

const POLL_MS = 1000;

/** Choose a file → inspect its start → map its columns → upload with progress → open the dataset. */
export function UploadWizard({
  api,
  onClose,
  onUploaded,
}: {
  api: DatasetsApi;
  onClose(): void;
  onUploaded(id: string): void;
}) {
  const inputId = useId();
  const [file, setFile] = useState<File>();
  const [inspection, setInspection] = useState<Inspection>();
  const [form, setForm] = useState<Form>();
  const [schemaFields, setSchemaFields] = useState<SchemaField[]>([]);
  const [catalog, setCatalog] = useState<CatalogChoice[]>();
  const [busy, setBusy] = useState(false);
  const [fileError, setFileError] = useState<string>();
  const [uploadError, setUploadError] = useState<string>();
  const [showProblems, setShowProblems] = useState(false);
  const [progress, setProgress] = useState<Progress>();
  const [dragging, setDragging] = useState(false);
  const abort = useRef<AbortController | undefined>(undefined);

  // Asked once, in parallel with choosing the file; without it the columns get their inferred types.
  const schema = useMemo(() => api.customerSchema().catch((): SchemaField[] => []), [api]);
  // Only for single-offer files; without it the choice lists nothing and the server still checks the id.
  const actions = useMemo(() => api.catalog().catch((): CatalogChoice[] | undefined => undefined), [api]);

  const choose = async (chosen: File | undefined) => {
    if (!chosen) return;
    setFile(chosen);
    setFileError(undefined);
    setUploadError(undefined);
    setInspection(undefined);
    setForm(undefined);
    setShowProblems(false);
    if (chosen.size === 0)
      return setFileError(`"${chosen.name}" is empty: choose a file with a header line and rows.`);
    setBusy(true);
    try {
      const [found, fields, offers] = await Promise.all([
        api.inspect(chosen.slice(0, INSPECT_BYTES)),
        schema,
        actions,
      ]);
      setInspection(found);
      setSchemaFields(fields);
      setCatalog(offers);
      setForm(suggestMapping(found, fields, chosen.name));
    } catch (err) {
      setFileError(`"${chosen.name}" cannot be imported: ${errorMessage(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const problems = form ? mappingProblems(form, catalog) : [];
  const warnings = form ? mappingWarnings(form) : [];

  const upload = async () => {
    if (!file || !form || !inspection) return;
    setShowProblems(true);
    if (problems.length > 0) return;
    setUploadError(undefined);
    const controller = new AbortController();
    abort.current = controller;
    const startedAt = Date.now();
    const name = form.name.trim();
    setProgress({ sent: 0, total: file.size });
    // The server answers only once the file is imported: the id chosen here lets us follow it meanwhile.
    const id = newDatasetId();
    let polling = true;
    const poll = async () => {
      while (polling) {
        await new Promise((r) => setTimeout(r, POLL_MS));
        if (!polling) return;
        try {
          const current = await api.get(id);
          if (!polling) return;
          const rate = rowsPerSecond(current.rowsRead, startedAt, Date.now());
          setProgress((p) => p && { ...p, rowsRead: current.rowsRead, bytesRead: current.bytesRead, rate });
        } catch {
          // Not there yet, or a hiccup: progress is a nicety, the upload's own answer says how it ended.
        }
      }
    };
    try {
      void poll();
      const done = await api.upload({
        id,
        file,
        name,
        format: inspection.format.kind,
        mapping: uploadMapping(form),
        signal: controller.signal,
        onProgress: ({ sent, total }) => setProgress((p) => p && { ...p, sent, total }),
      });
      polling = false;
      onUploaded(done.id);
    } catch (err) {
      polling = false;
      setProgress(undefined);
      setUploadError(
        err instanceof ApiError && err.code === 'ABORTED'
          ? 'you cancelled it, and nothing of it was kept.'
          : errorMessage(err),
      );
    } finally {
      abort.current = undefined;
    }
  };

  const drop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (!progress) void choose(e.dataTransfer.files[0]);
  };

  return (
    <section className="upload-wizard" aria-labelledby={`${inputId}-title`}>
      <div className="upload-wizard-head">
        <h2 id={`${inputId}-title`}>Upload a dataset</h2>
        {!progress && (
          <Button variant="ghost" onClick={onClose}>
            Close
          </Button>
        )}
      </div>
      <ol className="wizard-steps" aria-label="Steps">
        <li className={!form ? 'step-current' : 'step-done'}>1. Choose a file</li>
        <li className={form && !progress ? 'step-current' : progress ? 'step-done' : ''}>
          2. Map the columns
        </li>
        <li className={progress ? 'step-current' : ''}>3. Upload</li>
      </ol>

      <div
        className={`drop-zone ${dragging ? 'drop-zone-active' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <label htmlFor={inputId} className="drop-zone-label">
          Dataset file (CSV or JSON lines)
        </label>
        <input
          id={inputId}
          type="file"
          accept=".csv,.jsonl,.ndjson,.txt,text/csv,application/x-ndjson"
          disabled={busy || !!progress}
          onChange={(e) => void choose(e.target.files?.[0])}
        />
        <span className="muted small">
          {file
            ? `${file.name} · ${formatBytes(file.size)}`
            : 'or drop a file here. One customer per row, with a header line.'}
        </span>
      </div>
      {busy && (
        <p className="muted" role="status">
          Reading the start of the file…
        </p>
      )}
      {fileError && (
        <p className="callout callout-error" role="alert">
          {fileError}
        </p>
      )}

      {inspection && form && !progress && (
        <>
          <MappingForm
            inspection={inspection}
            schema={schemaFields}
            catalog={catalog ?? []}
            form={form}
            onChange={setForm}
            problems={showProblems ? problems : []}
            warnings={warnings}
          />
          {showProblems && problems.length > 0 && (
            <div className="callout callout-error" role="alert">
              Fix {problems.length === 1 ? 'this problem' : `these ${problems.length} problems`} before
              uploading:
              <ul>
                {problems.map((p) => (
                  <li key={`${p.where}:${p.message}`}>{p.message}</li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
      {uploadError && (
        <p className="callout callout-error" role="alert">
          The upload failed: {uploadError}
        </p>
      )}
      {progress && file && (
        <UploadProgress
          label={`Uploading ${form?.name.trim() ?? file.name}`}
          fraction={uploadFraction(progress)}
          bytesDone={bytesDone(progress)}
          bytesTotal={progress.total}
          rowsRead={progress.rowsRead}
          rowsPerSecond={progress.rate}
          onCancel={() => abort.current?.abort()}
        />
      )}
      {inspection && form && !progress && (
        <div className="wizard-actions">
          <Button variant="primary" onClick={() => void upload()}>
            Upload and import
          </Button>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
        </div>
      )}
    </section>
  );
}
