import { useMemo } from 'react';
import { Select } from '../../shared/ui';
import { useEditorContext } from '../editor-context';
import { FACT_WORDS, fieldOptions, referenceOf, type FieldOption } from '../fields/field-catalog';

const FACTS = ['customer', 'context', 'action', 'fields'] as const;

export function useInputOptions(): FieldOption[] {
  const { env, doc } = useEditorContext();
  return useMemo(() => fieldOptions(env, doc, FACTS), [env, doc]);
}

/** The input a new row of a model starts with: the first number field, else `customer.age`. */
export function firstNumberInput(options: readonly FieldOption[]): string {
  const first = options.find((o) => o.type === 'number');
  return first ? referenceOf(first) : 'customer.age';
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
