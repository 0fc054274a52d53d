import type { ModelSpec } from '@arbiter/engine';
import { Button, ChipsInput, NumberInput, TableHead, TextInput, Toggle, unseen } from '../../shared/ui';
import { FieldMessages } from '../field-messages';
import { replaceAt } from '../list-edits';
import { CaptionedNumber } from './CaptionedNumber';
import { optionOf } from '../fields/field-catalog';
import { firstNumberInput, InputSelect, useInputOptions } from './InputSelect';
import type { ModelEditorProps } from './ModelEditor';

type Scorecard = Extract<ModelSpec, { type: 'scorecard' }>;
type Characteristic = Scorecard['characteristics'][number];
type Bin = Characteristic['bins'][number];
type Mapping = NonNullable<Scorecard['mapping']>;

/** Characteristics with bins: a range (from ≤ x < to) or a list of values, each worth some points. */
export function ScorecardEditor({ value, onChange, problems, field }: ModelEditorProps<Scorecard>) {
  const options = useInputOptions();
  const setChar = (i: number, c: Characteristic | undefined, key?: string) =>
    onChange({ ...value, characteristics: replaceAt(value.characteristics, i, c) }, key);
  const setMapping = (patch: Partial<Mapping>) =>
    onChange({ ...value, mapping: { ...value.mapping!, ...patch } }, `${field}.mapping`);
  return (
    <div className="scorecard-editor">
      <div className="field field-inline">
        <label className="field-label">Base points</label>
        <NumberInput
          label="Base points"
          value={value.baseScore}
          onChange={(v) => v !== undefined && onChange({ ...value, baseScore: v }, `${field}.baseScore`)}
        />
      </div>
      {value.characteristics.map((c, i) => {
        const at = `${field}.characteristics[${i}]`;
        const option = optionOf(options, c.input);
        const numeric = option?.type === 'number';
        const setBin = (j: number, bin: Bin | undefined, key?: string) =>
          setChar(i, { ...c, bins: replaceAt(c.bins, j, bin) }, key);
        return (
          <fieldset key={i} className={`characteristic ${problems.has(at, true) ? 'row-invalid' : ''}`}>
            <legend>
              <InputSelect
                label={`Characteristic ${i + 1}`}
                value={c.input}
                invalid={problems.has(`${at}.input`)}
                onChange={(input) => setChar(i, { ...c, input })}
              />
              <Button
                variant="ghost"
                className="btn-small"
                onClick={() => setChar(i, undefined)}
                aria-label={`Remove characteristic ${option?.label ?? c.input}`}
              >
                Remove
              </Button>
            </legend>
            <FieldMessages messages={problems.messages(`${at}.input`)} />
            <table className="grid-table">
              <TableHead
                columns={
                  numeric
                    ? ['Bin', 'From (≥)', 'To (<)', 'Points', unseen('Remove')]
                    : ['Bin', 'Values', 'Points', unseen('Remove')]
                }
              />
              <tbody>
                {c.bins.map((bin, j) => {
                  const name = bin.label ?? `bin ${j + 1}`;
                  const binErrors = problems.messages(`${at}.bins[${j}]`);
                  // The range of a numeric bin: from ≤ x < to, either end open when empty.
                  const bound = (end: 'min' | 'max', word: string, placeholder: string) => (
                    <td>
                      <NumberInput
                        label={`${name} ${word}`}
                        optional
                        placeholder={placeholder}
                        value={bin[end]}
                        onChange={(v) => setBin(j, { ...bin, [end]: v }, `${at}.bins[${j}].${end}`)}
                      />
                    </td>
                  );
                  return (
                    <tr key={j} className={binErrors.length ? 'row-invalid' : ''}>
                      <td>
                        <TextInput
                          label={`Name of ${name}`}
                          value={bin.label ?? ''}
                          placeholder={`bin ${j + 1}`}
                          onChange={(label) =>
                            setBin(j, { ...bin, label: label || undefined }, `${at}.bins[${j}].label`)
                          }
                        />
                        <FieldMessages messages={binErrors} />
                      </td>
                      {numeric ? (
                        <>
                          {bound('min', 'from', '−∞')}
                          {bound('max', 'to', '∞')}
                        </>
                      ) : (
                        <td>
                          <ChipsInput
                            label={`${name} values`}
                            values={(bin.values ?? []).map(String)}
                            suggestions={(option?.allowedValues ?? []).map(String)}
                            onChange={(values) => setBin(j, { ...bin, values })}
                          />
                        </td>
                      )}
                      <td>
                        <NumberInput
                          label={`${name} points`}
                          value={bin.points}
                          onChange={(points) =>
                            points !== undefined && setBin(j, { ...bin, points }, `${at}.bins[${j}].points`)
                          }
                        />
                      </td>
                      <td>
                        <Button
                          variant="ghost"
                          className="btn-icon"
                          aria-label={`Remove ${name}`}
                          onClick={() => setBin(j, undefined)}
                          disabled={c.bins.length === 1}
                          title={
                            c.bins.length === 1
                              ? 'A characteristic needs at least one bin'
                              : 'Remove this bin'
                          }
                        >
                          ×
                        </Button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <div className="add-row">
              <Button
                className="btn-small"
                onClick={() =>
                  setChar(i, {
                    ...c,
                    bins: [
                      ...c.bins,
                      numeric ? { min: lastMax(c.bins), points: 0 } : { values: [], points: 0 },
                    ],
                  })
                }
              >
                + Add bin
              </Button>
              <CaptionedNumber
                caption="Missing"
                label="Points when missing"
                value={c.missingPoints}
                onChange={(v) => v !== undefined && setChar(i, { ...c, missingPoints: v })}
              />
              <CaptionedNumber
                caption="Other"
                label="Points when in no bin"
                value={c.otherPoints}
                onChange={(v) => v !== undefined && setChar(i, { ...c, otherPoints: v })}
              />
            </div>
          </fieldset>
        );
      })}
      <Button
        className="btn-small"
        onClick={() =>
          onChange({
            ...value,
            characteristics: [
              ...value.characteristics,
              {
                input: firstNumberInput(options),
                bins: [{ max: 0, points: 0 }],
                missingPoints: 0,
                otherPoints: 0,
              },
            ],
          })
        }
      >
        + Add characteristic
      </Button>
      <Toggle
        checked={value.mapping !== undefined}
        onChange={(on) =>
          onChange({ ...value, mapping: on ? { type: 'logistic', intercept: -3, slope: 0.05 } : undefined })
        }
        label="Turn the points into a probability"
        hint="(logistic of intercept + slope × points)"
      />
      {value.mapping && (
        <div className="add-row">
          <CaptionedNumber
            caption="Intercept"
            label="Mapping intercept"
            value={value.mapping.intercept}
            onChange={(v) => v !== undefined && setMapping({ intercept: v })}
          />
          <CaptionedNumber
            caption="Slope"
            label="Mapping slope"
            value={value.mapping.slope}
            onChange={(v) => v !== undefined && setMapping({ slope: v })}
          />
        </div>
      )}
    </div>
  );
}

function lastMax(bins: Bin[]): number | undefined {
  return bins.length ? bins[bins.length - 1]!.max : undefined;
}
