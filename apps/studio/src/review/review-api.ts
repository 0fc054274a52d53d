import { request } from '../api/client';
import type { CommentsQuery, ReviewStrategyQuery } from '../api/generated/graphql';
import {
  AddCommentMutation,
  ApproveVersionMutation,
  CloneVersionMutation,
  CommentsQuery as CommentsDocument,
  DiffQuery,
  PublishVersionMutation,
  RejectVersionMutation,
  ReviewStrategyQuery as ReviewStrategyDocument,
  RollbackStrategyMutation,
  SubmitVersionMutation,
  VersionQuery,
} from '../api/operations';
import { asDocument } from '../strategies/strategy-source';
import type { StrategyDocument } from '@arbiter/engine';
import type { StrategyDiff } from './diff-model';

export type ReviewData = ReviewStrategyQuery;
export type ReviewVersionData = ReviewStrategyQuery['strategy']['versions'][number];
export type ReviewComment = CommentsQuery['comments'][number];

/** What the review screen asks of the API; component tests pass a fake. */
export interface ReviewApi {
  load(strategyId: string): Promise<ReviewData>;
  comments(versionId: string): Promise<ReviewComment[]>;
  addComment(versionId: string, body: string, nodeId?: string): Promise<ReviewComment>;
  submit(versionId: string, expectedRevision: number): Promise<void>;
  /** `justification`: why approving is right although the fairness check failed (required then). */
  approve(versionId: string, comment?: string, justification?: string): Promise<void>;
  reject(versionId: string, comment: string): Promise<void>;
  publish(versionId: string): Promise<void>;
  rollback(strategyId: string, toVersionId: string, reason: string): Promise<void>;
  clone(versionId: string): Promise<string>;
  diff(fromVersionId: string, toVersionId: string): Promise<StrategyDiff>;
  document(versionId: string): Promise<StrategyDocument>;
}

export const graphqlReviewApi: ReviewApi = {
  load: (strategyId) => request(ReviewStrategyDocument, { id: strategyId }),
  comments: async (versionId) => (await request(CommentsDocument, { versionId })).comments,
  addComment: async (versionId, body, nodeId) =>
    (await request(AddCommentMutation, { input: { versionId, body, nodeId } }, 'mutation')).addComment,
  submit: async (versionId, expectedRevision) =>
    void (await request(SubmitVersionMutation, { versionId, expectedRevision }, 'mutation')),
  approve: async (versionId, comment, justification) =>
    void (await request(
      ApproveVersionMutation,
      { versionId, comment: comment || undefined, justification: justification || undefined },
      'mutation',
    )),
  reject: async (versionId, comment) =>
    void (await request(RejectVersionMutation, { versionId, comment }, 'mutation')),
  publish: async (versionId) => void (await request(PublishVersionMutation, { versionId }, 'mutation')),
  rollback: async (strategyId, toVersionId, reason) =>
    void (await request(RollbackStrategyMutation, { strategyId, toVersionId, reason }, 'mutation')),
  clone: async (versionId) =>
    (await request(CloneVersionMutation, { versionId }, 'mutation')).cloneVersion.id,
  diff: async (fromVersionId, toVersionId) => (await request(DiffQuery, { fromVersionId, toVersionId })).diff,
  document: async (versionId) => {
    const v = (await request(VersionQuery, { id: versionId })).version;
    return asDocument(v.document, `v${v.number}`);
  },
};
