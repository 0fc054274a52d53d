import { useCallback } from 'react';
import type { DecisionResult } from '@arbiter/engine';
import { Button } from '../../shared/ui';
import { useEditorContext } from '../editor-context';
import { NameSearch } from '../step-search/NameSearch';
import { actionStory } from './trace-words';

/** The recommendations, and the full story of one action followed through the strategy. */
export function TestResults({
  result,
  focusAction,
  followedAction,
  onFocusAction,
  onSelectNode,
}: {
  result: DecisionResult;
  focusAction?: string;
  /** The action this result's trace follows (its story is complete only then). */
  followedAction?: string;
  onFocusAction(id: string | undefined): void;
  onSelectNode(nodeId: string): void;
}) {
  const { doc, env } = useEditorContext();
  const findAction = useCallback(
    (text: string) => {
      const words = text.toLowerCase().split(/\s+/).filter(Boolean);
      if (!words.length) return [];
      return env.actions
        .filter((a) => words.every((w) => `${a.name} ${a.id}`.toLowerCase().includes(w)))
        .slice(0, 8)
        .map((a) => ({ id: a.id, title: a.name, detail: a.group }));
    },
    [env.actions],
  );
  const followed = focusAction ? env.actions.find((a) => a.id === focusAction) : undefined;
  const story =
    focusAction && focusAction === followedAction && result.trace
      ? actionStory(result.trace, doc, focusAction)
      : [];
  return (
    <section className="panel-section" aria-label="Recommended actions">
      <h3>Recommended</h3>
      {result.recommendations.length === 0 ? (
        <p className="callout">
          Nothing is recommended for this customer. See below where the actions dropped out.
        </p>
      ) : (
        <ol className="recommendations">
          {result.recommendations.map((r) => (
            <li key={r.actionId}>
              <span className="rank-pos">{r.rank}</span>
              <span className="rec-name">
                <strong>{r.name}</strong>
                <span className="muted small">{[r.group, r.channel].filter(Boolean).join(' · ')}</span>
              </span>
              <span className="rec-numbers small">
                {r.propensity !== undefined && <>propensity {r.propensity.toFixed(2)} · </>}
                {r.priority !== undefined && <>priority {r.priority.toFixed(2)}</>}
              </span>
            </li>
          ))}
        </ol>
      )}
      {result.trace && (
        <div className="field">
          <label className="field-label" htmlFor="follow-action">
            Follow one action through the strategy
          </label>
          <NameSearch
            id="follow-action"
            label="Follow one action through the strategy"
            placeholder="Name of an action…"
            find={findAction}
            onPick={onFocusAction}
          />
        </div>
      )}
      {followed && (
        <div className="callout" role="status" aria-label={`The story of ${followed.name}`}>
          <strong>{followed.name}</strong>
          {story.length === 0 ? (
            <p className="small">Following it…</p>
          ) : (
            <ol className="action-story">
              {story.map((s) => (
                <li key={s.nodeId} className={s.dropped ? 'story-dropped' : ''}>
                  <button type="button" className="link-button" onClick={() => onSelectNode(s.nodeId)}>
                    {s.title}
                  </button>
                  : {s.text}
                </li>
              ))}
            </ol>
          )}
          <Button variant="ghost" onClick={() => onFocusAction(undefined)}>
            Stop following
          </Button>
        </div>
      )}
    </section>
  );
}
