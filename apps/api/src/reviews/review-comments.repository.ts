import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { columnById } from '../common/column-by-id';
import { ReviewComment, type CommentKind } from './review-comment.entity';

@Injectable()
export class ReviewCommentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    em: EntityManager,
    values: { versionId: string; nodeId: string | null; kind: CommentKind; body: string; authorId: string },
  ): Promise<ReviewComment> {
    const { identifiers } = await em.insert(ReviewComment, values);
    return em.findOneOrFail(ReviewComment, { where: { id: (identifiers[0] as { id: string }).id } });
  }

  byVersion(versionId: string, nodeId?: string | null): Promise<ReviewComment[]> {
    return this.dataSource.manager.find(ReviewComment, {
      where: { versionId, ...(nodeId ? { nodeId } : {}) },
      order: { createdAt: 'ASC' },
    });
  }

  /** Comment id → the version it is on, for the comments among `ids` (uuids). */
  versionIds(ids: readonly string[]): Promise<Map<string, string>> {
    return columnById(this.dataSource.manager, ReviewComment, 'versionId', ids);
  }
}
