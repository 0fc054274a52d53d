import type { StrategyDocument } from '@arbiter/engine';
import type { ImportJsonRulesEngineRulesMutation, VersionStatus } from '../api/generated/graphql';
import type { EditorEnvironment } from '../editor/editor-context';

export type { VersionStatus };

export interface StrategySummary {
  id: string;
  name: string;
  description?: string;
  updatedAt?: string;
  /** The user who created the strategy (API mode). */
  createdBy?: string;
  /** The newest version, and whether a draft is open for editing. */
  latest?: { id: string; number: number; status: VersionStatus };
  /** The version waiting for review, when there is one (it need not be the newest). */
  inReview?: { id: string; number: number };
  publishedNumber?: number;
  /** The status of every version, for "has a version in review" and the like. */
  statuses: VersionStatus[];
}

/** A version opened in the editor. Only drafts can be edited. */
export interface OpenedVersion {
  strategyId: string;
  strategyName: string;
  versionId: string;
  number: number;
  status: VersionStatus;
  revision: number;
  document: StrategyDocument;
}

/**
 * Where strategies live: the Arbiter API, or (for trying the studio without a server) this
 * browser's local storage with the example strategies.
 */
export interface StrategySource {
  readonly mode: 'api' | 'local';
  list(): Promise<StrategySummary[]>;
  /** Creates a strategy with a first draft; returns the strategy id. */
  create(name: string, document?: StrategyDocument): Promise<string>;
  /** The strategy's open draft, or else its newest version (read-only). */
  open(strategyId: string): Promise<OpenedVersion>;
  reload(versionId: string): Promise<OpenedVersion>;
  /** Saves a draft based on `expectedRevision`; throws ApiError with code CONFLICT if someone saved since. */
  save(versionId: string, document: StrategyDocument, expectedRevision: number): Promise<number>;
  /** A new draft from any version of the strategy. */
  newDraftFrom(versionId: string): Promise<OpenedVersion>;
  environment(strategyId: string): Promise<EditorEnvironment>;
  /** A new strategy from a json-rules-engine rules file (API mode only). */
  importRules?(name: string, rules: unknown): Promise<RulesImportResult>;
}

type ImportedRules = ImportJsonRulesEngineRulesMutation['importJsonRulesEngineRules'];

/** What importing a json-rules-engine rules file made, and what it could not carry over. */
export type RulesImportResult = Omit<ImportedRules, 'strategy'> & { strategyId: string };

export function asDocument(value: unknown, name: string): StrategyDocument {
  if (
    value &&
    typeof value === 'object' &&
    Array.isArray((value as StrategyDocument).nodes) &&
    Array.isArray((value as StrategyDocument).edges)
  ) {
    return value as StrategyDocument;
  }
  return { schemaVersion: 1, name, nodes: [], edges: [] };
}
