import { useMemo } from 'react';
import { Select } from '../../shared/ui';
import { useEditorContext } from '../editor-context';
import { FACT_WORDS, fieldOptions, referenceOf, type FieldOption } from '../fields/field-catalog';

const FACTS = ['customer', 'context', 'action', 'fields'] as const;

export function useInputOptions(): FieldOption[] {
  const { env, doc } = useEditorContext();
  return useMemo(() => fieldOptions(env, doc, FACTS), [env, doc]);
}

/** Chooses a model input (`customer.age`, `action.id`, …) from the declared fields. */
export function InputSelect({
  value,
  onChange,
  label,
  invalid,
}: {
  value: string;
  onChange(v: string): void;
  label: string;
  invalid?: boolean;
}) {
  const options = useInputOptions();
  return (
    <Select
      label={label}
      value={value}
      invalid={invalid}
      options={options.map((o) => ({ value: referenceOf(o), label: o.label, group: FACT_WORDS[o.fact] }))}
      onChange={onChange}
    />
  );
}
