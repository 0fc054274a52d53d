import { createContext } from 'react';
import type { ModelSpec } from '@arbiter/engine';
import { graphqlAdaptiveApi } from '../../models/adaptive-api';
import type { AdaptiveApi } from '../../models/adaptive-model';
import { graphqlModelsApi, type ModelsApi } from '../../models/models-api';

/** What the score step's registry panel asks of the API; component tests provide an in-memory one. */
export type RegistryApi = Pick<ModelsApi, 'list' | 'version'>;

export const RegistryApiContext = createContext<RegistryApi>(graphqlModelsApi);

/** The status of an adaptive model chosen in the registry panel (its exploration share, maturity, evidence). */
export const AdaptiveStatusContext = createContext<Pick<AdaptiveApi, 'status'>>(graphqlAdaptiveApi);

/**
 * The reference a score step gets when the designer switches to "Trained model from the registry":
 * the most recently trained model at its latest version, pinned. `models` is the editor
 * environment's registry (see loadRegistrySpecs: `<id>` first for the latest of each model, most
 * recently trained first, and `<id>@<version>` for every version).
 */
export function latestRegistryReference(models: Readonly<Record<string, ModelSpec>> | undefined): {
  type: 'registry';
  modelId: string;
  version?: number;
} {
  const keys = Object.keys(models ?? {});
  const modelId = keys.find((k) => !k.includes('@')) ?? '';
  const versions = keys
    .filter((k) => k.startsWith(`${modelId}@`))
    .map((k) => Number(k.slice(modelId.length + 1)))
    .filter((v) => Number.isInteger(v));
  return versions.length
    ? { type: 'registry', modelId, version: Math.max(...versions) }
    : { type: 'registry', modelId };
}
