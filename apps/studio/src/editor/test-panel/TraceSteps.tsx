import { useMemo, useState } from 'react';
import type { DecisionTrace } from '@arbiter/engine';
import { TextInput } from '../../shared/ui';
import { useEditorContext } from '../editor-context';
import { searchTrace, traceInWords, type TraceStep } from './trace-words';

/**
 * "Why": the customer's path step by step, each step's drops grouped by reason with counts (the
 * names behind a fold), searchable by step, reason or action name.
 */
export function TraceSteps({
  trace,
  focusAction,
  onSelectNode,
}: {
  trace: DecisionTrace;
  focusAction?: string;
  onSelectNode(nodeId: string): void;
}) {
  const { doc, env } = useEditorContext();
  const steps = useMemo(() => traceInWords(trace, doc, env.actions), [trace, doc, env.actions]);
  const [query, setQuery] = useState('');
  const shown = useMemo(() => searchTrace(steps, query), [steps, query]);
  return (
    <section className="panel-section" aria-label="Why: the path through the strategy">
      <h3>Why: step by step</h3>
      <TextInput
        label="Search the steps, reasons and actions"
        placeholder="Search steps, reasons, actions…"
        value={query}
        onChange={setQuery}
        className="trace-search"
      />
      {shown.length === 0 && <p className="muted small">Nothing on the path mentions “{query}”.</p>}
      <ol className="trace-steps">
        {shown.map((step) => (
          <TraceStepItem
            key={step.nodeId}
            step={step}
            searching={query.trim() !== ''}
            focusAction={focusAction}
            onSelectNode={onSelectNode}
          />
        ))}
      </ol>
    </section>
  );
}

function TraceStepItem({
  step,
  searching,
  focusAction,
  onSelectNode,
}: {
  step: TraceStep;
  searching: boolean;
  focusAction?: string;
  onSelectNode(nodeId: string): void;
}) {
  const focused = focusAction !== undefined && step.dropped.some((d) => d.actionId === focusAction);
  const unlisted = step.groups.every((g) => g.listed.length === 0) && step.dropped.length > 0;
  return (
    <li className={focused ? 'trace-focus' : ''}>
      <button
        type="button"
        className="link-button"
        onClick={() => onSelectNode(step.nodeId)}
        title="Show this step on the canvas"
      >
        {step.title}
      </button>
      : {step.text}
      {step.notes.map((n) => (
        <div key={n} className="muted small">
          {n}
        </div>
      ))}
      {step.groups.length > 0 && (
        <ul className="trace-groups" aria-label={`Why actions left “${step.title}”`}>
          {step.groups.map((g) => (
            <li key={g.reason}>
              <span className="trace-group-count">
                {g.estimated ? 'about ' : ''}
                {g.count}
              </span>
              left: {g.reason}
              {g.listed.length > 0 && (
                <details open={searching || g.listed.some((d) => d.actionId === focusAction)}>
                  <summary className="small">
                    {g.listed.length === 1 ? 'which one' : `which ${g.listed.length}`}
                  </summary>
                  <ul className="dropped-list">
                    {g.listed.map((d) => (
                      <li key={d.actionId} className={d.actionId === focusAction ? 'dropped-focus' : ''}>
                        <strong>{d.name}</strong>
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      {unlisted && (
        <details open={searching}>
          <summary className="small">the first {step.dropped.length} by name, with their reasons</summary>
          <ul className="dropped-list">
            {step.dropped.map((d) => (
              <li key={d.actionId} className={d.actionId === focusAction ? 'dropped-focus' : ''}>
                <strong>{d.name}</strong> left: {d.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}
