import { createContext, useContext } from 'react';
import type { SimulationDetail } from './simulations-api';

/**
 * Names for the ids simulation results carry (actions by catalog id, steps by node id): screens and
 * exports show what people named them. The API answers them with the simulation (`names`).
 */
export interface ResultNames {
  /** The action's catalog name (its id when unknown); "nothing" for no action. */
  action(id: string | null | undefined): string;
  /** The step's label (its id when it has none). */
  step(id: string): string;
}

export function resultNames(names?: SimulationDetail['names'] | null): ResultNames {
  const actions = new Map((names?.actions ?? []).map((a) => [a.id, a.name]));
  const steps = new Map((names?.steps ?? []).map((s) => [s.id, s.name]));
  return {
    action: (id) => (id === null || id === undefined ? 'nothing' : (actions.get(id) ?? id)),
    step: (id) => steps.get(id) ?? id,
  };
}

/** Ids as they are: for results shown without names (tests, older callers). */
export const IDS_ONLY = resultNames();

export const ResultNamesContext = createContext<ResultNames>(IDS_ONLY);

export const useResultNames = () => useContext(ResultNamesContext);
