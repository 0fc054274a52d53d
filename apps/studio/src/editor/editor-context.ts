import { createContext, useContext } from 'react';
import type {
  ActionDefinition,
  DataSchema,
  DecisionInput,
  Labels,
  ModelSpec,
  StrategyDocument,
  StrategyEnvironment,
} from '@arbiter/engine';

/** The catalog and schema a strategy is written against (from the API, or an example). */
export interface EditorEnvironment extends StrategyEnvironment {
  actions: ActionDefinition[];
  schema: DataSchema;
  models?: Record<string, ModelSpec>;
}

export interface EditorContextValue {
  doc: StrategyDocument;
  env: EditorEnvironment;
  labels: Labels;
  /** The customer chosen in the test panel, for live previews in the panels. */
  sample?: { name: string; input: DecisionInput };
}

export const EditorContext = createContext<EditorContextValue | undefined>(undefined);

export function useEditorContext(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error('useEditorContext outside the editor');
  return value;
}
