import { useState } from 'react';
import { Button, TableHead, num } from '../shared/ui';
import { ColumnDistribution } from './ColumnDistribution';
import {
  columnRoleWords,
  formatCount,
  kindWords,
  mappingLines,
  missingText,
  rejectionSummary,
  type QualityReport as Report,
} from './report-model';

const PAGE = 25;

/** The data-quality report of an imported dataset. */
const TREATMENT_WORDS: Record<string, string> = {
  hash: 'hashed at import (HMAC-SHA-256; equal values still match)',
  drop: 'dropped at import',
  keep: 'kept in clear, as chosen at upload (declared personal in the customer schema)',
};

export function QualityReport({
  report,
  mapping,
  personalColumns,
}: {
  report: Report;
  mapping: unknown;
  personalColumns: unknown;
}) {
  const personal = Object.entries(
    personalColumns && typeof personalColumns === 'object' ? (personalColumns as Record<string, string>) : {},
  );
  const notes = [...report.warnings, ...report.format.notes];
  const hashedBySchema = report.columns.filter(
    (c) => c.personal === 'hash' && !personal.some(([n]) => n === c.name),
  );
  return (
    <div className="quality-report">
      <section aria-label="Rows" className="row-cards">
        <Figure label="Rows read" value={report.rowsRead} />
        <Figure label="Rows kept" value={report.rowsKept} tone="ok" />
        <Figure
          label="Rows rejected"
          value={report.rowsRejected}
          tone={report.rowsRejected > 0 ? 'bad' : undefined}
        />
        <Figure label="Columns imported" value={report.columns.length} />
        {report.blankLines > 0 && <Figure label="Blank lines skipped" value={report.blankLines} />}
      </section>
      {notes.length > 0 && (
        <div className="callout callout-warning report-notes">
          <strong>Worth knowing</strong>
          <ul>
            {notes.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      <RejectedRows report={report} />

      <section className="report-section">
        <h2>Columns</h2>
        <p className="muted small">Statistics over the {formatCount(report.rowsKept)} rows kept.</p>
        <table className="ds-table columns-table">
          <TableHead
            columns={['Column', 'Imported as', 'Type', num('Missing'), num('Distinct'), 'Distribution']}
          />
          <tbody>
            {report.columns.map((c) => (
              <tr key={c.name}>
                <th scope="row">{c.name}</th>
                <td>{columnRoleWords(c) || '—'}</td>
                <td>{c.type}</td>
                <td className="num">{missingText(c)}</td>
                <td className="num">
                  {c.distinctCapped ? '≈ ' : ''}
                  {formatCount(c.distinct)}
                </td>
                <td>
                  <ColumnDistribution column={c} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {report.ignoredColumns.length > 0 && (
          <p className="muted small">
            Not imported (ignored in the mapping): {report.ignoredColumns.join(', ')}.
          </p>
        )}
      </section>

      <div className="report-columns">
        <section className="report-section">
          <h2>Personal data</h2>
          {personal.length === 0 && hashedBySchema.length === 0 && report.droppedColumns.length === 0 ? (
            <p className="muted">No column was marked personal.</p>
          ) : (
            <ul className="plain-list">
              {personal.map(([column, treatment]) => (
                <li key={column}>
                  <strong>{column}</strong>: {TREATMENT_WORDS[treatment] ?? treatment}
                </li>
              ))}
              {hashedBySchema.map((c) => (
                <li key={c.name}>
                  <strong>{c.name}</strong>: hashed at import (declared personal in the customer schema)
                </li>
              ))}
            </ul>
          )}
          <p className="muted small">Personal values never appear in this report.</p>
        </section>
        <section className="report-section">
          <h2>Mapping used</h2>
          <dl className="mapping-used">
            {mappingLines(mapping).map((line) => (
              <div key={line.label}>
                <dt>{line.label}</dt>
                <dd>{line.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
    </div>
  );
}

function Figure({ label, value, tone }: { label: string; value: number; tone?: 'ok' | 'bad' }) {
  return (
    <div className={`figure ${tone ? `figure-${tone}` : ''}`}>
      <span className="figure-value">{formatCount(value)}</span>
      <span className="figure-label">{label}</span>
    </div>
  );
}

function RejectedRows({ report }: { report: Report }) {
  const [shown, setShown] = useState(PAGE);
  if (report.rowsRejected === 0)
    return (
      <section className="report-section">
        <h2>Rejected rows</h2>
        <p className="ok-text">No row was rejected.</p>
      </section>
    );
  const rows = report.rejected.slice(0, shown);
  return (
    <section className="report-section">
      <h2>Rejected rows</h2>
      <p className="muted small">
        A row with a value that does not fit is left out, never changed; simulations run on the rows kept.
      </p>
      <ul className="reason-list" aria-label="Rejections by reason">
        {rejectionSummary(report).map((r) => (
          <li key={r.kind}>
            <span className="reason-count">{formatCount(r.count)}</span> {r.words}
          </li>
        ))}
      </ul>
      <table className="ds-table rejected-table">
        <TableHead columns={[num('Line'), 'Column', 'Problem', 'Reason', 'Value']} />
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.line}:${r.column ?? ''}`}>
              <td className="num">{r.line}</td>
              <td>{r.column ?? '—'}</td>
              <td>{kindWords(r.kind)}</td>
              <td>{r.reason}</td>
              <td className="value-cell">{r.value ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small table-foot">
        Showing {formatCount(rows.length)} of {formatCount(report.rowsRejected)} rejected rows
        {report.rejected.length < report.rowsRejected
          ? ` (the report lists the first ${formatCount(report.rejected.length)})`
          : ''}
        .
        {shown < report.rejected.length && (
          <Button variant="ghost" className="btn-small" onClick={() => setShown((n) => n + 100)}>
            Show more
          </Button>
        )}
      </p>
    </section>
  );
}
