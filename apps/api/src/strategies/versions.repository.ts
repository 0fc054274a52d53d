import { Injectable } from '@nestjs/common';
import { rowsById } from '../common/column-by-id';
import { DataSource, In, type EntityManager, type QueryDeepPartialEntity } from 'typeorm';
import { StrategyVersion } from './strategy-version.entity';
import { VersionStatus } from './version-status';

export type VersionChanges = Partial<
  Pick<
    StrategyVersion,
    | 'status'
    | 'submittedBy'
    | 'submittedAt'
    | 'approvedBy'
    | 'approvedAt'
    | 'publishedBy'
    | 'publishedAt'
    | 'retiredAt'
  >
>;

@Injectable()
export class VersionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string, em: EntityManager = this.dataSource.manager): Promise<StrategyVersion | null> {
    return em.findOne(StrategyVersion, { where: { id } });
  }

  lockById(em: EntityManager, id: string): Promise<StrategyVersion | null> {
    return em.findOne(StrategyVersion, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  byStrategy(strategyId: string, em: EntityManager = this.dataSource.manager): Promise<StrategyVersion[]> {
    return em.find(StrategyVersion, { where: { strategyId }, order: { number: 'DESC' } });
  }

  published(
    strategyId: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<StrategyVersion | null> {
    return em.findOne(StrategyVersion, { where: { strategyId, status: VersionStatus.PUBLISHED } });
  }

  /**
   * The versions of many strategies in one query, newest first, by strategy (a list screen's N
   * strategies cost one query, not N). Without `withContent`, the document and its pinned
   * environment are left out (undefined): a list shows numbers and statuses.
   */
  async byStrategies(
    strategyIds: readonly string[],
    { withContent, publishedOnly }: { withContent: boolean; publishedOnly?: boolean },
  ): Promise<Map<string, StrategyVersion[]>> {
    const qb = this.dataSource
      .getRepository(StrategyVersion)
      .createQueryBuilder('v')
      .where('v.strategyId IN (:...strategyIds)', { strategyIds })
      .orderBy('v.number', 'DESC');
    if (publishedOnly) qb.andWhere('v.status = :published', { published: VersionStatus.PUBLISHED });
    if (!withContent) {
      const light = this.dataSource
        .getMetadata(StrategyVersion)
        .columns.filter((c) => c.propertyName !== 'document' && c.propertyName !== 'environment')
        .map((c) => `v.${c.propertyName}`);
      qb.select(light);
    }
    const byStrategy = new Map<string, StrategyVersion[]>(strategyIds.map((id) => [id, []]));
    for (const version of await qb.getMany()) byStrategy.get(version.strategyId)?.push(version);
    return byStrategy;
  }

  /** The versions of exactly this content in these states (whose evidence is a simulation of it). */
  withContent(contentHash: string, states: readonly VersionStatus[]): Promise<StrategyVersion[]> {
    return this.dataSource.manager.find(StrategyVersion, {
      where: { contentHash, status: In([...states]) },
      order: { number: 'ASC' },
    });
  }

  /** Every PUBLISHED version (one per strategy at most). */
  allPublished(em: EntityManager = this.dataSource.manager): Promise<StrategyVersion[]> {
    return em.find(StrategyVersion, { where: { status: VersionStatus.PUBLISHED } });
  }

  /** Call with the strategy row locked. */
  async nextNumber(em: EntityManager, strategyId: string): Promise<number> {
    const rows: { max: number | null }[] = await em.query(
      'SELECT max(number) AS max FROM strategy_versions WHERE strategy_id = $1',
      [strategyId],
    );
    return (rows[0]?.max ?? 0) + 1;
  }

  /** `inheritedEditors`: who wrote the content before (a clone's source); the creator is added. */
  async insert(
    em: EntityManager,
    values: Pick<
      StrategyVersion,
      'strategyId' | 'number' | 'document' | 'environment' | 'contentHash' | 'createdBy' | 'basedOnVersionId'
    >,
    inheritedEditors: readonly string[] = [],
  ): Promise<StrategyVersion> {
    const { identifiers } = await em.insert(StrategyVersion, {
      ...values,
      status: VersionStatus.DRAFT,
      revision: 1,
      editors: [...new Set([...inheritedEditors, values.createdBy])],
    } as QueryDeepPartialEntity<StrategyVersion>);
    return em.findOneOrFail(StrategyVersion, { where: { id: (identifiers[0] as { id: string }).id } });
  }

  /**
   * Optimistic save of a DRAFT's document: only if nobody saved since `expectedRevision`.
   * Records the editor for the four-eyes rule. Returns null when no row matched.
   */
  async saveDocument(
    em: EntityManager,
    id: string,
    expectedRevision: number,
    content: Pick<StrategyVersion, 'document' | 'environment' | 'contentHash'>,
    editorId: string,
  ): Promise<StrategyVersion | null> {
    const result: [unknown[], number] = await em.query(
      `UPDATE strategy_versions
          SET document = $3, environment = $4, content_hash = $5, revision = revision + 1, updated_at = now(),
              editors = CASE WHEN $6::uuid = ANY(editors) THEN editors ELSE array_append(editors, $6::uuid) END
        WHERE id = $1 AND revision = $2 AND status = $7`,
      [
        id,
        expectedRevision,
        JSON.stringify(content.document),
        JSON.stringify(content.environment),
        content.contentHash,
        editorId,
        VersionStatus.DRAFT,
      ],
    );
    if (result[1] !== 1) return null;
    return em.findOneOrFail(StrategyVersion, { where: { id } });
  }

  /**
   * The versions waiting for this reviewer: IN_REVIEW, of a strategy not archived, and neither created
   * nor edited by them (lifecycle.ts wroteVersion, the four-eyes rule); longest waiting first.
   */
  awaitingReviewBy(userId: string): Promise<StrategyVersion[]> {
    return this.dataSource.manager
      .createQueryBuilder(StrategyVersion, 'v')
      .innerJoin('strategies', 's', 's.id = v.strategy_id')
      .where('v.status = :status', { status: VersionStatus.IN_REVIEW })
      .andWhere('s.archived_at IS NULL')
      .andWhere('v.created_by <> CAST(:userId AS uuid) AND NOT (CAST(:userId AS uuid) = ANY(v.editors))', {
        userId,
      })
      .orderBy('v.submitted_at', 'ASC', 'NULLS LAST')
      .addOrderBy('v.id')
      .getMany();
  }

  /** Every version in these states, oldest strategy first, with the strategy's name. */
  async inStates(
    em: EntityManager,
    states: readonly VersionStatus[],
  ): Promise<(StrategyVersion & { strategyName: string })[]> {
    const rows = await em
      .createQueryBuilder(StrategyVersion, 'v')
      .innerJoin('strategies', 's', 's.id = v.strategy_id')
      .addSelect('s.name', 'strategy_name')
      .where('v.status IN (:...states)', { states })
      .orderBy('s.name')
      .addOrderBy('v.number')
      .getRawAndEntities();
    return rows.entities.map((v, i) =>
      Object.assign(v, { strategyName: String((rows.raw[i] as { strategy_name: string }).strategy_name) }),
    );
  }

  /** A draft's copy of the catalog and schema, refreshed after they changed (not an edit: the revision stays). */
  async repin(
    em: EntityManager,
    id: string,
    content: Pick<StrategyVersion, 'environment' | 'contentHash'>,
  ): Promise<void> {
    await em.query(
      `UPDATE strategy_versions SET environment = $2, content_hash = $3 WHERE id = $1 AND status = $4`,
      [id, JSON.stringify(content.environment), content.contentHash, VersionStatus.DRAFT],
    );
  }

  /** Changes the status (and the columns that go with it) of a locked version; bumps its revision. */
  async transition(
    em: EntityManager,
    version: StrategyVersion,
    changes: VersionChanges,
  ): Promise<StrategyVersion> {
    await em
      .createQueryBuilder()
      .update(StrategyVersion)
      .set({ ...changes, revision: () => 'revision + 1' })
      .where('id = :id AND status = :status', { id: version.id, status: version.status })
      .execute();
    return em.findOneOrFail(StrategyVersion, { where: { id: version.id } });
  }

  /** Id → version of the versions among `ids`, in one query (a list's linked versions). */
  byIds(ids: readonly string[]): Promise<Map<string, StrategyVersion>> {
    return rowsById(this.dataSource.manager, StrategyVersion, ids);
  }

  /** Strategy and number of the versions among `ids` (uuids). */
  async numbers(ids: readonly string[]): Promise<{ id: string; strategyId: string; number: number }[]> {
    if (!ids.length) return [];
    return this.dataSource.manager.find(StrategyVersion, {
      select: { id: true, strategyId: true, number: true },
      where: { id: In([...ids]) },
    });
  }
}
