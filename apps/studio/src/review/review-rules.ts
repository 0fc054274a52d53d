import type { Role } from '../api/generated/graphql';
import type { VersionStatus } from '../strategies/strategy-source';

/**
 * The server's lifecycle rules (apps/api strategies/lifecycle.service.ts), mirrored so that the
 * studio shows what each role may do and why not. The server stays the judge: these only decide
 * which buttons are enabled and what their hover text says.
 */

export interface ReviewUser {
  id: string;
  roles: readonly Role[];
}

export interface ReviewVersion {
  id: string;
  number: number;
  status: VersionStatus;
  createdBy: string;
  editors: readonly string[];
  evidence: readonly { status: string }[];
}

export type VersionActionKind = 'submit' | 'approve' | 'reject' | 'publish' | 'rollback' | 'clone';

export interface VersionAction {
  kind: VersionActionKind;
  label: string;
  /** Shown at all: the user has the role (or the action is open to everyone shown it). */
  visible: boolean;
  /** Why the button is disabled; undefined when it may be used. */
  disabledReason?: string;
}

const ROLE_FOR: Record<VersionActionKind, Role> = {
  submit: 'designer',
  approve: 'reviewer',
  reject: 'reviewer',
  publish: 'publisher',
  rollback: 'publisher',
  clone: 'designer',
};

const LABEL: Record<VersionActionKind, string> = {
  submit: 'Submit for review',
  approve: 'Approve',
  reject: 'Reject…',
  publish: 'Publish',
  rollback: 'Roll back to this version',
  clone: 'Clone to a new draft',
};

export const STATUS_WORDS: Record<VersionStatus, string> = { DRAFT: 'Draft', IN_REVIEW: 'In review', APPROVED: 'Approved', PUBLISHED: 'Published', RETIRED: 'Retired' };

export function hasCompletedEvidence(version: Pick<ReviewVersion, 'evidence'>): boolean {
  return version.evidence.some((s) => s.status === 'COMPLETED');
}

/** Why this user may not approve this version (four eyes, evidence, state, role); undefined if they may. */
export function approveBlocked(version: ReviewVersion, user: ReviewUser): string | undefined {
  if (!user.roles.includes('reviewer')) return 'Only a reviewer can approve.';
  if (version.status !== 'IN_REVIEW') return `Only a version in review can be approved; this one is ${STATUS_WORDS[version.status].toLowerCase()}.`;
  if (version.createdBy === user.id) return 'You wrote this version; someone else must approve it (four eyes).';
  if (version.editors.includes(user.id)) return 'You edited this version; someone else must approve it (four eyes).';
  if (!hasCompletedEvidence(version)) return 'No completed simulation of exactly this content yet; an analyst must simulate it before it can be approved.';
  return undefined;
}

/**
 * Every action on a version for this user. `publishedNumber` is the version now answering
 * decisions (for rollback: only to an earlier APPROVED or RETIRED version while another is live).
 */
export function versionActions(version: ReviewVersion, user: ReviewUser, publishedNumber?: number): VersionAction[] {
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
        if (status !== 'APPROVED' && status !== 'RETIRED') return 'Only an approved or retired version can be published again.';
        if (publishedNumber === undefined) return 'Nothing is published; publish instead of rolling back.';
        if (version.number > publishedNumber) return 'This version is newer than the published one; publish it instead.';
        return undefined;
      case 'clone':
        return undefined;
    }
  };
  const kinds: VersionActionKind[] = ['submit', 'approve', 'reject', 'publish', 'rollback', 'clone'];
  return kinds
    .filter((kind) => relevant(kind, status, version.number, publishedNumber))
    .map((kind) => {
      const role = ROLE_FOR[kind];
      const hasRole = user.roles.includes(role);
      const reason = hasRole ? stateReason(kind) : `Needs the ${role} role.`;
      return { kind, label: LABEL[kind], visible: hasRole || kind === 'approve', disabledReason: reason };
    });
}

/** Actions worth offering at all for a version in this state (the others would only ever be disabled). */
function relevant(kind: VersionActionKind, status: VersionStatus, number: number, publishedNumber?: number): boolean {
  switch (kind) {
    case 'submit':
      return status === 'DRAFT';
    case 'approve':
    case 'reject':
      return status === 'IN_REVIEW';
    case 'publish':
      return status === 'APPROVED' && (publishedNumber === undefined || number > publishedNumber);
    case 'rollback':
      return (status === 'APPROVED' || status === 'RETIRED') && publishedNumber !== undefined && number < publishedNumber;
    case 'clone':
      return true;
  }
}

export function shortHash(hash: string): string {
  return hash.slice(0, 8);
}
