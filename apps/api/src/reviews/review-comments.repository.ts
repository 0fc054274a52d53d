import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
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
  async versionIds(ids: readonly string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await this.dataSource.manager.find(ReviewComment, {
      select: { id: true, versionId: true },
      where: { id: In([...ids]) },
    });
    return new Map(rows.map((c) => [c.id, c.versionId]));
  }
}
