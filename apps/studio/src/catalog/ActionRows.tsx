import type { KeyboardEvent } from 'react';
import { Button, RowAction, TableHead, num, unseen } from '../shared/ui';
import {
  FIELD_LABELS,
  formatAmount,
  formatDate,
  type ActionDraft,
  type ActionField,
  type FieldErrors,
} from './action-fields';
import type { CatalogAction } from './catalog-api';

/** Fixed column widths (px; the name takes the rest), so the columns stay put when a row turns into inputs. "Valid" holds both dates. */
const WIDTHS = [140, undefined, 100, 100, 88, 76, 150, 120, 132, 120];
export const COLUMN_COUNT = WIDTHS.length;

export function CatalogHead() {
  return (
    <>
      <colgroup>
        {WIDTHS.map((w, i) => (
          <col key={i} style={w ? { width: w } : undefined} />
        ))}
      </colgroup>
      <TableHead
        columns={[
          'Id',
          'Name',
          'Group',
          'Channel',
          num('Value'),
          num('Cost'),
          'Valid',
          'Tags',
          'Attributes',
          unseen('Row actions'),
        ]}
      />
    </>
  );
}

function attributeList(attributes: unknown): string {
  if (!attributes || typeof attributes !== 'object') return '';
  return Object.entries(attributes)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(', ');
}

export function ActionRow({
  action,
  rowIndex,
  editBlocked,
  onEdit,
  onDelete,
}: {
  action: CatalogAction;
  /** The row's place in the whole list (the header is row 1), for assistive technology. */
  rowIndex?: number;
  /** Why the row cannot be edited now, if it cannot. */
  editBlocked?: string;
  onEdit(): void;
  onDelete(): void;
}) {
  const attributes = attributeList(action.attributes);
  const tags = action.tags.join(', ');
  return (
    <tr className="action-row" aria-rowindex={rowIndex}>
      <td className="mono" title={action.id}>
        {action.id}
      </td>
      <td className="action-name" title={action.name}>
        {action.name}
      </td>
      <td>{action.group ?? <span className="muted">—</span>}</td>
      <td>{action.channel ?? <span className="muted">—</span>}</td>
      <td className="num">{formatAmount(action.value)}</td>
      <td className="num">{formatAmount(action.cost)}</td>
      <td className="nowrap">
        {action.validFrom || action.validTo ? (
          <>
            {formatDate(action.validFrom) || '…'} – {formatDate(action.validTo) || '…'}
          </>
        ) : (
          <span className="muted">always</span>
        )}
      </td>
      <td title={tags || undefined}>
        {action.tags.map((t) => (
          <span key={t} className="tag">
            {t}
          </span>
        ))}
      </td>
      <td className="attributes small" title={attributes}>
        {attributes}
      </td>
      <td className="row-actions">
        <RowAction verb="Edit" row={action.id} blocked={editBlocked} onClick={onEdit} />
        <RowAction verb="Delete" row={action.id} blocked={editBlocked} onClick={onDelete} />
      </td>
    </tr>
  );
}

export interface RowMessage {
  text: string;
  /** Someone else changed the row: offer to reload it. */
  conflict?: boolean;
}

/** A row being edited or added: Enter saves, Escape cancels; problems show under their cell. */
export function EditRow({
  draft,
  errors,
  isNew,
  saving,
  message,
  onChange,
  onSave,
  onCancel,
  onReload,
}: {
  draft: ActionDraft;
  errors: FieldErrors;
  isNew: boolean;
  saving: boolean;
  message?: RowMessage;
  onChange(field: ActionField, text: string): void;
  onSave(): void;
  onCancel(): void;
  onReload(): void;
}) {
  const who = isNew ? 'the new action' : draft.id;
  const input = (field: ActionField, props: { placeholder?: string; className?: string } = {}) => (
    <div className={`cell-edit ${props.className ?? ''}`}>
      <input
        type="text"
        aria-label={`${FIELD_LABELS[field]} of ${who}`}
        aria-invalid={!!errors[field] || undefined}
        aria-describedby={errors[field] ? `error-${field}` : undefined}
        value={draft[field]}
        placeholder={props.placeholder}
        onChange={(e) => onChange(field, e.target.value)}
      />
      {errors[field] && (
        <div className="cell-error" id={`error-${field}`}>
          {FIELD_LABELS[field]} {errors[field]}
        </div>
      )}
    </div>
  );
  const keys = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    } else if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
      e.preventDefault();
      onSave();
    }
  };
  return (
    <>
      <tr className="edit-row" onKeyDown={keys} aria-label={isNew ? 'New action' : `Editing ${draft.id}`}>
        <td>
          {isNew ? input('id', { placeholder: 'e.g. gold-card' }) : <span className="mono">{draft.id}</span>}
        </td>
        <td>{input('name')}</td>
        <td>{input('group')}</td>
        <td>{input('channel')}</td>
        <td>{input('value', { className: 'num' })}</td>
        <td>{input('cost', { className: 'num' })}</td>
        <td className="valid-edit">
          {input('validFrom', { placeholder: 'from YYYY-MM-DD' })}
          {input('validTo', { placeholder: 'to YYYY-MM-DD' })}
        </td>
        <td>{input('tags', { placeholder: 'a, b' })}</td>
        <td>{input('attributes', { placeholder: '{"segment": "gold"}' })}</td>
        <td className="row-actions">
          <Button variant="primary" className="btn-small" onClick={onSave} disabled={saving} shortcut="Enter">
            {saving ? 'Saving…' : 'Save'}
          </Button>
          <Button variant="ghost" className="btn-small" onClick={onCancel} shortcut="Escape">
            Cancel
          </Button>
        </td>
      </tr>
      {message && (
        <tr className="edit-message">
          <td colSpan={WIDTHS.length}>
            <div className={`callout ${message.conflict ? 'callout-warning' : 'callout-error'}`} role="alert">
              {message.text}{' '}
              {message.conflict && (
                <Button className="btn-small" onClick={onReload}>
                  Reload this row
                </Button>
              )}
            </div>
          </td>
        </tr>
      )}
    </>
  );
}
