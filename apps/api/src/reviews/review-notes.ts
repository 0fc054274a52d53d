import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ReviewNotes } from '../strategies/lifecycle-ports';
import { CommentKind } from './review-comment.entity';
import { ReviewCommentsRepository } from './review-comments.repository';

/** The lifecycle's approval, justification and rejection texts, kept as review comments on the whole version. */
@Injectable()
export class ReviewCommentNotes extends ReviewNotes {
  constructor(private readonly comments: ReviewCommentsRepository) {
    super();
  }

  approval(em: EntityManager, versionId: string, authorId: string, body: string): Promise<void> {
    return this.add(em, versionId, authorId, CommentKind.APPROVAL, body);
  }

  justification(em: EntityManager, versionId: string, authorId: string, body: string): Promise<void> {
    return this.add(em, versionId, authorId, CommentKind.JUSTIFICATION, body);
  }

  rejection(em: EntityManager, versionId: string, authorId: string, body: string): Promise<void> {
    return this.add(em, versionId, authorId, CommentKind.REJECTION, body);
  }

  private async add(
    em: EntityManager,
    versionId: string,
    authorId: string,
    kind: CommentKind,
    body: string,
  ): Promise<void> {
    await this.comments.insert(em, { versionId, nodeId: null, kind, body, authorId });
  }
}
