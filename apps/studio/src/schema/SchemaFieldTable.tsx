import { Button, RowAction, TableHead, unseen } from '../shared/ui';
import type { SchemaField, SchemaScope } from './schema-api';
import { allowedList, TYPE_WORDS } from './schema-form';

/** The declared fields of one scope, with edit, remove and (customer fields) protect per row. */
export function SchemaFieldTable({
  scope,
  fields,
  readOnly,
  cannotProtect,
  onEdit,
  onRemove,
  onProtect,
}: {
  scope: SchemaScope;
  fields: readonly SchemaField[];
  /** Why the user may not change the schema; undefined when they may. */
  readOnly: string | undefined;
  cannotProtect: string | undefined;
  onEdit(field: SchemaField): void;
  onRemove(field: SchemaField): void;
  onProtect(field: SchemaField): void;
}) {
  return (
    <table className="data-table schema-table">
      <TableHead columns={['Field', 'Type', 'Allowed values', 'Description', unseen('Row actions')]} />
      <tbody>
        {fields.map((f) => (
          <tr key={f.name}>
            <td>
              <code className="schema-path">
                {scope}.{f.name}
              </code>
              {f.personal && (
                <span
                  className="status-pill personal-pill"
                  title="Personal data: never logged, masked in exports"
                >
                  personal
                </span>
              )}
              {f.protected && (
                <span
                  className="status-pill protected-pill"
                  title="Protected attribute: every simulation's fairness check compares how its groups are treated"
                >
                  protected
                </span>
              )}
              {f.label && <div className="muted small">{f.label}</div>}
            </td>
            <td>{TYPE_WORDS[f.type]}</td>
            <td>
              {allowedList(f).length ? (
                allowedList(f).map((v) => (
                  <span key={v} className="tag">
                    {v}
                  </span>
                ))
              ) : (
                <span className="muted">any</span>
              )}
            </td>
            <td className="small">{f.description}</td>
            <td className="row-actions">
              <RowAction
                verb="Edit"
                row={`${scope}.${f.name}`}
                blocked={readOnly}
                onClick={() => onEdit(f)}
              />
              <RowAction
                verb="Remove"
                row={`${scope}.${f.name}`}
                blocked={readOnly}
                onClick={() => onRemove(f)}
              />
              {scope === 'customer' && !cannotProtect && (
                <Button
                  variant="ghost"
                  className="btn-small"
                  aria-label={`${f.protected ? 'Unprotect' : 'Protect'} ${scope}.${f.name}`}
                  title="Protected attributes get the fairness check in every simulation"
                  onClick={() => onProtect(f)}
                >
                  {f.protected ? 'Unprotect' : 'Protect'}
                </Button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
