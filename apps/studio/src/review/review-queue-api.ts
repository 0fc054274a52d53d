import { request } from '../api/client';
import { graphql } from '../api/generated';
import type { ReviewQueueQuery } from '../api/generated/graphql';

const ReviewQueueDocument = graphql(`
  query ReviewQueue {
    reviewQueue {
      strategy {
        id
        name
        description
      }
      version {
        id
        number
        submittedAt
        submittedBy
        evidence {
          id
          status
          fairnessCheck {
            status
          }
        }
      }
    }
  }
`);

export type ReviewQueueItem = ReviewQueueQuery['reviewQueue'][number];

/** The versions waiting for the signed-in reviewer (in review, not written by them), longest waiting first. */
export interface ReviewQueueApi {
  load(): Promise<ReviewQueueItem[]>;
}

export const graphqlReviewQueueApi: ReviewQueueApi = {
  load: async () => (await request(ReviewQueueDocument, {})).reviewQueue,
};

/** "no simulation yet", "1 completed simulation, fairness check below the threshold", … */
export function evidenceWords(evidence: ReviewQueueItem['version']['evidence']): string {
  const completed = evidence.filter((s) => s.status === 'COMPLETED');
  if (completed.length === 0)
    return evidence.length
      ? 'simulation under way, none completed yet'
      : 'no simulation yet: an analyst must run one';
  const failed = completed.some((s) => s.fairnessCheck.status === 'FAILED');
  const n = `${completed.length} completed simulation${completed.length === 1 ? '' : 's'}`;
  return failed ? `${n}, fairness check below the threshold` : n;
}
