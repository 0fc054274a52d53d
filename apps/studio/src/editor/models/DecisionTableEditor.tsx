import type { ModelSpec } from '@arbiter/engine';
import { Button, NumberInput, Select, TextInput } from '../../shared/ui';
import { FieldMessages } from '../field-messages';
import { LIST_OPERATORS, operatorsFor, optionOf } from '../fields/field-catalog';
import { CaptionedNumber } from './CaptionedNumber';
import { InputSelect, useInputOptions } from './InputSelect';
import type { ModelEditorProps } from './ModelEditor';

type DecisionTable = Extract<ModelSpec, { type: 'decisionTable' }>;
type Cell = DecisionTable['rules'][number]['when'][number];

const HIT_POLICIES: { value: DecisionTable['hitPolicy']; label: string }[] = [
  { value: 'first', label: 'First matching row wins' },
  { value: 'collectMax', label: 'Highest output of all matching rows' },
  { value: 'collectSum', label: 'Sum of all matching rows' },
];

/** A grid: one column per input, one row per rule; a cell is "any" or a comparison. */
export function DecisionTableEditor({ value, onChange, problems, field }: ModelEditorProps<DecisionTable>) {
  const options = useInputOptions();
  const setRule = (r: number, rule: DecisionTable['rules'][number] | undefined, key?: string) =>
    onChange(
      {
        ...value,
        rules: rule ? value.rules.map((x, i) => (i === r ? rule : x)) : value.rules.filter((_, i) => i !== r),
      },
      key,
    );
  const addColumn = () =>
    onChange({
      ...value,
      inputs: [...value.inputs, value.inputs[value.inputs.length - 1] ?? 'customer.age'],
      rules: value.rules.map((r) => ({ ...r, when: [...r.when, null] })),
    });
  const removeColumn = (c: number) =>
    onChange({
      ...value,
      inputs: value.inputs.filter((_, i) => i !== c),
      rules: value.rules.map((r) => ({ ...r, when: r.when.filter((_, i) => i !== c) })),
    });
  return (
    <div className="decision-table-editor">
      <div className="field">
        <label className="field-label">When several rows match</label>
        <Select
          label="Hit policy"
          value={value.hitPolicy}
          options={HIT_POLICIES}
          onChange={(hitPolicy) => onChange({ ...value, hitPolicy })}
        />
      </div>
      <div className="table-scroll">
        <table className="grid-table decision-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              {value.inputs.map((input, c) => (
                <th scope="col" key={c}>
                  <InputSelect
                    label={`Column ${c + 1} input`}
                    value={input}
                    invalid={problems.has(`${field}.inputs[${c}]`)}
                    onChange={(next) =>
                      onChange({ ...value, inputs: value.inputs.map((x, i) => (i === c ? next : x)) })
                    }
                  />
                  {value.inputs.length > 1 && (
                    <Button
                      variant="ghost"
                      className="btn-icon"
                      aria-label={`Remove column ${c + 1}`}
                      title="Remove this column"
                      onClick={() => removeColumn(c)}
                    >
                      ×
                    </Button>
                  )}
                </th>
              ))}
              <th scope="col">Output</th>
              <th scope="col">
                <Button variant="ghost" className="btn-small" onClick={addColumn}>
                  + Column
                </Button>
              </th>
            </tr>
          </thead>
          <tbody>
            {value.rules.map((rule, r) => {
              const at = `${field}.rules[${r}]`;
              return (
                <tr key={r} className={problems.has(at, true) ? 'row-invalid' : ''}>
                  <th scope="row">{r + 1}</th>
                  {value.inputs.map((input, c) => {
                    const type = optionOf(options, input)?.type ?? 'string';
                    return (
                      <td key={c}>
                        <CellEditor
                          cell={rule.when[c] ?? null}
                          type={type}
                          label={`Row ${r + 1}, ${input}`}
                          onChange={(cell) =>
                            setRule(
                              r,
                              {
                                ...rule,
                                when: value.inputs.map((_, i) => (i === c ? cell : (rule.when[i] ?? null))),
                              },
                              `${at}.when[${c}]`,
                            )
                          }
                        />
                      </td>
                    );
                  })}
                  <td>
                    <NumberInput
                      label={`Row ${r + 1} output`}
                      value={rule.output}
                      onChange={(output) =>
                        output !== undefined && setRule(r, { ...rule, output }, `${at}.output`)
                      }
                    />
                  </td>
                  <td>
                    <Button
                      variant="ghost"
                      className="btn-icon"
                      aria-label={`Remove row ${r + 1}`}
                      title="Remove this row"
                      onClick={() => setRule(r, undefined)}
                    >
                      ×
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <FieldMessages messages={problems.messages(`${field}.rules`, true)} />
      <div className="add-row">
        <Button
          className="btn-small"
          onClick={() =>
            onChange({ ...value, rules: [...value.rules, { when: value.inputs.map(() => null), output: 0 }] })
          }
        >
          + Add row
        </Button>
        <CaptionedNumber
          caption="Otherwise"
          label="Output when no row matches"
          optional
          placeholder="not set"
          value={value.defaultOutput}
          onChange={(defaultOutput) => onChange({ ...value, defaultOutput }, `${field}.defaultOutput`)}
        />
      </div>
    </div>
  );
}

function CellEditor({
  cell,
  type,
  label,
  onChange,
}: {
  cell: Cell;
  type: 'number' | 'string' | 'boolean' | 'date' | 'list';
  label: string;
  onChange(cell: Cell): void;
}) {
  const ops = operatorsFor(type);
  return (
    <div className="cell-editor">
      <Select
        label={`${label} comparison`}
        value={cell?.operator ?? 'any'}
        options={[{ value: 'any', label: 'any' }, ...ops.map((o) => ({ value: o.operator, label: o.words }))]}
        onChange={(op) =>
          onChange(
            op === 'any'
              ? null
              : {
                  operator: op,
                  value: LIST_OPERATORS.has(op) ? [] : (cell?.value ?? (type === 'number' ? 0 : '')),
                },
          )
        }
      />
      {cell && !LIST_OPERATORS.has(cell.operator) && type === 'number' && (
        <NumberInput
          label={`${label} value`}
          value={typeof cell.value === 'number' ? cell.value : undefined}
          onChange={(v) => onChange({ ...cell, value: v ?? 0 })}
        />
      )}
      {cell && !LIST_OPERATORS.has(cell.operator) && type === 'boolean' && (
        <Select
          label={`${label} value`}
          value={cell.value === false ? 'false' : 'true'}
          options={[
            { value: 'true', label: 'yes' },
            { value: 'false', label: 'no' },
          ]}
          onChange={(v) => onChange({ ...cell, value: v === 'true' })}
        />
      )}
      {cell && (LIST_OPERATORS.has(cell.operator) || (type !== 'number' && type !== 'boolean')) && (
        <TextInput
          label={`${label} value`}
          value={Array.isArray(cell.value) ? cell.value.join(', ') : String(cell.value ?? '')}
          placeholder={LIST_OPERATORS.has(cell.operator) ? 'a, b, c' : 'value'}
          onChange={(text) =>
            onChange({
              ...cell,
              value: LIST_OPERATORS.has(cell.operator)
                ? text
                    .split(',')
                    .map((s) => s.trim())
                    .filter(Boolean)
                    .map((s) => (type === 'number' && Number.isFinite(Number(s)) ? Number(s) : s))
                : text,
            })
          }
        />
      )}
    </div>
  );
}
