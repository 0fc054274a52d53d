import { useCallback } from 'react';
import type { StrategyDocument } from '@arbiter/engine';
import { findSteps } from './find-steps';
import { NameSearch } from './NameSearch';

/** "Find a step" in the toolbar (Ctrl+F): type part of a name, pick a match, the canvas shows that step. */
export function StepSearch({ doc, onFocusStep }: { doc: StrategyDocument; onFocusStep(id: string): void }) {
  const find = useCallback(
    (text: string) =>
      findSteps(doc, text).map((m) => ({
        id: m.id,
        title: m.title,
        detail: m.title !== m.kind ? m.kind : undefined,
      })),
    [doc],
  );
  return (
    <NameSearch
      id="step-search"
      label="Find a step"
      placeholder="Find a step…"
      find={find}
      onPick={onFocusStep}
      className="step-search"
    />
  );
}
