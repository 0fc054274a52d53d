import type { ModelSpec } from '@arbiter/engine';
import type { EntityManager } from 'typeorm';
import type { PinnedModel } from './pinned-environment';

// What strategies need from features built on top of them (simulations, fairness, reviews,
// adaptive models): those features read strategies' versions, so strategies must not import them.
// Each port is provided by a global module of the feature that implements it; a missing one fails
// at start-up, not at the first approval.

/** The evidence an approval needs: simulations of exactly the version's content and their fairness check. */
export abstract class ApprovalEvidence {
  /** Id of the newest COMPLETED simulation of this content, or null when there is none. */
  abstract latestSimulationId(contentHash: string, em: EntityManager): Promise<string | null>;
  /** The findings of every failed fairness check of this content's completed simulations. */
  abstract fairnessFindings(contentHash: string, em: EntityManager): Promise<string[]>;
}

/** The review comments a transition writes, in the transition's transaction. */
export abstract class ReviewNotes {
  abstract approval(em: EntityManager, versionId: string, authorId: string, body: string): Promise<void>;
  abstract justification(em: EntityManager, versionId: string, authorId: string, body: string): Promise<void>;
  abstract rejection(em: EntityManager, versionId: string, authorId: string, body: string): Promise<void>;
}

/** Engine specs of the adaptive models among a version's pinned models, with their current serving parameters. */
export abstract class LearnedModelSpecs {
  abstract specs(models: Record<string, PinnedModel> | undefined): Promise<Record<string, ModelSpec>>;
}
