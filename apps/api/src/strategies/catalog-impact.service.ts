import { Injectable, type OnModuleInit } from '@nestjs/common';
import { fieldsRead, actionsSelected, type FieldDefinition, type StrategyEnvironment } from '@arbiter/engine';
import type { EntityManager } from 'typeorm';
import { CatalogChanges, type CatalogChange, type VersionImpact } from '../catalog-changes/catalog-changes';
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
    this.changes.listen((em, changes, write) => this.apply(em, changes, write));
  }

  /**
   * `changes`: one edit, or all the edits of an import (each version is looked at once, with the
   * edits it reads). `write` false: the preview before saving, with the edits not written yet.
   */
  async apply(em: EntityManager, changes: readonly CatalogChange[], write = true): Promise<VersionImpact[]> {
    const listed = await this.versions.inStates(em, [
      VersionStatus.DRAFT,
      VersionStatus.IN_REVIEW,
      VersionStatus.APPROVED,
      VersionStatus.PUBLISHED,
    ]);
    const loaded = await this.environment.load(em);
    const live = write ? loaded : changes.reduce((env, change) => withChange(env, change), loaded);
    const impacts: VersionImpact[] = [];
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
        const read = changesRead(version, changes, true);
        if (!read.length) continue;
        // The draft keeps the registry model versions it was saved with.
        const models = version.environment?.models;
        const content = pinnedContent(version.document, models ? { ...live, ...withRegistry(models) } : live);
        if (content.contentHash === version.contentHash) continue;
        if (write) await this.versions.repin(em, version.id, content);
        impacts.push(at('FOLLOWS', `takes the change: ${described(read)}`));
        continue;
      }
      const read = changesRead(version, changes, false);
      if (!read.length) continue;
      const what = described(read);
      const breaks = read.flatMap((change) => {
        if (change.kind !== 'field') return [];
        const broken = fieldBreak(pinnedField(version, change) ?? change.before, change.after);
        return broken ? [`reads ${change.scope}.${change.name}, and ${broken}`] : [];
      });
      if (breaks.length && version.status !== VersionStatus.IN_REVIEW)
        impacts.push(at('BREAKS', breaks.join('; ')));
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

/** The changes in words: each one, or for a long import the first few and how many more. */
function described(changes: readonly CatalogChange[]): string {
  const words = changes
    .slice(0, 3)
    .map((c) =>
      c.kind === 'action'
        ? describeActionChange(c.id, c.before, c.after)
        : describeFieldChange(c.scope, c.name, c.before, c.after),
    );
  const more = changes.length - words.length;
  return more > 0 ? `${words.join('; ')} and ${more} more change${more === 1 ? '' : 's'}` : words.join('; ');
}

/**
 * The changes a version reads, in their order: actions it keeps a copy of or would offer (one pass
 * over its actions steps for all of an import's actions), fields it reads (for a draft, declared or
 * not yet: a field it reads may be declared only now).
 */
function changesRead(
  version: StrategyVersion,
  changes: readonly CatalogChange[],
  draft: boolean,
): CatalogChange[] {
  const actionChanges = changes.filter(
    (c): c is Extract<CatalogChange, { kind: 'action' }> => c.kind === 'action',
  );
  const pinned = new Set(version.environment?.actions.map((a) => a.id));
  const offered = new Set(
    actionsSelected(
      version.document,
      actionChanges.flatMap((c) => [c.before, c.after].filter((a) => a !== null)),
    ),
  );
  const fields = changes.some((c) => c.kind === 'field')
    ? draft
      ? fieldsRead([version.document, version.environment?.models])
      : fieldsRead(version.document)
    : undefined;
  return changes.filter((change) => {
    if (change.kind === 'action')
      return (
        pinned.has(change.id) ||
        (change.before !== null && offered.has(change.before)) ||
        (change.after !== null && offered.has(change.after))
      );
    if (!draft && version.environment) return pinnedField(version, change) !== undefined;
    return fields![change.scope].includes(change.name);
  });
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
