import { Inject, Injectable } from '@nestjs/common';
import {
  registryKey,
  validateStrategy,
  type CompileOptions,
  type ProblemCode,
  type StrategyEnvironment,
  type ValidationProblem,
} from '@arbiter/engine';
import type { EntityManager } from 'typeorm';
import { ActionsService } from '../actions/actions.service';
import type { ErrorDetail } from '../common/errors';
import { CustomerSchemaService } from '../customer-schema/customer-schema.service';
import { ModelsService } from '../models/models.service';
import {
  environmentOf,
  pinEnvironment,
  versionHash,
  withRegistry,
  type LiveEnvironment,
  type PinnedModel,
} from './pinned-environment';
import { LearnedModelSpecs } from './lifecycle-ports';
import { registryReferences } from './registry-references';
import type { StrategyVersion } from './strategy-version.entity';
import { VersionStatus } from './version-status';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/** What strategy documents are validated and compiled against: the action catalog and the declared fields. */
@Injectable()
export class StrategyEnvironmentService {
  constructor(
    private readonly actions: ActionsService,
    private readonly schema: CustomerSchemaService,
    private readonly models: ModelsService,
    private readonly adaptive: LearnedModelSpecs,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** How to compile a version: its tolerated checks, as generated code unless ARBITER_ENGINE_CODEGEN=0. */
  compileOptions(version: Pick<StrategyVersion, 'status'>): CompileOptions {
    return { ...compileOptionsFor(version), codegen: this.config.engine.codegen };
  }

  /**
   * Pass the transaction's manager when called inside one, and the document when its registry
   * models are needed (validating, pinning or compiling it).
   */
  async load(em?: EntityManager, document?: unknown): Promise<LiveEnvironment> {
    // One after the other: inside a transaction both run on its one connection.
    const actions = await this.actions.definitions(em);
    const schema = await this.schema.dataSchema(em);
    // A scope without any declared field is not checked: nothing has been declared yet.
    const registry = document === undefined ? {} : await this.registryFor(document);
    return {
      actions,
      schema: {
        ...(schema.customer?.length && { customer: schema.customer }),
        ...(schema.context?.length && { context: schema.context }),
      },
      ...(Object.keys(registry).length && withRegistry(registry)),
    };
  }

  /** The model versions a document's registry references name (the latest where none is given); unknown ones are left out for validation to report. */
  private async registryFor(document: unknown): Promise<Record<string, PinnedModel>> {
    const registry: Record<string, PinnedModel> = {};
    for (const ref of registryReferences(document)) {
      const found = await this.models.versionFor(ref.modelId, ref.version);
      if (found)
        registry[registryKey(ref)] = {
          modelId: found.modelId,
          name: found.name,
          version: found.version,
          contentHash: found.contentHash,
          auc: found.auc ?? null,
          spec: found.spec as PinnedModel['spec'],
        };
    }
    return registry;
  }

  async validate(document: unknown, em?: EntityManager): Promise<ValidationProblem[]> {
    return validateStrategy(document, await this.load(em, document)).problems;
  }

  /** A draft's content as it would be stored now: the document, its copy of what it reads, and their hash. */
  async pinned(
    document: unknown,
    em?: EntityManager,
  ): Promise<Pick<StrategyVersion, 'document' | 'environment' | 'contentHash'>> {
    return pinnedContent(document, await this.load(em, document));
  }

  /** What a version decides with: its own copy once submitted; the live catalog and schema for drafts (and versions from before copies). */
  async forVersion(
    version: Pick<StrategyVersion, 'status' | 'environment' | 'document'>,
    em?: EntityManager,
  ): Promise<StrategyEnvironment> {
    const { registry: _names, ...env } =
      version.status !== VersionStatus.DRAFT && version.environment
        ? environmentOf(version.environment)
        : await this.load(em, version.document);
    return env;
  }

  /** As forVersion, with adaptive models at their serving snapshot's parameters: what a decision scores with now (the test panel). */
  async forTest(
    version: Pick<StrategyVersion, 'status' | 'environment' | 'document'>,
  ): Promise<StrategyEnvironment> {
    const env = await this.forVersion(version);
    const registry =
      version.status !== VersionStatus.DRAFT && version.environment
        ? version.environment.models
        : (await this.load(undefined, version.document)).registry;
    const learned = await this.adaptive.specs(registry);
    return Object.keys(learned).length ? { ...env, models: { ...env.models, ...learned } } : env;
  }
}

export function pinnedContent(
  document: unknown,
  live: LiveEnvironment,
): Pick<StrategyVersion, 'document' | 'environment' | 'contentHash'> {
  const environment = pinEnvironment(document, live);
  return { document, environment, contentHash: versionHash(document, environment) };
}

/**
 * Checks the engine gained after versions were approved (the field type checks): a submitted
 * version is not refused for them, so it keeps deciding exactly as it was approved. Drafts get them.
 */
const CHECKS_AFTER_APPROVAL: readonly ProblemCode[] = ['type_mismatch', 'unknown_value'];

export function compileOptionsFor(version: Pick<StrategyVersion, 'status'>): CompileOptions {
  return version.status === VersionStatus.DRAFT ? {} : { tolerate: CHECKS_AFTER_APPROVAL };
}

/** A version's problems as its state judges them: for a submitted version those later checks are warnings. */
export function versionProblems(
  version: Pick<StrategyVersion, 'status'>,
  problems: readonly ValidationProblem[],
): ValidationProblem[] {
  const tolerated = compileOptionsFor(version).tolerate ?? [];
  return problems.map((p) =>
    p.severity === 'error' && tolerated.includes(p.code) ? { ...p, severity: 'warning' as const } : p,
  );
}

/** Engine problems as VALIDATION_FAILED details: field inside the node, node id, message. */
export function problemDetails(problems: readonly ValidationProblem[]): ErrorDetail[] {
  return problems
    .filter((p) => p.severity === 'error')
    .map((p) => ({
      field: p.field ?? (p.edgeId ? `edges.${p.edgeId}` : 'document'),
      message: p.message,
      code: p.code,
      ...(p.nodeId !== undefined && { nodeId: p.nodeId }),
    }));
}
