import type { SchemaField } from '../datasets/mapping-model';
import { mapColumn, type ProfileImportForm } from './profile-import-model';

/** Which file columns are imported, and as which declared customer field. */
export function ImportColumnsTable({
  form,
  schema,
  busy,
  setForm,
}: {
  form: ProfileImportForm;
  schema: readonly SchemaField[];
  busy: boolean;
  setForm(form: ProfileImportForm): void;
}) {
  return (
    <table className="data-table" aria-label="Columns to import">
      <thead>
        <tr>
          <th>Import</th>
          <th>Column</th>
          <th>Customer field</th>
        </tr>
      </thead>
      <tbody>
        {form.columns.map((c) => (
          <tr key={c.column}>
            <td>
              <input
                type="checkbox"
                aria-label={`Import ${c.column}`}
                checked={c.imported}
                disabled={!c.field || busy}
                onChange={(e) =>
                  setForm({
                    ...form,
                    columns: form.columns.map((x) =>
                      x.column === c.column ? { ...x, imported: e.target.checked } : x,
                    ),
                  })
                }
              />
            </td>
            <td>{c.column}</td>
            <td>
              <select
                aria-label={`Customer field for ${c.column}`}
                value={c.field ?? ''}
                onChange={(e) => setForm(mapColumn(form, schema, c.column, e.target.value))}
                disabled={busy}
              >
                <option value="">not imported</option>
                {schema.map((f) => (
                  <option key={f.name} value={f.name}>
                    {f.label ? `${f.label} (${f.name})` : f.name}
                  </option>
                ))}
              </select>
              {c.field && c.personal && ' personal: stored as a pseudonym'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
