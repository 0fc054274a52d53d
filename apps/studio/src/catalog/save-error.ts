import { ApiError } from '../api/client';
import { errorMessage } from '../shared/error-message';
import { fieldOfDetail, type FieldErrors } from './action-fields';
import type { RowMessage } from './ActionRows';

/** A server error on save: on the cells it names, or as a sentence under the row. */
export function saveError(err: unknown, id: string): { errors: FieldErrors; message?: RowMessage } {
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
