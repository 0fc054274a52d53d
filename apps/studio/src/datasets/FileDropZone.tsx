import { useState } from 'react';
import { formatBytes } from './report-model';

/** The dataset file input, which also takes a file dropped on it; shows the chosen file's name and size. */
export function FileDropZone({
  inputId,
  file,
  disabled,
  onChoose,
}: {
  inputId: string;
  file: File | undefined;
  disabled: boolean;
  onChoose(file: File | undefined): void;
}) {
  const [dragging, setDragging] = useState(false);
  return (
    <div
      className={`drop-zone ${dragging ? 'drop-zone-active' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        onChoose(e.dataTransfer.files[0]);
      }}
    >
      <label htmlFor={inputId} className="drop-zone-label">
        Dataset file (CSV or JSON lines)
      </label>
      <input
        id={inputId}
        type="file"
        accept=".csv,.jsonl,.ndjson,.txt,text/csv,application/x-ndjson"
        disabled={disabled}
        onChange={(e) => onChoose(e.target.files?.[0])}
      />
      <span className="muted small">
        {file
          ? `${file.name} · ${formatBytes(file.size)}`
          : 'or drop a file here. One customer per row, with a header line.'}
      </span>
    </div>
  );
}
