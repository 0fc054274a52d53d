import type { ModelSpec } from '@arbiter/engine';
import { useState } from 'react';
import { Select } from '../../shared/ui';
import { useEditorContext } from '../editor-context';
import { FieldMessages } from '../field-messages';
import type { ProblemLookup } from '../problems';
import { DecisionTableEditor } from './DecisionTableEditor';
import { ExpressionEditor } from './ExpressionEditor';
import { LogisticEditor } from './LogisticEditor';
import { latestRegistryReference } from './registry-reference';
import { NoRegistryModel, RegistryModelPanel } from './RegistryModelPanel';
import { ScorecardEditor } from './ScorecardEditor';

export interface ModelEditorProps<M> {
  value: M;
  onChange(next: M, coalesceKey?: string): void;
  problems: ProblemLookup;
  /** Setting path of the model, e.g. `config.model` or `config.byGroup.retention`. */
  field: string;
}

/** The kinds a designer picks here; a tree ensemble only comes trained, through the registry. */
type ChosenModelType = Extract<
  ModelSpec['type'],
  'logistic' | 'scorecard' | 'decisionTable' | 'expression' | 'registry'
>;

const MODEL_TYPES: { value: ChosenModelType; label: string }[] = [
  { value: 'logistic', label: 'Logistic regression (coefficients)' },
  { value: 'scorecard', label: 'Scorecard (points per bin)' },
  { value: 'decisionTable', label: 'Decision table' },
  { value: 'expression', label: 'Formula' },
  { value: 'registry', label: 'Trained model from the registry' },
];

export function newModel(type: ChosenModelType, registry?: Readonly<Record<string, ModelSpec>>): ModelSpec {
  switch (type) {
    case 'logistic':
      return { type, intercept: 0, terms: [] };
    case 'scorecard':
      return { type, baseScore: 0, characteristics: [] };
    case 'decisionTable':
      return { type, hitPolicy: 'first', inputs: ['customer.age'], rules: [] };
    case 'expression':
      return { type, expression: '0.5' };
    case 'registry':
      return latestRegistryReference(registry);
  }
}

/** Picks the kind of model and shows its editor. */
export function ModelEditor({ value, onChange, problems, field }: ModelEditorProps<ModelSpec>) {
  const { env } = useEditorContext();
  // Set when "trained model" was picked but there is none to reference: the model stays as it was.
  const [noRegistryModel, setNoRegistryModel] = useState(false);
  // A document may hold a kind not offered here (a tree ensemble pasted inline): it shows as it is.
  const pickType = (type: string) => {
    const chosen = MODEL_TYPES.find((t) => t.value === type);
    if (!chosen || chosen.value === value.type) return;
    const next = newModel(chosen.value, env.models);
    setNoRegistryModel(next.type === 'registry' && !next.modelId);
    if (next.type !== 'registry' || next.modelId) onChange(next);
  };
  return (
    <div className="model-editor">
      <div className="field">
        <label className="field-label">Model type</label>
        <Select<string>
          label="Model type"
          value={value.type}
          options={MODEL_TYPES}
          onChange={(type) => pickType(type)}
        />
        {noRegistryModel && value.type !== 'registry' && <NoRegistryModel local={env.models === undefined} />}
      </div>
      {value.type === 'logistic' && (
        <LogisticEditor value={value} onChange={onChange} problems={problems} field={field} />
      )}
      {value.type === 'scorecard' && (
        <ScorecardEditor value={value} onChange={onChange} problems={problems} field={field} />
      )}
      {value.type === 'decisionTable' && (
        <DecisionTableEditor value={value} onChange={onChange} problems={problems} field={field} />
      )}
      {value.type === 'expression' && (
        <ExpressionEditor value={value} onChange={onChange} problems={problems} field={field} />
      )}
      {value.type === 'registry' && (
        <RegistryModelPanel value={value} onChange={onChange} problems={problems} field={field} />
      )}
      <FieldMessages messages={problems.messages(field)} alert />
    </div>
  );
}
