import type { Permission } from '../api/generated/graphql';
import { deniedReason } from '../app/access';
import type { Grants } from '../auth/session';
import type { ReviewVersionData } from './review-api';
import type { VersionStatus } from '../strategies/strategy-source';
import { VERSION_STATUS_WORDS } from '../strategies/version-status';

/**
 * The server's lifecycle rules (apps/api strategies/lifecycle.service.ts), mirrored so that the
 * studio shows what the user may do and why not; who may is what the server serves as permissions.
 * The server stays the judge: these only decide which buttons are enabled and their hover text.
 */

/** The signed-in user: their id (four eyes) and what the server says they may do. */
export interface ReviewUser extends Grants {
  id: string;
}

/** What the rules read of a version (and of its simulations, only their status). */
export type ReviewVersion = Pick<ReviewVersionData, 'id' | 'number' | 'status' | 'createdBy' | 'editors'> & {
  evidence: readonly Pick<ReviewVersionData['evidence'][number], 'status'>[];
};

export type VersionActionKind = 'submit' | 'approve' | 'reject' | 'publish' | 'rollback' | 'clone';

export interface VersionAction {
  kind: VersionActionKind;
  label: string;
  /** Shown at all: the user holds its permission (approve is shown to everyone, with the reason). */
  visible: boolean;
  /** Why the button is disabled; undefined when it may be used. */
  disabledReason?: string;
}

/** The served permission each action needs (`me { permissions }`, the server's one declaration). */
const PERMISSION_FOR: Record<VersionActionKind, Permission> = {
  submit: 'editDrafts',
  approve: 'reviewVersions',
  reject: 'reviewVersions',
  publish: 'publishVersions',
  rollback: 'publishVersions',
  clone: 'editDrafts',
};

/** One name, in the editor and on the review page, for starting a draft from a version. */
export const NEW_DRAFT_LABEL = 'Edit as a new draft';

const LABEL: Record<VersionActionKind, string> = {
  submit: 'Submit for review',
  approve: 'Approve',
  reject: 'Reject…',
  publish: 'Publish',
  rollback: 'Roll back to this version',
  clone: NEW_DRAFT_LABEL,
};

interface CheckedEvidence {
  status: string;
  fairnessCheck?: { status: string; findings: readonly string[] } | null;
}

/**
 * What the failed fairness checks of the completed evidence found, in words: approving then needs a
 * written justification (the server's rule, lifecycle.service.ts approve).
 */
export function fairnessFindings(evidence: readonly CheckedEvidence[]): string[] {
  return evidence.flatMap((s) =>
    s.status === 'COMPLETED' && s.fairnessCheck?.status === 'FAILED' ? s.fairnessCheck.findings : [],
  );
}

export function hasCompletedEvidence(version: Pick<ReviewVersion, 'evidence'>): boolean {
  return version.evidence.some((s) => s.status === 'COMPLETED');
}

/** In review without completed evidence: a simulation may complete any moment (the screen polls). */
export function awaitsEvidence(version: Pick<ReviewVersion, 'status' | 'evidence'>): boolean {
  return version.status === 'IN_REVIEW' && !hasCompletedEvidence(version);
}

interface EvidenceRun {
  status: string;
  progress?: { rowsDone: number; rowsTotal: number };
}

/** "Simulation running: 40%" (or queued) while a simulation of the version runs; else undefined. */
export function simulationProgressWords(evidence: readonly EvidenceRun[]): string | undefined {
  const running = evidence.find((s) => s.status === 'RUNNING');
  if (running) {
    const { rowsDone = 0, rowsTotal = 0 } = running.progress ?? {};
    return `Simulation running: ${rowsTotal ? Math.floor((100 * rowsDone) / rowsTotal) : 0}%`;
  }
  return evidence.some((s) => s.status === 'QUEUED') ? 'Simulation queued' : undefined;
}

/** Why this user may not approve this version (four eyes, evidence, state, role); undefined if they may. */
export function approveBlocked(version: ReviewVersion, user: ReviewUser): string | undefined {
  const denied = deniedReason(PERMISSION_FOR.approve, user);
  if (denied) return denied;
  if (version.status !== 'IN_REVIEW')
    return `Only a version in review can be approved; this one is ${VERSION_STATUS_WORDS[version.status].toLowerCase()}.`;
  if (version.createdBy === user.id)
    return 'You wrote this version; someone else must approve it (four eyes).';
  if (version.editors.includes(user.id))
    return 'You edited this version; someone else must approve it (four eyes).';
  if (!hasCompletedEvidence(version))
    return 'No completed simulation of exactly this content yet; an analyst must simulate it before it can be approved.';
  return undefined;
}

/**
 * Every action on a version for this user. `publishedNumber` is the version now answering
 * decisions (for rollback: only to an earlier APPROVED or RETIRED version while another is live).
 */
export function versionActions(
  version: ReviewVersion,
  user: ReviewUser,
  publishedNumber?: number,
): VersionAction[] {
  const status = version.status;
  const stateReason = (kind: VersionActionKind): string | undefined => {
    switch (kind) {
      case 'submit':
        return status === 'DRAFT' ? undefined : 'Only a draft can be submitted for review.';
      case 'approve':
        return approveBlocked(version, user);
      case 'reject':
        return status === 'IN_REVIEW' ? undefined : 'Only a version in review can be rejected.';
      case 'publish':
        return status === 'APPROVED' ? undefined : 'Only an approved version can be published.';
      case 'rollback':
        if (status !== 'APPROVED' && status !== 'RETIRED')
          return 'Only an approved or retired version can be published again.';
        if (publishedNumber === undefined) return 'Nothing is published; publish instead of rolling back.';
        if (version.number > publishedNumber)
          return 'This version is newer than the published one; publish it instead.';
        return undefined;
      case 'clone':
        return undefined;
    }
  };
  const kinds: VersionActionKind[] = ['submit', 'approve', 'reject', 'publish', 'rollback', 'clone'];
  return kinds
    .filter((kind) => relevant(kind, status, version.number, publishedNumber))
    .map((kind) => {
      const denied = deniedReason(PERMISSION_FOR[kind], user);
      const reason = denied ?? stateReason(kind);
      return { kind, label: LABEL[kind], visible: !denied || kind === 'approve', disabledReason: reason };
    });
}

/** Actions worth offering at all for a version in this state (the others would only ever be disabled). */
function relevant(
  kind: VersionActionKind,
  status: VersionStatus,
  number: number,
  publishedNumber?: number,
): boolean {
  switch (kind) {
    case 'submit':
      return status === 'DRAFT';
    case 'approve':
    case 'reject':
      return status === 'IN_REVIEW';
    case 'publish':
      return status === 'APPROVED' && (publishedNumber === undefined || number > publishedNumber);
    case 'rollback':
      return (
        (status === 'APPROVED' || status === 'RETIRED') &&
        publishedNumber !== undefined &&
        number < publishedNumber
      );
    case 'clone':
      return true;
  }
}

export function shortHash(hash: string): string {
  return hash.slice(0, 8);
}
