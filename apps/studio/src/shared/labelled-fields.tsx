import type { ReactNode } from 'react';
import { ChipsInput } from './controls/chips-input';
import { Field } from './controls/field';
import { NumberInput } from './controls/number-input';
import { Select, type Choice } from './controls/select';
import { TextInput } from './controls/text-input';

/**
 * Form fields of one control each: the label above the control (tied to it by `id`), the hint or the
 * errors below, and the control marked invalid while there are errors.
 */
interface LabelledProps {
  id: string;
  label: string;
  /** The control's accessible name, when it is not the visible label. */
  inputLabel?: string;
  hint?: ReactNode;
  errors?: readonly string[];
}

/** A field's errors when it has at most one. */
export const errorsOf = (error: string | undefined): string[] | undefined => (error ? [error] : undefined);

/** The props the control takes from its field. */
const controlProps = ({ id, label, inputLabel, errors }: LabelledProps) => ({
  id,
  label: inputLabel ?? label,
  invalid: !!errors?.length,
});

export function SelectField<T extends string>({
  value,
  options,
  onChange,
  ...field
}: LabelledProps & { value: T; options: readonly Choice<T>[]; onChange(value: T): void }) {
  return (
    <Field label={field.label} htmlFor={field.id} hint={field.hint} errors={field.errors}>
      <Select {...controlProps(field)} value={value} options={options} onChange={onChange} />
    </Field>
  );
}

export function TextField({
  value,
  onChange,
  placeholder,
  ...field
}: LabelledProps & { value: string; onChange(value: string): void; placeholder?: string }) {
  return (
    <Field label={field.label} htmlFor={field.id} hint={field.hint} errors={field.errors}>
      <TextInput {...controlProps(field)} value={value} placeholder={placeholder} onChange={onChange} />
    </Field>
  );
}

export function NumberInputField({
  value,
  onChange,
  min,
  max,
  integer,
  optional,
  placeholder,
  ...field
}: LabelledProps & {
  value: number | undefined;
  onChange(value: number | undefined): void;
  min?: number;
  max?: number;
  integer?: boolean;
  optional?: boolean;
  placeholder?: string;
}) {
  return (
    <Field label={field.label} htmlFor={field.id} hint={field.hint} errors={field.errors}>
      <NumberInput
        {...controlProps(field)}
        min={min}
        max={max}
        integer={integer}
        optional={optional}
        placeholder={placeholder}
        value={value}
        onChange={onChange}
      />
    </Field>
  );
}

/** Chips have no single element to label: the field names them by their accessible name only. */
export function ChipsField({
  values,
  onChange,
  suggestions,
  ...field
}: Omit<LabelledProps, 'id'> & {
  values: readonly string[];
  onChange(values: string[]): void;
  suggestions?: readonly string[];
}) {
  return (
    <Field label={field.label} hint={field.hint} errors={field.errors}>
      <ChipsInput
        label={field.inputLabel ?? field.label}
        invalid={!!field.errors?.length}
        values={values}
        suggestions={suggestions}
        onChange={onChange}
      />
    </Field>
  );
}
