import { Injectable } from '@nestjs/common';
import type { ActionDefinition, FieldDefinition } from '@arbiter/engine';
import type { EntityManager } from 'typeorm';
import { conflict } from '../common/errors';

/** One edit of the action catalog or the customer schema, as written (before → after; null: absent). */
export type CatalogChange =
  | { kind: 'action'; id: string; before: ActionDefinition | null; after: ActionDefinition | null }
  | { kind: 'field'; scope: 'customer' | 'context'; name: string; before: FieldDefinition | null; after: FieldDefinition | null };

/** What an edit does to one strategy version. */
export interface VersionImpact {
  strategyId: string;
  strategyName: string;
  versionId: string;
  versionNumber: number;
  status: string;
  /** BREAKS: the edit is refused for it; KEEPS_ITS_COPY: it goes on deciding as approved; FOLLOWS: a draft that takes the edit. */
  effect: 'BREAKS' | 'KEEPS_ITS_COPY' | 'FOLLOWS';
  message: string;
}

export type CatalogChangeListener = (em: EntityManager, change: CatalogChange) => Promise<VersionImpact[]>;

/**
 * Where the catalog and schema features announce an edit, inside its transaction, and the
 * strategies feature answers with what the edit does to each version (throwing refuses it). The
 * catalog and schema need not know about strategies, and strategies keep reading them.
 */
@Injectable()
export class CatalogChanges {
  private listener: CatalogChangeListener = async () => [];

  listen(listener: CatalogChangeListener): void {
    this.listener = listener;
  }

  /**
   * Call inside the edit's transaction, after writing it: drafts take the edit, and an edit that
   * would break a published or approved version is refused (CONFLICT listing every such version),
   * which rolls the whole transaction back.
   */
  async applied(em: EntityManager, change: CatalogChange): Promise<VersionImpact[]> {
    const impacts = await this.listener(em, change);
    const breaks = impacts.filter((i) => i.effect === 'BREAKS');
    if (breaks.length) {
      throw conflict(
          `This change would break ${breaks.length === 1 ? 'a version that is' : `${breaks.length} versions that are`} approved or published, so nothing was changed: ${breaks.map((b) => b.message).join('; ')}. Publish a new version that does without it first.`,
        { details: breaks.map((b) => ({ field: `versions.${b.versionId}`, message: b.message })), impacts: breaks },
      );
    }
    return impacts;
  }
}
