import { Button, Select, TextInput } from '../shared/ui';
import {
  chooseField,
  fieldChoices,
  newFieldName,
  type ColumnChoice,
  type Personal,
  type SchemaField,
} from './mapping-model';

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'number',
  boolean: 'true/false',
  date: 'date',
  list: 'list',
};

/** Not field names (those are identifiers), so they cannot clash with one. */
const IGNORED = '(ignored)';
const NAMED = '(named)';

/** One column of the file: its type, the field it becomes (or its role), and whether it is personal. */
export function MappingColumnRow({
  choice: c,
  role,
  schema,
  errors,
  notes,
  onChange,
}: {
  choice: ColumnChoice;
  /** The column's job besides being a field (the customer id, the outcome…), if it has one. */
  role?: string;
  schema: readonly SchemaField[];
  errors: string[];
  notes: string[];
  onChange(update: (c: ColumnChoice) => ColumnChoice): void;
}) {
  const typeOf = (field: string): string => {
    const declared = schema.find((f) => f.name === field);
    return declared
      ? `declared ${TYPE_WORDS[declared.type] ?? declared.type}`
      : `new, ${TYPE_WORDS[c.inferredType] ?? c.inferredType}`;
  };
  const clash = !role && c.imported ? c.clash : undefined;
  return (
    <tr className={errors.length ? 'row-invalid' : c.imported || role ? '' : 'row-ignored'}>
      <th scope="row">{c.column}</th>
      <td>{TYPE_WORDS[c.inferredType] ?? c.inferredType}</td>
      <td>
        {role ? (
          <span className="muted">the {role}</span>
        ) : (
          <Select
            label={`Column "${c.column}" becomes`}
            value={c.imported ? (c.named ? NAMED : c.field) : IGNORED}
            options={[
              ...fieldChoices(c.column, schema).map((field) => ({
                value: field,
                label: `customer.${field} (${typeOf(field)})`,
              })),
              { value: NAMED, label: 'A field named here…' },
              { value: IGNORED, label: 'Ignored' },
            ]}
            onChange={(v) =>
              onChange((choice) =>
                v === IGNORED
                  ? { ...choice, imported: false }
                  : v === NAMED
                    ? chooseField(choice, '', schema, true)
                    : chooseField(choice, v, schema),
              )
            }
            invalid={errors.length > 0}
          />
        )}
        {!role && c.imported && c.named && (
          <TextInput
            label={`Column "${c.column}" field name`}
            className="mapping-field-name"
            placeholder="e.g. churnRisk"
            value={c.field}
            onChange={(v) => onChange((choice) => chooseField(choice, v.trim(), schema, true))}
            invalid={errors.length > 0}
          />
        )}
        {errors.map((m) => (
          <div key={m} className="field-error" role="alert">
            {m}
          </div>
        ))}
        {clash && (
          <div className="mapping-clash" role="group" aria-label={`What column "${c.column}" becomes`}>
            <span className="field-warning">
              customer.{clash.name} is declared {TYPE_WORDS[clash.type] ?? clash.type}, this column holds{' '}
              {TYPE_WORDS[c.inferredType] ?? c.inferredType}. Which should it become?
            </span>
            <Button
              className="btn-small"
              onClick={() => onChange((choice) => chooseField(choice, clash.name, schema))}
            >
              Use customer.{clash.name} anyway
            </Button>
            <Button
              className="btn-small"
              onClick={() => onChange((choice) => chooseField(choice, newFieldName(choice), schema, true))}
            >
              New field customer.{newFieldName(c)}
            </Button>
          </div>
        )}
        {notes.map((m) => (
          <div key={m} className="field-warning">
            {m}
          </div>
        ))}
      </td>
      <td>
        <Select<Personal>
          label={`Column "${c.column}" personal data`}
          value={c.personal}
          options={[
            {
              value: 'keep' as const,
              label: c.declared?.personal ? 'Personal: keep in clear' : 'Not personal',
            },
            { value: 'hash', label: 'Personal: hash' },
            { value: 'drop', label: 'Personal: drop' },
          ]}
          onChange={(v) => onChange((choice) => ({ ...choice, personal: v }))}
        />
        {c.declared?.personal && <div className="field-hint">Declared personal in the schema</div>}
      </td>
    </tr>
  );
}
