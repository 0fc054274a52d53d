import { approveBlocked, versionActions, type ReviewUser, type ReviewVersion } from './review-rules';
import { grantsFor } from '../test-support/served-permissions';

const version = (over: Partial<ReviewVersion> = {}): ReviewVersion => ({
  id: 'v2',
  number: 2,
  status: 'IN_REVIEW',
  createdBy: 'designer-1',
  editors: ['designer-1'],
  evidence: [{ status: 'COMPLETED' }],
  ...over,
});
const reviewer: ReviewUser = { id: 'reviewer-1', ...grantsFor(['reviewer']) };

describe('approveBlocked (the server rules, mirrored)', () => {
  it('lets another reviewer approve a version in review with a completed simulation', () => {
    expect(approveBlocked(version(), reviewer)).toBeUndefined();
  });

  it('says why not: wrong role, author, editor, no evidence, wrong state', () => {
    expect(approveBlocked(version(), { id: 'p', ...grantsFor(['publisher']) })).toBe(
      'Only reviewers approve or reject versions.',
    );
    expect(approveBlocked(version({ createdBy: 'reviewer-1' }), reviewer)).toMatch(
      /You wrote this version.*four eyes/,
    );
    expect(approveBlocked(version({ editors: ['designer-1', 'reviewer-1'] }), reviewer)).toMatch(
      /You edited this version.*four eyes/,
    );
    expect(approveBlocked(version({ evidence: [] }), reviewer)).toMatch(
      /No completed simulation of exactly this content/,
    );
    expect(
      approveBlocked(version({ evidence: [{ status: 'RUNNING' }, { status: 'FAILED' }] }), reviewer),
    ).toMatch(/No completed simulation/);
    expect(approveBlocked(version({ status: 'DRAFT' }), reviewer)).toMatch(
      /Only a version in review can be approved; this one is draft/,
    );
  });
});

describe('versionActions', () => {
  const kinds = (v: ReviewVersion, u: ReviewUser, published?: number) =>
    versionActions(v, u, published)
      .filter((a) => a.visible)
      .map((a) => `${a.kind}${a.disabledReason ? '(disabled)' : ''}`);

  it('offers each role what it may do in each state', () => {
    const designer: ReviewUser = { id: 'designer-1', ...grantsFor(['designer']) };
    const publisher: ReviewUser = { id: 'pub', ...grantsFor(['publisher']) };
    expect(kinds(version({ status: 'DRAFT' }), designer)).toEqual(['submit', 'clone']);
    expect(kinds(version(), designer)).toEqual(['approve(disabled)', 'clone']);
    expect(kinds(version(), reviewer)).toEqual(['approve', 'reject']);
    expect(kinds(version({ status: 'APPROVED', number: 3 }), publisher, 2)).toEqual(['publish']);
    expect(kinds(version({ status: 'RETIRED', number: 1 }), publisher, 2)).toEqual(['rollback']);
    expect(kinds(version({ status: 'APPROVED', number: 1 }), publisher, 2)).toEqual(['rollback']);
    expect(kinds(version({ status: 'PUBLISHED' }), publisher, 2)).toEqual([]);
  });

  it('shows approve to non-reviewers only as disabled, with the same sentence as approveBlocked', () => {
    const approve = versionActions(version(), { id: 'x', ...grantsFor(['designer']) }).find(
      (a) => a.kind === 'approve',
    )!;
    expect(approve.visible).toBe(true);
    expect(approve.disabledReason).toBe('Only reviewers approve or reject versions.');
  });
});
