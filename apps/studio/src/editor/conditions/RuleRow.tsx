import { memo } from 'react';
import { Button, ChipsInput, NumberInput, Select, TextInput } from '../../shared/ui';
import { FieldMessages } from '../field-messages';
import {
  defaultValue,
  FACT_WORDS,
  findField,
  LIST_OPERATORS,
  operatorsFor,
  optionOf,
  referenceOf,
  type FieldOption,
} from '../fields/field-catalog';
import type { RowActions } from './RuleGroupView';
import type { Rule } from './condition-model';

/** One "field operator value" row, with its problems. */
export const RuleRow = memo(function RuleRow({
  rule,
  options,
  errorText,
  actions,
}: {
  rule: Rule;
  options: FieldOption[];
  /** The row's problems, one a line ("" for none): a string, so that an unchanged row skips rendering. */
  errorText: string;
  actions: RowActions;
}) {
  const errors = errorText ? errorText.split('\n') : [];
  const onChange = (next: Rule, key?: string) => actions.change(rule.id, next, key);
  const onRemove = () => actions.remove(rule.id);
  const field = findField(options, rule.fact, rule.field);
  const ops = operatorsFor(field?.type ?? 'string');
  const fieldKey = `${rule.fact}.${rule.field}`;
  const fieldChoices = options.map((o) => ({
    value: referenceOf(o),
    label: o.label,
    group: FACT_WORDS[o.fact],
  }));
  return (
    <div className={`rule-row ${errors.length ? 'rule-invalid' : ''}`}>
      <div className="rule-controls">
        <Select
          label="Field"
          className="rule-field"
          value={fieldKey}
          invalid={!field}
          options={fieldChoices}
          onChange={(key) => {
            const next = optionOf(options, key);
            if (!next) return;
            const keep = operatorsFor(next.type).some((o) => o.operator === rule.operator);
            const operator = keep ? rule.operator : operatorsFor(next.type)[0]!.operator;
            onChange({
              ...rule,
              fact: next.fact,
              field: next.name,
              operator,
              value: defaultValue(next, operator),
            });
          }}
        />
        <Select
          label="Comparison"
          className="rule-operator"
          value={rule.operator}
          options={ops.map((o) => ({ value: o.operator, label: o.words }))}
          onChange={(operator) => {
            const listChange = LIST_OPERATORS.has(operator) !== LIST_OPERATORS.has(rule.operator);
            onChange({ ...rule, operator, value: listChange ? defaultValue(field, operator) : rule.value });
          }}
        />
        <ValueInput
          rule={rule}
          field={field}
          onChange={(value) => onChange({ ...rule, value }, `value:${rule.id}`)}
          invalid={errors.length > 0}
        />
        <Button
          variant="ghost"
          className="btn-icon"
          onClick={onRemove}
          aria-label={`Remove rule on ${field?.label ?? rule.field}`}
          title="Remove this rule"
        >
          ×
        </Button>
      </div>
      <FieldMessages messages={errors} alert />
    </div>
  );
});

function ValueInput({
  rule,
  field,
  onChange,
  invalid,
}: {
  rule: Rule;
  field: FieldOption | undefined;
  onChange(value: unknown): void;
  invalid: boolean;
}) {
  const label = `Value for ${field?.label ?? rule.field}`;
  if (LIST_OPERATORS.has(rule.operator)) {
    const values = Array.isArray(rule.value) ? rule.value.map(String) : [];
    return (
      <ChipsInput
        label={label}
        values={values}
        invalid={invalid}
        suggestions={(field?.allowedValues ?? []).map(String)}
        onChange={(list) =>
          onChange(field?.type === 'number' ? list.map(Number).filter(Number.isFinite) : list)
        }
      />
    );
  }
  if (field?.type === 'boolean') {
    return (
      <Select
        label={label}
        value={rule.value === false ? 'false' : 'true'}
        options={[
          { value: 'true', label: 'yes' },
          { value: 'false', label: 'no' },
        ]}
        onChange={(v) => onChange(v === 'true')}
      />
    );
  }
  if (field?.allowedValues?.length) {
    return (
      <Select
        label={label}
        invalid={invalid}
        value={String(rule.value ?? '')}
        options={field.allowedValues.map((v) => ({ value: String(v), label: String(v) }))}
        onChange={(v) => onChange(field.allowedValues!.find((a) => String(a) === v) ?? v)}
      />
    );
  }
  if (field?.type === 'number') {
    return (
      <NumberInput
        label={label}
        invalid={invalid}
        value={typeof rule.value === 'number' ? rule.value : undefined}
        onChange={(v) => onChange(v ?? null)}
        className="rule-value"
      />
    );
  }
  return (
    <TextInput
      label={label}
      invalid={invalid}
      value={typeof rule.value === 'string' ? rule.value : JSON.stringify(rule.value ?? '')}
      onChange={onChange}
      placeholder={field?.type === 'date' ? 'YYYY-MM-DD' : 'value'}
      className="rule-value"
    />
  );
}
