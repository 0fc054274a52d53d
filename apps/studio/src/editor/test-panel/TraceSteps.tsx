import { useDeferredValue, useMemo, useState } from 'react';
import type { DecisionTrace } from '@arbiter/engine';
import { TextInput } from '../../shared/ui';
import { useEditorContext } from '../editor-context';
import { searchTrace, traceInWords, type DroppedAction, type TraceStep } from './trace-words';

/**
 * "Why": the customer's path step by step, each step's drops grouped by the reason they share with
 * counts (the names and their own reasons behind a fold, each name following its action on demand),
 * searchable by step, reason or action name.
 */
export function TraceSteps({
  trace,
  focusAction,
  onSelectNode,
  onFollow,
}: {
  trace: DecisionTrace;
  focusAction?: string;
  onSelectNode(nodeId: string): void;
  /** Tells the full story of one dropped action (picked by name). */
  onFollow?(actionId: string): void;
}) {
  const { doc, env } = useEditorContext();
  // The steps' names follow the edits after they are drawn (dragging a step changes the document).
  const names = useDeferredValue(doc);
  const steps = useMemo(() => traceInWords(trace, names, env.actions), [trace, names, env.actions]);
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
            onFollow={onFollow}
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
  onFollow,
}: {
  step: TraceStep;
  searching: boolean;
  focusAction?: string;
  onSelectNode(nodeId: string): void;
  onFollow?(actionId: string): void;
}) {
  const focused = focusAction !== undefined && step.dropped.some((d) => d.actionId === focusAction);
  // Listed drops whose reason is not among those counted (a large step's rarest reasons).
  const inGroups = new Set(step.groups.flatMap((g) => g.listed.map((d) => d.actionId)));
  const loose = step.dropped.filter((d) => !inGroups.has(d.actionId));
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
                {g.count.toLocaleString('en-US')}
              </span>
              left: {g.reason}
              {g.listed.length > 0 && (
                <details open={searching || g.listed.some((d) => d.actionId === focusAction)}>
                  <summary className="small">
                    {g.listed.length < g.count
                      ? `the first ${g.listed.length} by name`
                      : g.listed.length === 1
                        ? 'which one'
                        : `which ${g.listed.length}`}
                  </summary>
                  <DroppedList
                    drops={g.listed}
                    shared={g.reason}
                    focusAction={focusAction}
                    onFollow={onFollow}
                  />
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      {loose.length > 0 && (
        <details open={searching}>
          <summary className="small">
            {step.groups.length ? `${loose.length} more by name` : `the first ${loose.length} by name`}, with
            their reasons
          </summary>
          <DroppedList drops={loose} focusAction={focusAction} onFollow={onFollow} />
        </details>
      )}
    </li>
  );
}

/** Dropped actions by name, each with its own reason where it says more than the group's. */
function DroppedList({
  drops,
  shared,
  focusAction,
  onFollow,
}: {
  drops: DroppedAction[];
  shared?: string;
  focusAction?: string;
  onFollow?(actionId: string): void;
}) {
  return (
    <ul className="dropped-list">
      {drops.map((d) => (
        <li key={d.actionId} className={d.actionId === focusAction ? 'dropped-focus' : ''}>
          {onFollow ? (
            <button
              type="button"
              className="link-button"
              onClick={() => onFollow(d.actionId)}
              title="Follow this action through the strategy"
            >
              <strong>{d.name}</strong>
            </button>
          ) : (
            <strong>{d.name}</strong>
          )}
          {d.reason !== shared && <span className="muted small"> — {d.reason}</span>}
        </li>
      ))}
    </ul>
  );
}
