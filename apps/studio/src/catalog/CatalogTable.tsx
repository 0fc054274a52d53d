import { useEffect, useRef } from 'react';
import { useRowWindow } from '../shared/use-row-window';
import { ActionRow, CatalogHead, COLUMN_COUNT, EditRow, type RowMessage } from './ActionRows';
import type { ActionDraft, ActionField, FieldErrors } from './action-fields';
import type { CatalogAction } from './catalog-api';

/** The height of a listed row (see .action-row in catalog.css): rows are windowed by it. */
export const ROW_HEIGHT = 44;
const HEAD_HEIGHT = 36;
/** Rows left below the window when the next page is asked for. */
const READ_AHEAD = 40;

export interface TableEditing {
  /** The id of the listed action being edited; undefined for a new one. */
  id?: string;
  draft: ActionDraft;
  errors: FieldErrors;
  message?: RowMessage;
  saving: boolean;
}

/**
 * The listed actions in a scrolling box with a sticky header; only the rows in view are in the page
 * (a 10,000-action catalog renders about 40 rows). Scrolling near the end asks for the next page.
 */
export function CatalogTable({
  actions,
  editing,
  editBlocked,
  onMore,
  onEdit,
  onDelete,
  onChange,
  onSave,
  onCancel,
  onReload,
}: {
  actions: CatalogAction[];
  editing?: TableEditing;
  editBlocked?: string;
  onMore(): void;
  onEdit(action: CatalogAction): void;
  onDelete(action: CatalogAction): void;
  onChange(field: ActionField, text: string): void;
  onSave(): void;
  onCancel(): void;
  onReload(): void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const { start, end, before, after } = useRowWindow(box, actions.length, ROW_HEIGHT, HEAD_HEIGHT);
  useEffect(() => {
    if (end + READ_AHEAD >= actions.length) onMore();
  }, [end, actions.length, onMore]);

  const editRow = (isNew: boolean) =>
    editing && (
      <EditRow
        key={isNew ? 'new' : editing.id}
        draft={editing.draft}
        errors={editing.errors}
        isNew={isNew}
        saving={editing.saving}
        message={editing.message}
        onChange={onChange}
        onSave={onSave}
        onCancel={onCancel}
        onReload={isNew ? () => undefined : onReload}
      />
    );
  const spacer = (height: number) =>
    height > 0 && (
      <tr aria-hidden="true" className="row-spacer">
        <td colSpan={COLUMN_COUNT} style={{ height }} />
      </tr>
    );

  return (
    // Focusable, so the list scrolls from the keyboard too.
    <div className="catalog-table-wrap" ref={box} tabIndex={0} role="region" aria-label="Actions list">
      <table className="data-table catalog-table" aria-rowcount={actions.length + 1}>
        <CatalogHead />
        <tbody>
          {editing && !editing.id && editRow(true)}
          {spacer(before)}
          {actions
            .slice(start, end)
            .map((a, i) =>
              editing?.id === a.id ? (
                editRow(false)
              ) : (
                <ActionRow
                  key={a.id}
                  action={a}
                  rowIndex={start + i + 2}
                  editBlocked={editBlocked}
                  onEdit={() => onEdit(a)}
                  onDelete={() => onDelete(a)}
                />
              ),
            )}
          {spacer(after)}
        </tbody>
      </table>
    </div>
  );
}
