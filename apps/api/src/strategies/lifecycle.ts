import { invalidState } from '../common/errors';
import { VersionStatus } from './version-status';

/** What can happen to a version, named by the mutation that does it. */
export type LifecycleOperation =
  | 'saveDraft'
  | 'submitVersion'
  | 'approveVersion'
  | 'rejectVersion'
  | 'publishVersion'
  | 'rollbackStrategy'
  | 'retireVersion';

/**
 * The lifecycle of docs/governance.md as data: which operations each status allows. cloneVersion is
 * allowed from every status and is not a transition (it makes a new DRAFT).
 */
export const ALLOWED_OPERATIONS: Readonly<Record<VersionStatus, readonly LifecycleOperation[]>> = {
  [VersionStatus.DRAFT]: ['saveDraft', 'submitVersion'],
  [VersionStatus.IN_REVIEW]: ['approveVersion', 'rejectVersion'],
  [VersionStatus.APPROVED]: ['publishVersion', 'rollbackStrategy'],
  [VersionStatus.PUBLISHED]: ['retireVersion'],
  [VersionStatus.RETIRED]: ['rollbackStrategy'],
};

const VERB: Record<LifecycleOperation, string> = {
  saveDraft: 'edit',
  submitVersion: 'submit',
  approveVersion: 'approve',
  rejectVersion: 'reject',
  publishVersion: 'publish',
  rollbackStrategy: 'roll back to',
  retireVersion: 'retire',
};

/** Four eyes: whoever created or edited a version's content (a clone's source included) may not approve it. */
export function wroteVersion(
  version: { createdBy: string; editors: readonly string[] },
  userId: string,
): boolean {
  return version.createdBy === userId || version.editors.includes(userId);
}

/** Throws INVALID_STATE naming the allowed operations when `operation` is not one of them. */
export function assertAllowed(
  version: { number: number; status: VersionStatus },
  operation: LifecycleOperation,
): void {
  const allowed = ALLOWED_OPERATIONS[version.status];
  if (!allowed.includes(operation)) {
    throw invalidState(`Version ${version.number} is ${version.status}: you cannot ${VERB[operation]} it.`, [
      ...allowed,
      'cloneVersion',
    ]);
  }
}
