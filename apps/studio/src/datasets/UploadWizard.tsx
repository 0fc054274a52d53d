import { useId, useMemo, useState } from 'react';
import { errorMessage } from '../shared/error-message';
import { Button, ErrorCallout } from '../shared/ui';
import { INSPECT_BYTES, type DatasetsApi } from './datasets-api';
import { FileDropZone } from './FileDropZone';
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
import { UploadProgress } from './UploadProgress';
import { bytesDone, uploadFraction } from './upload';
import { useDatasetUpload } from './use-dataset-upload';

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
  const [showProblems, setShowProblems] = useState(false);
  const { progress, error: uploadError, clearError, start, cancel } = useDatasetUpload(api, onUploaded);

  // Asked once, in parallel with choosing the file; without it the columns get their inferred types.
  const schema = useMemo(() => api.customerSchema().catch((): SchemaField[] => []), [api]);
  // Only for single-offer files; without it the choice lists nothing and the server still checks the id.
  const actions = useMemo(() => api.catalog().catch((): CatalogChoice[] | undefined => undefined), [api]);

  const choose = async (chosen: File | undefined) => {
    if (!chosen) return;
    setFile(chosen);
    setFileError(undefined);
    clearError();
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
    await start({
      file,
      name: form.name.trim(),
      format: inspection.format.kind,
      mapping: uploadMapping(form),
    });
  };

  return (
    <section className="wizard-panel upload-wizard" aria-labelledby={`${inputId}-title`}>
      <div className="wizard-panel-head">
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

      <FileDropZone
        inputId={inputId}
        file={file}
        disabled={busy || !!progress}
        onChoose={(chosen) => {
          if (!progress) void choose(chosen);
        }}
      />
      {busy && (
        <p className="muted" role="status">
          Reading the start of the file…
        </p>
      )}
      {fileError && <ErrorCallout>{fileError}</ErrorCallout>}

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
      {uploadError && <ErrorCallout>The upload failed: {uploadError}</ErrorCallout>}
      {progress && file && (
        <UploadProgress
          label={`Uploading ${form?.name.trim() ?? file.name}`}
          fraction={uploadFraction(progress)}
          bytesDone={bytesDone(progress)}
          bytesTotal={progress.total}
          rowsRead={progress.rowsRead}
          rowsPerSecond={progress.rate}
          onCancel={cancel}
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
