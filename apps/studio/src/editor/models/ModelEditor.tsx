import type { ModelSpec } from '@arbiter/engine';
import { Select } from '../../shared/ui';
import { useEditorContext } from '../editor-context';
import type { ProblemLookup } from '../problems';
import { DecisionTableEditor } from './DecisionTableEditor';
import { ExpressionEditor } from './ExpressionEditor';
import { LogisticEditor } from './LogisticEditor';
import { ScorecardEditor } from './ScorecardEditor';

export interface ModelEditorProps<M> {
  value: M;
  onChange(next: M, coalesceKey?: string): void;
  problems: ProblemLookup;
  /** Setting path of the model, e.g. `config.model` or `config.byGroup.retention`. */
  field: string;
}

const MODEL_TYPES: { value: ModelSpec['type']; label: string }[] = [
  { value: 'logistic', label: 'Logistic regression (coefficients)' },
  { value: 'scorecard', label: 'Scorecard (points per bin)' },
  { value: 'decisionTable', label: 'Decision table' },
  { value: 'expression', label: 'Formula' },
  { value: 'registry', label: 'Trained model from the registry' },
];

export function newModel(type: ModelSpec['type'], registryIds: string[] = []): ModelSpec {
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
      return { type, modelId: registryIds[0] ?? '' };
  }
}

/** Picks the kind of model and shows its editor. */
export function ModelEditor({ value, onChange, problems, field }: ModelEditorProps<ModelSpec>) {
  const { env } = useEditorContext();
  const registryIds = Object.keys(env.models ?? {});
  return (
    <div className="model-editor">
      <div className="field">
        <label className="field-label">Model type</label>
        <Select label="Model type" value={value.type} options={MODEL_TYPES} onChange={(type) => type !== value.type && onChange(newModel(type, registryIds))} />
      </div>
      {value.type === 'logistic' && <LogisticEditor value={value} onChange={onChange} problems={problems} field={field} />}
      {value.type === 'scorecard' && <ScorecardEditor value={value} onChange={onChange} problems={problems} field={field} />}
      {value.type === 'decisionTable' && <DecisionTableEditor value={value} onChange={onChange} problems={problems} field={field} />}
      {value.type === 'expression' && <ExpressionEditor value={value} onChange={onChange} problems={problems} field={field} />}
      {value.type === 'registry' && (
        <div className="field">
          <label className="field-label">Model</label>
          {registryIds.length ? (
            <Select label="Registry model" value={value.modelId} options={registryIds.map((id) => ({ value: id, label: id }))} onChange={(modelId) => onChange({ ...value, modelId })} invalid={problems.has(`${field}.modelId`)} />
          ) : (
            <p className="muted small">No trained models yet. Analysts train them from recorded outcomes.</p>
          )}
          {problems.messages(`${field}.modelId`).map((m) => (
            <div key={m} className="field-error" role="alert">
              {m}
            </div>
          ))}
        </div>
      )}
      {problems.messages(field).map((m) => (
        <div key={m} className="field-error" role="alert">
          {m}
        </div>
      ))}
    </div>
  );
}
