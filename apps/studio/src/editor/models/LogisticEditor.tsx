import type { ModelSpec } from '@arbiter/engine';
import { useState } from 'react';
import { Button, NumberInput, Select } from '../../shared/ui';
import { FieldMessages } from '../field-messages';
import { replaceAt } from '../list-edits';
import { optionOf } from '../fields/field-catalog';
import { firstNumberInput, InputSelect, useInputOptions } from './InputSelect';
import type { ModelEditorProps } from './ModelEditor';

type Logistic = Extract<ModelSpec, { type: 'logistic' }>;
type Term = Logistic['terms'][number];

/** Coefficients table: one row per input, a weight for numbers or one per category. */
export function LogisticEditor({ value, onChange, problems, field }: ModelEditorProps<Logistic>) {
  const options = useInputOptions();
  const setTerm = (i: number, term: Term | undefined, key?: string) =>
    onChange({ ...value, terms: replaceAt(value.terms, i, term) }, key);
  return (
    <div className="logistic-editor">
      <p className="muted small">
        Chance of acceptance = 1 / (1 + e^−(intercept + Σ weight × input)). Positive weights raise it.
      </p>
      <div className="field field-inline">
        <label className="field-label">Intercept</label>
        <NumberInput
          label="Intercept"
          value={value.intercept}
          min={-1000}
          max={1000}
          onChange={(v) => v !== undefined && onChange({ ...value, intercept: v }, `${field}.intercept`)}
        />
      </div>
      <ul className="term-list" aria-label="Coefficients">
        {value.terms.map((term, i) => {
          const at = `${field}.terms[${i}]`;
          const option = optionOf(options, term.input);
          const categorical = 'categories' in term;
          const name = option?.label ?? term.input;
          return (
            <li key={i} className={`term-card ${problems.has(at, true) ? 'row-invalid' : ''}`}>
              <div className="term-head">
                <InputSelect
                  label={`Input of row ${i + 1}`}
                  value={term.input}
                  invalid={problems.has(`${at}.input`)}
                  onChange={(input) => {
                    const next = optionOf(options, input);
                    const wantsCategories = next !== undefined && next.type !== 'number';
                    setTerm(
                      i,
                      wantsCategories
                        ? {
                            input,
                            categories: Object.fromEntries(
                              (next.allowedValues ?? []).map((v) => [String(v), 0]),
                            ),
                          }
                        : { input, weight: 0 },
                    );
                  }}
                />
                <Button
                  variant="ghost"
                  className="btn-icon"
                  aria-label={`Remove ${name}`}
                  title="Remove this input"
                  onClick={() => setTerm(i, undefined)}
                >
                  ×
                </Button>
              </div>
              <FieldMessages messages={problems.messages(`${at}.input`)} />
              {categorical ? (
                <CategoryWeights
                  categories={term.categories}
                  suggestions={(option?.allowedValues ?? []).map(String)}
                  onChange={(categories) => setTerm(i, { ...term, categories }, `${at}.categories`)}
                  label={name}
                />
              ) : (
                <span className="term-field">
                  <span className="small">weight</span>
                  <NumberInput
                    label={`Weight of ${name}`}
                    value={term.weight}
                    min={-1000}
                    max={1000}
                    onChange={(v) => v !== undefined && setTerm(i, { ...term, weight: v }, `${at}.weight`)}
                  />
                </span>
              )}
              <span className="term-field">
                <span className="small">if missing</span>
                <NumberInput
                  label={`Value if ${name} is missing`}
                  optional
                  placeholder={categorical ? '0' : 'skip'}
                  value={term.ifMissing}
                  onChange={(v) => setTerm(i, { ...term, ifMissing: v }, `${at}.ifMissing`)}
                />
              </span>
            </li>
          );
        })}
      </ul>
      <Button
        className="btn-small"
        onClick={() =>
          onChange({
            ...value,
            terms: [...value.terms, { input: firstNumberInput(options), weight: 0 }],
          })
        }
      >
        + Add input
      </Button>
    </div>
  );
}

function CategoryWeights({
  categories,
  onChange,
  suggestions,
  label,
}: {
  categories: Record<string, number>;
  onChange(c: Record<string, number>): void;
  suggestions: string[];
  label: string;
}) {
  const entries = Object.entries(categories);
  const missing = suggestions.filter((s) => !(s in categories));
  return (
    <div className="category-weights">
      {entries.map(([name, w]) => (
        <div key={name} className="category-row">
          <span className="category-name">{name}</span>
          <NumberInput
            label={`Weight of ${label} = ${name}`}
            value={w}
            min={-1000}
            max={1000}
            onChange={(v) => v !== undefined && onChange({ ...categories, [name]: v })}
          />
          <Button
            variant="ghost"
            className="btn-icon"
            aria-label={`Remove category ${name}`}
            onClick={() => onChange(Object.fromEntries(entries.filter(([n]) => n !== name)))}
          >
            ×
          </Button>
        </div>
      ))}
      <AddCategory
        suggestions={missing}
        onAdd={(name) => onChange({ ...categories, [name]: 0 })}
        label={label}
      />
    </div>
  );
}

function AddCategory({
  suggestions,
  onAdd,
  label,
}: {
  suggestions: string[];
  onAdd(name: string): void;
  label: string;
}) {
  const [draft, setDraft] = useState('');
  if (suggestions.length) {
    return (
      <Select
        label={`Add a category of ${label}`}
        value=""
        options={[{ value: '', label: '+ category…' }, ...suggestions.map((s) => ({ value: s, label: s }))]}
        onChange={(v) => v && onAdd(v)}
      />
    );
  }
  return (
    <input
      aria-label={`Add a category of ${label}`}
      value={draft}
      placeholder="+ category, then Enter"
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && draft.trim()) {
          e.preventDefault();
          onAdd(draft.trim());
          setDraft('');
        }
      }}
    />
  );
}
