import type { DefineSchemaFieldInput } from '../api/generated/graphql';
import type { FieldType, SchemaField, SchemaScope } from './schema-api';

/**
 * The add/edit form of a schema field: what the user types, the checks before sending (mirroring
 * apps/api/src/customer-schema/dto/schema-field.inputs.ts), and allowed values typed to the field.
 */

export const TYPE_WORDS: Record<FieldType, string> = {
  string: 'Text',
  number: 'Number',
  boolean: 'Yes / no',
  date: 'Date',
  list: 'List of texts',
};
export const FIELD_TYPES = Object.keys(TYPE_WORDS) as FieldType[];

export interface FieldForm {
  scope: SchemaScope;
  name: string;
  type: FieldType;
  label: string;
  description: string;
  /** As typed (chips); converted to the field's type when sent. */
  allowedValues: string[];
  personal: boolean;
  /** Customer fields only: a protected attribute for the fairness check. */
  protected: boolean;
}

export type FormField = 'name' | 'label' | 'description' | 'allowedValues';
export type FormErrors = Partial<Record<FormField, string>>;

export const emptyForm = (scope: SchemaScope): FieldForm => ({
  scope,
  name: '',
  type: 'string',
  label: '',
  description: '',
  allowedValues: [],
  personal: false,
  protected: false,
});

export function allowedList(field: Pick<SchemaField, 'allowedValues'>): string[] {
  return Array.isArray(field.allowedValues) ? field.allowedValues.map((v) => String(v)) : [];
}

export function formOf(field: SchemaField): FieldForm {
  return {
    scope: field.scope,
    name: field.name,
    type: field.type,
    label: field.label ?? '',
    description: field.description ?? '',
    allowedValues: allowedList(field),
    personal: field.personal,
    protected: field.protected,
  };
}

/** Whether a field of this type can list its allowed values. */
export const canRestrict = (type: FieldType) => type !== 'date';

function typedValue(text: string, type: FieldType): { value: string | number | boolean } | { error: string } {
  if (type === 'number') {
    const n = Number(text.trim().replace(/^([+-]?\d+),(\d+)$/, '$1.$2'));
    return text.trim() !== '' && Number.isFinite(n) ? { value: n } : { error: `"${text}" is not a number` };
  }
  if (type === 'boolean')
    return text === 'true' || text === 'false'
      ? { value: text === 'true' }
      : { error: `"${text}" is not true or false` };
  return text.length > 200
    ? { error: `"${text.slice(0, 20)}…" is longer than 200 characters` }
    : { value: text };
}

/** The input to send, or what is wrong, field by field. `taken`: names already declared in the scope (for a new field). */
export function checkForm(
  form: FieldForm,
  taken: readonly string[] = [],
): { input?: DefineSchemaFieldInput; errors: FormErrors } {
  const errors: FormErrors = {};
  const name = form.name.trim();
  if (!name) errors.name = 'is required';
  else if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
    errors.name = 'uses letters, digits and _ and starts with a letter';
  else if (name.length > 64) errors.name = 'must be at most 64 characters';
  else if (taken.includes(name)) errors.name = `is declared already: edit ${form.scope}.${name} instead`;
  if (form.label.trim().length > 200) errors.label = 'must be at most 200 characters';
  if (form.description.trim().length > 2000) errors.description = 'must be at most 2000 characters';

  const values: (string | number | boolean)[] = [];
  if (canRestrict(form.type)) {
    for (const text of form.allowedValues) {
      const typed = typedValue(text, form.type);
      if ('error' in typed) {
        errors.allowedValues ??= `${typed.error}: a ${TYPE_WORDS[form.type].toLowerCase()} field takes ${form.type === 'boolean' ? 'true or false' : `${form.type}s`}`;
      } else if (values.includes(typed.value)) errors.allowedValues ??= `lists ${String(typed.value)} twice`;
      else values.push(typed.value);
    }
  }
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    input: {
      scope: form.scope,
      name,
      type: form.type,
      label: form.label.trim() || null,
      description: form.description.trim() || null,
      allowedValues: values.length ? values : null,
      personal: form.personal,
      ...(form.scope === 'customer' && { protected: form.protected }),
    },
  };
}

/** "input.allowedValues[2]" (a server error detail) → the form field it belongs to. */
export function formFieldOf(path: string): FormField | undefined {
  const head = path.replace(/^input\./, '').split(/[.[]/)[0];
  return (['name', 'label', 'description', 'allowedValues'] as const).find((f) => f === head);
}
