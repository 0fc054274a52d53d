import { Injectable, type OnModuleInit } from '@nestjs/common';
import { actionsSelected, type FieldDefinition, type StrategyEnvironment } from '@arbiter/engine';
import type { EntityManager } from 'typeorm';
import { CatalogChanges, type CatalogChange, type VersionImpact } from '../catalog-changes/catalog-changes';
import { fieldsRead } from './fields-read';
import { describeActionChange, describeFieldChange, withRegistry } from './pinned-environment';
import { pinnedContent, StrategyEnvironmentService } from './strategy-environment.service';
import type { StrategyVersion } from './strategy-version.entity';
import { VersionStatus } from './version-status';
import { VersionsRepository } from './versions.repository';

/**
 * What a catalog or schema edit does to each strategy version: drafts take it (their copy is
 * refreshed); submitted versions keep their copy; a field change that callers' data would no
 * longer fit breaks a published or approved version that reads the field, and is refused.
 */
@Injectable()
export class CatalogImpactService implements OnModuleInit {
  constructor(
    private readonly changes: CatalogChanges,
    private readonly versions: VersionsRepository,
    private readonly environment: StrategyEnvironmentService,
  ) {}

  onModuleInit(): void {
    this.changes.listen((em, change, write) => this.apply(em, change, write));
  }

  /** `write` false: the preview before saving, with the edit not written yet; nothing is changed. */
  async apply(em: EntityManager, change: CatalogChange, write = true): Promise<VersionImpact[]> {
    const listed = await this.versions.inStates(em, [
      VersionStatus.DRAFT,
      VersionStatus.IN_REVIEW,
      VersionStatus.APPROVED,
      VersionStatus.PUBLISHED,
    ]);
    const loaded = await this.environment.load(em);
    const live = write ? loaded : withChange(loaded, change);
    const impacts: VersionImpact[] = [];
    const what =
      change.kind === 'action'
        ? describeActionChange(change.id, change.before, change.after)
        : describeFieldChange(change.scope, change.name, change.before, change.after);
    for (const version of listed) {
      const at = (effect: VersionImpact['effect'], message: string): VersionImpact => ({
        strategyId: version.strategyId,
        strategyName: version.strategyName,
        versionId: version.id,
        versionNumber: version.number,
        status: version.status,
        effect,
        message: `${version.strategyName} version ${version.number} (${version.status.toLowerCase().replace('_', ' ')}) ${message}`,
      });
      if (version.status === VersionStatus.DRAFT) {
        // Only drafts that read what changed need a new copy (pinning validates the whole document).
        if (!draftReads(version, change)) continue;
        // The draft keeps the registry model versions it was saved with.
        const models = version.environment?.models;
        const content = pinnedContent(version.document, models ? { ...live, ...withRegistry(models) } : live);
        if (content.contentHash === version.contentHash) continue;
        if (write) await this.versions.repin(em, version.id, content);
        impacts.push(at('FOLLOWS', `takes the change: ${what}`));
        continue;
      }
      if (!reads(version, change)) continue;
      const breaks =
        change.kind === 'field'
          ? fieldBreak(pinnedField(version, change) ?? change.before, change.after)
          : null;
      if (breaks && change.kind === 'field' && version.status !== VersionStatus.IN_REVIEW)
        impacts.push(at('BREAKS', `reads ${change.scope}.${change.name}, and ${breaks}`));
      else if (!version.environment)
        impacts.push(
          at(
            'FOLLOWS',
            `was made before versions kept their own copy, so it decides with the change: ${what}`,
          ),
        );
      else if (version.status === VersionStatus.IN_REVIEW)
        impacts.push(
          at(
            'KEEPS_ITS_COPY',
            `stays as submitted, without the change (${what}); clone it to take the change`,
          ),
        );
      else
        impacts.push(
          at(
            'KEEPS_ITS_COPY',
            `keeps deciding as approved, without the change (${what}), until a new version is published`,
          ),
        );
    }
    return impacts;
  }
}

/** The live environment as it will be once the edit is written: the entry replaced in place, or added last, or gone. */
function withChange<E extends StrategyEnvironment>(live: E, change: CatalogChange): E {
  if (change.kind === 'action')
    return { ...live, actions: replaced(live.actions ?? [], (a) => a.id, change.id, change.after) };
  const fields = replaced(live.schema?.[change.scope] ?? [], (f) => f.name, change.name, change.after);
  const schema = { ...live.schema };
  // As StrategyEnvironmentService.load: a scope without any declared field is not checked.
  if (fields.length) schema[change.scope] = fields;
  else delete schema[change.scope];
  return { ...live, schema };
}

function replaced<T>(list: readonly T[], key: (item: T) => string, id: string, after: T | null): T[] {
  const at = list.findIndex((item) => key(item) === id);
  if (at < 0) return after ? [...list, after] : [...list];
  return after ? list.map((item, i) => (i === at ? after : item)) : list.filter((_, i) => i !== at);
}

/** Whether a submitted version reads what the edit changed (or, for a new action, would offer it). */
function reads(version: StrategyVersion, change: CatalogChange): boolean {
  if (change.kind === 'action') {
    if (version.environment?.actions.some((a) => a.id === change.id)) return true;
    return [change.before, change.after].some(
      (a) => a !== null && actionsSelected(version.document, [a]).length > 0,
    );
  }
  if (version.environment) return pinnedField(version, change) !== undefined;
  return fieldsRead(version.document)[change.scope].includes(change.name);
}

/** Whether a draft reads what the edit changed, declared or not yet (a field it reads may be declared only now). */
function draftReads(version: StrategyVersion, change: CatalogChange): boolean {
  if (change.kind === 'field')
    return fieldsRead([version.document, version.environment?.models])[change.scope].includes(change.name);
  return reads(version, change);
}

function pinnedField(
  version: StrategyVersion,
  change: Extract<CatalogChange, { kind: 'field' }>,
): FieldDefinition | undefined {
  return version.environment?.schema[change.scope]?.find((f) => f.name === change.name);
}

/** Why data that follows the new definition would not fit the old one, or null when it still does. */
export function fieldBreak(before: FieldDefinition | null, after: FieldDefinition | null): string | null {
  if (!before) return null;
  if (!after) return 'the field would no longer be declared, so callers stop sending it';
  if (before.type !== after.type)
    return `its type would change from ${before.type} to ${after.type}, so callers' values would no longer fit`;
  if (after.allowedValues) {
    const kept = new Set(after.allowedValues.map(String));
    const dropped = before.allowedValues ? before.allowedValues.filter((v) => !kept.has(String(v))) : null;
    if (!dropped)
      return `its values would be limited to ${after.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    if (dropped.length)
      return `the values ${dropped.map((v) => JSON.stringify(v)).join(', ')} would no longer be allowed`;
  }
  return null;
}
