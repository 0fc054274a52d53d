import { Injectable } from '@nestjs/common';
import type { ActionDefinition, FieldDefinition } from '@arbiter/engine';
import type { EntityManager } from 'typeorm';
import { conflict } from '../common/errors';

/** One edit of the action catalog or the customer schema, as written (before → after; null: absent). */
export type CatalogChange =
  | { kind: 'action'; id: string; before: ActionDefinition | null; after: ActionDefinition | null }
  | {
      kind: 'field';
      scope: 'customer' | 'context';
      name: string;
      before: FieldDefinition | null;
      after: FieldDefinition | null;
    };

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

/**
 * `changes`: one edit, or the edits of one import, answered together (one impact per version).
 * `write` false: only say what the edits would do (the preview before saving); nothing is changed.
 */
export type CatalogChangeListener = (
  em: EntityManager,
  changes: readonly CatalogChange[],
  write: boolean,
) => Promise<VersionImpact[]>;

/** What an edit would do, before it is saved: every version it touches and whether it would be refused. */
export interface CatalogChangePreview {
  /** The edit would break a published or approved version, so saving it is refused with CONFLICT. */
  refused: boolean;
  /** The CONFLICT message saving would get, or null. */
  refusal: string | null;
  impacts: VersionImpact[];
}

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
   * which rolls the whole transaction back. An import passes all its edits at once: each version
   * is looked at once, not once per edit.
   */
  async applied(
    em: EntityManager,
    change: CatalogChange | readonly CatalogChange[],
  ): Promise<VersionImpact[]> {
    const changes = Array.isArray(change) ? (change as readonly CatalogChange[]) : [change as CatalogChange];
    if (!changes.length) return [];
    const impacts = await this.listener(em, changes, true);
    const breaks = impacts.filter((i) => i.effect === 'BREAKS');
    if (breaks.length) {
      throw conflict(refusal(breaks), {
        details: breaks.map((b) => ({ field: `versions.${b.versionId}`, message: b.message })),
        impacts: breaks,
      });
    }
    return impacts;
  }

  /** What `applied` would answer for an edit not written yet; changes nothing. */
  async preview(em: EntityManager, change: CatalogChange): Promise<CatalogChangePreview> {
    const impacts = await this.listener(em, [change], false);
    const breaks = impacts.filter((i) => i.effect === 'BREAKS');
    return { refused: breaks.length > 0, refusal: breaks.length ? refusal(breaks) : null, impacts };
  }
}

function refusal(breaks: readonly VersionImpact[]): string {
  return `This change would break ${breaks.length === 1 ? 'a version that is' : `${breaks.length} versions that are`} approved or published, so nothing was changed: ${breaks.map((b) => b.message).join('; ')}. Publish a new version that does without it first.`;
}
