import { useMemo } from 'react';
import type { ModelSpec } from '@arbiter/engine';
import { checkExpression, FUNCTION_NAMES } from '@arbiter/engine/expressions';
import { useEditorContext } from '../editor-context';
import { referenceOf } from '../fields/field-catalog';
import { useInputOptions } from './InputSelect';
import type { ModelEditorProps } from './ModelEditor';

type Expression = Extract<ModelSpec, { type: 'expression' }>;

/** A formula with checks as you type: syntax errors and unknown names, with where they are. */
export function ExpressionEditor({ value, onChange, problems, field }: ModelEditorProps<Expression>) {
  const { env } = useEditorContext();
  const options = useInputOptions();
  const issues = useMemo(() => {
    const known: Record<string, ReadonlySet<string>> = {};
    if (env.schema.customer) known.customer = new Set(env.schema.customer.map((f) => f.name));
    if (env.schema.context) known.context = new Set(env.schema.context.map((f) => f.name));
    known.action = new Set(options.filter((o) => o.fact === 'action').map((o) => o.name));
    return checkExpression(value.expression, {
      roots: ['customer', 'context', 'action', 'fields'],
      knownFields: known,
    });
  }, [value.expression, env, options]);
  const id = `${field}-expression`;
  const first = issues[0];
  return (
    <div className="expression-editor">
      <label className="field-label" htmlFor={id}>
        Formula
      </label>
      <textarea
        id={id}
        className={`code ${issues.length ? 'invalid' : ''}`}
        spellCheck={false}
        rows={3}
        value={value.expression}
        aria-invalid={issues.length > 0 || undefined}
        aria-describedby={`${id}-status`}
        onChange={(e) => onChange({ ...value, expression: e.target.value }, `${field}.expression`)}
      />
      <div id={`${id}-status`} aria-live="polite">
        {issues.length === 0 ? (
          <div className="ok-text">✓ The formula is valid</div>
        ) : (
          issues.map((issue) => (
            <div key={`${issue.position}:${issue.message}`} className="field-error">
              {issue.message} (at character {issue.position + 1})
            </div>
          ))
        )}
        {first && (
          <pre className="caret-line" aria-hidden="true">
            {value.expression}
            {'\n'}
            {' '.repeat(Math.max(0, first.position))}^
          </pre>
        )}
      </div>
      {problems.messages(`${field}.expression`).length > 0 && issues.length === 0 && (
        <div className="field-error">{problems.messages(`${field}.expression`)[0]}</div>
      )}
      <details className="small">
        <summary>What can I use?</summary>
        <p>
          Numbers, + − × (*) ÷ (/), comparisons and <code>cond ? a : b</code>. Functions:{' '}
          {FUNCTION_NAMES.join(', ')}.
        </p>
        <p>
          Fields:{' '}
          {options.slice(0, 40).map((o) => (
            <button
              key={referenceOf(o)}
              type="button"
              className="chip chip-button"
              onClick={() =>
                onChange({ ...value, expression: `${value.expression} ${referenceOf(o)}`.trim() })
              }
            >
              {o.fact}.{o.name}
            </button>
          ))}
        </p>
      </details>
    </div>
  );
}
