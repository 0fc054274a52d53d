import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { errorMessage } from '../shared/error-message';
import { ChipsField, SelectField, TextField } from '../shared/labelled-fields';
import { Button, Dialog, Field, TextInput, Toggle, ErrorCallout } from '../shared/ui';
import { needsConfirmation, type ChangeImpact } from '../catalog/change-impact';
import { ChangeImpactList } from '../catalog/ChangeImpactList';
import type { SchemaApi, SchemaField } from './schema-api';
import {
  canRestrict,
  checkForm,
  FIELD_TYPES,
  formFieldOf,
  TYPE_WORDS,
  type FieldForm,
  type FormErrors,
} from './schema-form';

/** Adds a field (original undefined) or redefines one; server problems show on their inputs or as a sentence. */
export function FieldDialog({
  initial,
  original,
  taken,
  api,
  onSaved,
  onClose,
}: {
  initial: FieldForm;
  original?: SchemaField;
  /** Names already declared in this scope. */
  taken: readonly string[];
  api: Pick<SchemaApi, 'define' | 'impact'>;
  onSaved(field: SchemaField): void;
  onClose(): void;
}) {
  const formId = useId();
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [failure, setFailure] = useState<string>();
  const [saving, setSaving] = useState(false);
  /** The strategy versions that read the field, shown before saving; editing the form again clears it. */
  const [impact, setImpact] = useState<ChangeImpact>();
  const set = <K extends keyof FieldForm>(key: K, value: FieldForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
    setImpact(undefined);
  };
  const path = `${form.scope}.${form.name.trim() || '<name>'}`;

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    const checked = checkForm(form, original ? [] : taken);
    setErrors(checked.errors);
    if (!checked.input) return;
    setSaving(true);
    setFailure(undefined);
    try {
      if (!impact) {
        // A courtesy before saving: the server refuses an edit that breaks a version anyway.
        const preview = await api.impact(checked.input).catch(() => undefined);
        if (needsConfirmation(preview)) {
          setImpact(preview);
          setSaving(false);
          return;
        }
      }
      onSaved(await api.define(checked.input));
    } catch (err) {
      const details =
        err instanceof ApiError && err.code === 'VALIDATION_FAILED' && Array.isArray(err.details)
          ? (err.details as { field?: string; message?: string }[])
          : [];
      const placed: FormErrors = {};
      for (const d of details) {
        const field = formFieldOf(d.field ?? '');
        if (field) placed[field] ??= d.message ?? 'is not valid';
      }
      setErrors(placed);
      setFailure(
        Object.keys(placed).length === details.length && details.length
          ? undefined
          : `Not saved: ${errorMessage(err)}`,
      );
      setSaving(false);
    }
  };

  return (
    <Dialog
      title={original ? `Edit ${original.scope}.${original.name}` : `Add a ${form.scope} field`}
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form={formId} disabled={saving || impact?.refused}>
            {saving ? 'Saving…' : impact ? 'Save anyway' : original ? 'Save field' : 'Add field'}
          </Button>
        </>
      }
    >
      <form id={formId} className="field-form" onSubmit={(e) => void submit(e)}>
        <Field
          label="Name"
          htmlFor={`${formId}-name`}
          errors={errors.name ? [`Name ${errors.name}`] : undefined}
          hint={
            <>
              Strategies read it as <code>{path}</code>.
            </>
          }
        >
          {original ? (
            <code id={`${formId}-name`}>{path}</code>
          ) : (
            <TextInput
              id={`${formId}-name`}
              label="Name"
              value={form.name}
              onChange={(v) => set('name', v)}
              invalid={!!errors.name}
              placeholder="e.g. loyaltyTier"
            />
          )}
        </Field>
        <SelectField
          id={`${formId}-type`}
          label="Type"
          value={form.type}
          options={FIELD_TYPES.map((t) => ({ value: t, label: TYPE_WORDS[t] }))}
          onChange={(t) => {
            set('type', t);
            if (!canRestrict(t)) set('allowedValues', []);
          }}
        />
        {original && form.type !== original.type && (
          <p className="callout callout-warning">
            Strategies that use {path} as a {TYPE_WORDS[original.type].toLowerCase()} may become invalid when
            next checked.
          </p>
        )}
        <TextField
          id={`${formId}-label`}
          label="Label"
          errors={errors.label ? [`Label ${errors.label}`] : undefined}
          hint="What the condition builder shows, e.g. “loyalty tier”."
          value={form.label}
          onChange={(v) => set('label', v)}
        />
        <Field
          label="Description"
          htmlFor={`${formId}-description`}
          errors={errors.description ? [`Description ${errors.description}`] : undefined}
        >
          <textarea
            id={`${formId}-description`}
            rows={2}
            value={form.description}
            onChange={(e) => set('description', e.target.value)}
          />
        </Field>
        {canRestrict(form.type) ? (
          <ChipsField
            label="Allowed values"
            errors={errors.allowedValues ? [`Allowed values: ${errors.allowedValues}`] : undefined}
            hint={
              form.type === 'boolean'
                ? 'true and/or false. Leave empty for any value.'
                : `Type a ${form.type === 'number' ? 'number' : 'value'} and press Enter. Leave empty for any value.`
            }
            values={form.allowedValues}
            onChange={(v) => set('allowedValues', v)}
            suggestions={form.type === 'boolean' ? ['true', 'false'] : []}
          />
        ) : (
          <p className="muted small">A date field cannot restrict its values.</p>
        )}
        <Toggle
          checked={form.personal}
          onChange={(v) => set('personal', v)}
          label="Personal data"
          hint="never logged, masked in exports"
        />
        {form.scope === 'customer' && (
          <Toggle
            checked={form.protected}
            onChange={(v) => set('protected', v)}
            label="Protected attribute"
            hint="age band, gender, nationality…: every simulation's fairness check compares how its groups are treated"
          />
        )}
        {impact && <ChangeImpactList impact={impact} subject={path} />}
        {failure && <ErrorCallout>{failure}</ErrorCallout>}
      </form>
    </Dialog>
  );
}
