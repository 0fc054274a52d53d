import type { FieldDefinition, StrategyDocument } from '@arbiter/engine';
import { toActionDefinition } from '@arbiter/engine/catalog';
import { ApiError, request } from '../api/client';
import { allNodes } from '../api/connection';
import {
  CloneVersionMutation,
  CreateStrategyMutation,
  ImportJsonRulesEngineRulesMutation,
  SaveDraftMutation,
  StrategiesQuery,
  StrategyQuery,
  VersionQuery,
} from '../api/operations';
import { graphqlCatalogApi } from '../catalog/catalog-api';
import type { EditorEnvironment } from '../editor/editor-context';
import { loadRegistrySpecs } from '../models/models-api';
import { graphqlSchemaApi, type SchemaField } from '../schema/schema-api';
import {
  asDocument,
  type OpenedVersion,
  type RulesImportResult,
  type StrategySource,
  type StrategySummary,
} from './strategy-source';

/** Strategies from the Arbiter API (GraphQL). */
export class ApiStrategySource implements StrategySource {
  readonly mode = 'api';
  private env?: Promise<EditorEnvironment>;

  async list(): Promise<StrategySummary[]> {
    const nodes = await allNodes(async (after) => (await request(StrategiesQuery, { after })).strategies);
    return nodes.map((node): StrategySummary => {
      const latest = node.versions[0];
      const inReview = node.versions.find((v) => v.status === 'IN_REVIEW');
      return {
        id: node.id,
        name: node.name,
        description: node.description ?? undefined,
        updatedAt: node.updatedAt,
        createdBy: node.createdBy,
        latest: latest ? { id: latest.id, number: latest.number, status: latest.status } : undefined,
        inReview: inReview ? { id: inReview.id, number: inReview.number } : undefined,
        publishedNumber: node.publishedVersion?.number,
        statuses: node.versions.map((v) => v.status),
      };
    });
  }

  async create(name: string, document?: StrategyDocument): Promise<string> {
    const data = await request(
      CreateStrategyMutation,
      { input: { name, document: document ? { ...document, name } : undefined } },
      'mutation',
    );
    return data.createStrategy.id;
  }

  async importRules(name: string, rules: unknown): Promise<RulesImportResult> {
    const {
      importJsonRulesEngineRules: { strategy, ...result },
    } = await request(ImportJsonRulesEngineRulesMutation, { name, rules }, 'mutation');
    return { ...result, strategyId: strategy.id };
  }

  async open(strategyId: string): Promise<OpenedVersion> {
    const data = await request(StrategyQuery, { id: strategyId });
    const versions = data.strategy.versions;
    const draft = versions.find((v) => v.status === 'DRAFT') ?? versions[0];
    if (!draft) throw new ApiError('This strategy has no version yet.', 'NOT_FOUND');
    return this.reload(draft.id, data.strategy.name);
  }

  async reload(versionId: string, strategyName?: string): Promise<OpenedVersion> {
    const { version } = await request(VersionQuery, { id: versionId });
    const name = strategyName ?? (await request(StrategyQuery, { id: version.strategyId })).strategy.name;
    return {
      strategyId: version.strategyId,
      strategyName: name,
      versionId: version.id,
      number: version.number,
      status: version.status,
      revision: version.revision,
      document: asDocument(version.document, name),
    };
  }

  async save(versionId: string, document: StrategyDocument, expectedRevision: number): Promise<number> {
    const data = await request(
      SaveDraftMutation,
      { input: { versionId, document, expectedRevision } },
      'mutation',
    );
    return data.saveDraft.version.revision;
  }

  async newDraftFrom(versionId: string): Promise<OpenedVersion> {
    const data = await request(CloneVersionMutation, { versionId }, 'mutation');
    return this.reload(data.cloneVersion.id);
  }

  async environment(): Promise<EditorEnvironment> {
    this.env ??= loadEnvironment().catch((err: unknown) => {
      this.env = undefined;
      throw err;
    });
    // Asked at every opening: a model trained since the last one must be there to check and test with.
    const [env, models] = await Promise.all([this.env, loadRegistrySpecs()]);
    return { ...env, models };
  }
}

async function loadEnvironment(): Promise<EditorEnvironment> {
  const [declared, catalog] = await Promise.all([graphqlSchemaApi.load(), graphqlCatalogApi.all()]);
  const actions = catalog.map(toActionDefinition);
  const field = (f: SchemaField): FieldDefinition => ({
    name: f.name,
    type: f.type,
    label: f.label ?? undefined,
    description: f.description ?? undefined,
    personal: f.personal,
    allowedValues: Array.isArray(f.allowedValues)
      ? f.allowedValues.filter((v): v is string | number | boolean =>
          ['string', 'number', 'boolean'].includes(typeof v),
        )
      : undefined,
  });
  return {
    actions,
    schema: { customer: declared.customer.map(field), context: declared.context.map(field) },
  };
}
