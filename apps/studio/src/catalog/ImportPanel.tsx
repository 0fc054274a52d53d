import { useState } from 'react';
import { Button, TableHead, num } from '../shared/ui';
import { FIELD_LABELS, type ActionField } from './action-fields';
import type { CatalogApi } from './catalog-api';
import {
  runImport,
  type ImportPreview,
  type ImportProblem,
  type ImportRow,
  type ImportSummary,
} from './csv-import';

const KIND_WORDS: Record<ImportRow['kind'], string> = {
  new: 'new',
  update: 'update',
  unchanged: 'no change',
  invalid: 'problem',
};

function columnName(field: string | undefined): string {
  return field && field in FIELD_LABELS ? FIELD_LABELS[field as ActionField].toLowerCase() : (field ?? '');
}

function problemText(p: ImportProblem): string {
  return p.field ? `${columnName(p.field)}: ${p.message}` : p.message;
}

/** The preview of a CSV file, the import with its progress, and the summary. */
export function ImportPanel({
  fileName,
  preview,
  api,
  onImported,
  onClose,
}: {
  fileName: string;
  preview: ImportPreview;
  api: Pick<CatalogApi, 'importActions'>;
  /** Rows were written: the catalog should be read again. */
  onImported(): void;
  onClose(): void;
}) {
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [summary, setSummary] = useState<ImportSummary>();
  const count = (kind: ImportRow['kind']) => preview.rows.filter((r) => r.kind === kind).length;
  const writable = preview.rows.filter((r) => r.kind === 'new' || r.kind === 'update');
  const invalid = preview.rows.filter(
    (r): r is Extract<ImportRow, { kind: 'invalid' }> => r.kind === 'invalid',
  );
  const blocked = preview.fileProblems.length > 0;

  const start = async () => {
    setProgress({ done: 0, total: writable.length });
    const result = await runImport(writable, api, (done) => setProgress({ done, total: writable.length }));
    setSummary(result);
    setProgress(undefined);
    if (result.created + result.updated > 0) onImported();
  };

  return (
    <section className="import-panel" aria-label="Import from CSV">
      <header className="import-head">
        <h2>
          Import <span className="mono">{fileName}</span>
        </h2>
        {!blocked && (
          <span className="muted">
            {preview.rows.length} {preview.rows.length === 1 ? 'row' : 'rows'}: {count('new')} new,{' '}
            {count('update')} to update, {count('unchanged')} unchanged
            {invalid.length > 0 && `, ${invalid.length} with problems`}
          </span>
        )}
      </header>
      {blocked && (
        <div className="callout callout-error" role="alert">
          <p>This file cannot be imported:</p>
          <ul>
            {preview.fileProblems.map((p) => (
              <li key={`${p.line}-${p.field ?? ''}-${p.message}`}>
                Line {p.line}: {problemText(p)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview.ignoredColumns.length > 0 && (
        <p className="callout callout-warning">
          Unknown {preview.ignoredColumns.length === 1 ? 'column' : 'columns'}{' '}
          {preview.ignoredColumns.map((c) => `“${c}”`).join(', ')}: left out of the import. The columns are
          id, name, group, channel, value, cost, validFrom, validTo, tags, attributes and attr.&lt;name&gt;.
        </p>
      )}
      {!blocked && invalid.length > 0 && !summary && (
        <div className="callout callout-error" role="alert">
          <p>
            {invalid.length === 1 ? '1 line has' : `${invalid.length} lines have`} problems. Fix the file and
            pick it again, or import only the valid rows.
          </p>
          <ul className="import-problems">
            {invalid.flatMap((r) =>
              r.problems.map((p) => (
                <li key={`${p.line}-${p.field ?? ''}-${p.message}`}>
                  Line {p.line}: {problemText(p)}
                </li>
              )),
            )}
          </ul>
        </div>
      )}
      {!blocked && preview.rows.length > 0 && !summary && (
        <div className="import-preview-scroll">
          <table className="data-table import-preview">
            <TableHead columns={[num('Line'), 'Id', 'Result', 'What happens']} />
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.line} className={r.kind === 'invalid' ? 'import-invalid' : undefined}>
                  <td className="num">{r.line}</td>
                  <td className="mono">{r.id}</td>
                  <td>
                    <span className={`status-pill import-${r.kind}`}>{KIND_WORDS[r.kind]}</span>
                  </td>
                  <td>
                    {r.kind === 'new' && <>adds “{r.input.name}”</>}
                    {r.kind === 'unchanged' && <span className="muted">same as in the catalog</span>}
                    {r.kind === 'update' &&
                      r.changes.map((c) => (
                        <div key={c.field}>
                          {columnName(c.field)}: <span className="before">{c.before || 'empty'}</span> →{' '}
                          <strong>{c.after || 'empty'}</strong>
                        </div>
                      ))}
                    {r.kind === 'invalid' &&
                      r.problems.map((p) => <div key={`${p.field ?? ''}${p.message}`}>{problemText(p)}</div>)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!blocked && preview.rows.length === 0 && (
        <p className="muted">The file has a header line but no rows to import.</p>
      )}
      {progress && (
        <div className="import-progress" role="status">
          <progress max={progress.total} value={progress.done} aria-label="Import progress" />
          Importing {progress.done} of {progress.total}…
        </div>
      )}
      {summary && (
        <div className={`callout ${summary.failed.length ? 'callout-warning' : ''}`} role="status">
          <p>
            Import finished: {summary.created} created, {summary.updated} updated
            {summary.notWritten > 0
              ? `; ${summary.notWritten} not written, as ${summary.failed.length === 1 ? 'one line was' : `${summary.failed.length} lines were`} refused:`
              : '.'}
          </p>
          {summary.failed.length > 0 && (
            <ul>
              {summary.failed.map((f) => (
                <li key={f.line}>
                  Line {f.line} ({f.id}): {f.reason}
                </li>
              ))}
            </ul>
          )}
          {summary.impacts.length > 0 && (
            <>
              <p>Strategy versions that read the imported actions:</p>
              <ul aria-label="What the import did to strategy versions">
                {summary.impacts.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <div className="import-actions">
        {!summary && !progress && (
          <>
            <Button
              variant="primary"
              onClick={() => void start()}
              disabled={blocked || invalid.length > 0 || writable.length === 0}
              title={
                invalid.length > 0
                  ? 'Some lines have problems: fix them, or import only the valid rows.'
                  : writable.length === 0
                    ? 'Nothing to change.'
                    : undefined
              }
            >
              Import {writable.length} {writable.length === 1 ? 'action' : 'actions'}
            </Button>
            {!blocked && invalid.length > 0 && writable.length > 0 && (
              <Button onClick={() => void start()}>Import only the {writable.length} valid rows</Button>
            )}
          </>
        )}
        <Button variant="ghost" onClick={onClose} disabled={!!progress}>
          {summary ? 'Close' : 'Cancel'}
        </Button>
      </div>
    </section>
  );
}
