import type { AppError } from '../common/errors';
import { ALLOWED_OPERATIONS, assertAllowed } from './lifecycle';
import { VersionStatus } from './version-status';

describe('lifecycle rules', () => {
  it('allows exactly the transitions of docs/governance.md', () => {
    expect(ALLOWED_OPERATIONS).toEqual({
      DRAFT: ['saveDraft', 'submitVersion'],
      IN_REVIEW: ['approveVersion', 'rejectVersion'],
      APPROVED: ['publishVersion', 'rollbackStrategy'],
      PUBLISHED: ['retireVersion'],
      RETIRED: ['rollbackStrategy'],
    });
  });

  it('refuses with INVALID_STATE naming what is allowed', () => {
    expect(() => assertAllowed({ number: 3, status: VersionStatus.PUBLISHED }, 'saveDraft')).toThrow(
      expect.objectContaining({
        code: 'INVALID_STATE',
        extensions: { allowed: ['retireVersion', 'cloneVersion'] },
      }) as AppError,
    );
    expect(() => assertAllowed({ number: 1, status: VersionStatus.DRAFT }, 'submitVersion')).not.toThrow();
  });
});
