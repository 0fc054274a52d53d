import { useEffect, useState } from 'react';
import type { DecisionInput, FieldDefinition } from '@arbiter/engine';
import { humanize } from '@arbiter/engine';
import { Button, NumberInput, Select, TextInput } from '../../shared/ui';

/** The sample customer as a form of the declared fields; raw JSON (with history) on request. */
export function CustomerForm({
  value,
  onChange,
  customerFields,
  contextFields,
}: {
  value: DecisionInput;
  onChange(next: DecisionInput): void;
  customerFields: FieldDefinition[];
  contextFields: FieldDefinition[];
}) {
  const [json, setJson] = useState(false);
  const set = (fact: 'customer' | 'context', name: string, v: unknown) => {
    const current = { ...(fact === 'customer' ? value.customer : (value.context ?? {})) };
    if (v === undefined || v === '') delete current[name];
    else current[name] = v;
    onChange({ ...value, [fact]: current });
  };
  return (
    <div className="customer-form">
      {!json && (
        <>
          <FactFields
            legend="Customer"
            fields={customerFields}
            values={value.customer}
            onChange={(name, v) => set('customer', name, v)}
          />
          <FactFields
            legend="Situation"
            fields={contextFields}
            values={value.context ?? {}}
            onChange={(name, v) => set('context', name, v)}
          />
          <p className="muted small">
            {value.history?.length
              ? `${value.history.length} past contacts recorded for this customer (see JSON).`
              : 'No past contacts recorded.'}
          </p>
        </>
      )}
      <Button variant="ghost" className="btn-small" aria-expanded={json} onClick={() => setJson((j) => !j)}>
        {json ? 'Back to the form' : 'Edit as JSON (with contact history)'}
      </Button>
      {json && <InputJson value={value} onChange={onChange} />}
    </div>
  );
}

/** The inputs of one fact's declared fields (the customer's, or the situation's). */
function FactFields({
  legend,
  fields,
  values,
  onChange,
}: {
  legend: string;
  fields: FieldDefinition[];
  values: Record<string, unknown>;
  onChange(name: string, v: unknown): void;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="form-grid">
        {fields.map((f) => (
          <FieldInput key={f.name} field={f} value={values[f.name]} onChange={(v) => onChange(f.name, v)} />
        ))}
      </div>
    </fieldset>
  );
}

function FieldInput({
  field,
  value,
  onChange,
}: {
  field: FieldDefinition;
  value: unknown;
  onChange(v: unknown): void;
}) {
  const label = field.label ?? humanize(field.name);
  const id = `sample-${field.name}`;
  let control;
  if (field.type === 'boolean') {
    control = (
      <Select
        id={id}
        label={label}
        value={value === true ? 'true' : value === false ? 'false' : ''}
        options={[
          { value: '', label: '—' },
          { value: 'true', label: 'yes' },
          { value: 'false', label: 'no' },
        ]}
        onChange={(v) => onChange(v === '' ? undefined : v === 'true')}
      />
    );
  } else if (field.allowedValues?.length) {
    control = (
      <Select
        id={id}
        label={label}
        value={value === undefined ? '' : String(value)}
        options={[
          { value: '', label: '—' },
          ...field.allowedValues.map((v) => ({ value: String(v), label: String(v) })),
        ]}
        onChange={(v) =>
          onChange(v === '' ? undefined : (field.allowedValues!.find((a) => String(a) === v) ?? v))
        }
      />
    );
  } else if (field.type === 'number') {
    control = (
      <NumberInput
        id={id}
        label={label}
        optional
        value={typeof value === 'number' ? value : undefined}
        onChange={onChange}
      />
    );
  } else {
    control = (
      <TextInput
        id={id}
        label={label}
        value={typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value)}
        onChange={onChange}
        placeholder={field.type === 'date' ? '2026-06-15T10:00:00Z' : ''}
      />
    );
  }
  return (
    <div className="field">
      <label className="field-label" htmlFor={id} title={field.description}>
        {label}
      </label>
      {control}
    </div>
  );
}

function InputJson({ value, onChange }: { value: DecisionInput; onChange(next: DecisionInput): void }) {
  const [text, setText] = useState(() => JSON.stringify(value, null, 2));
  const [error, setError] = useState<string>();
  useEffect(() => {
    try {
      if (JSON.stringify(JSON.parse(text)) === JSON.stringify(value)) return;
    } catch {
      // the designer is typing; a new value from outside replaces the text below
    }
    setText(JSON.stringify(value, null, 2));
    // Only a new value from outside resyncs the text: re-running on each keystroke would throw away
    // JSON the designer is still typing (invalid until finished).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <>
      <textarea
        aria-label="Test customer as JSON"
        className="code"
        rows={14}
        spellCheck={false}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          try {
            const parsed = JSON.parse(e.target.value) as DecisionInput;
            if (!parsed || typeof parsed.customer !== 'object') return setError('Needs a "customer" object.');
            setError(undefined);
            onChange(parsed);
          } catch (err) {
            setError(`Not valid JSON yet: ${(err as Error).message}`);
          }
        }}
      />
      {error && <div className="field-error">{error}</div>}
    </>
  );
}
