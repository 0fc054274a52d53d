import type { DatasetStatus } from '../api/generated/graphql';

const WORDS: Record<DatasetStatus, string> = { UPLOADING: 'Uploading', READY: 'Ready', FAILED: 'Failed' };

export function StatusPill({ status }: { status: DatasetStatus }) {
  return <span className={`status-pill ds-status-${status.toLowerCase()}`}>{WORDS[status]}</span>;
}

export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString('en-GB', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      });
}
