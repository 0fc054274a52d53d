import { formatBytes, formatCount } from './report-model';

/** A labelled progress bar with what has been read, the speed, and an optional cancel. */
export function UploadProgress({
  fraction,
  label,
  rowsRead,
  rowsPerSecond,
  bytesDone,
  bytesTotal,
  onCancel,
}: {
  fraction: number;
  label: string;
  rowsRead?: number;
  rowsPerSecond?: number;
  bytesDone: number;
  bytesTotal?: number | null;
  onCancel?: () => void;
}) {
  const percent = Math.round(fraction * 100);
  return (
    <section className="upload-progress" aria-label="Upload progress">
      <div className="upload-progress-head">
        <strong>{label}</strong>
        <span>{bytesTotal ? `${percent} %` : ''}</span>
      </div>
      <progress
        className="upload-bar"
        max={100}
        value={bytesTotal ? percent : undefined}
        aria-label={label}
        aria-valuetext={`${percent} %`}
      />
      <div className="upload-progress-facts small" role="status" aria-live="polite">
        <span>
          {formatBytes(bytesDone)}
          {bytesTotal ? ` of ${formatBytes(bytesTotal)}` : ''}
        </span>
        {rowsRead !== undefined && <span>{formatCount(rowsRead)} rows read</span>}
        {rowsPerSecond !== undefined && <span>{formatCount(rowsPerSecond)} rows/s</span>}
        {onCancel && (
          <button type="button" className="link-button" onClick={onCancel}>
            Cancel upload
          </button>
        )}
      </div>
    </section>
  );
}
