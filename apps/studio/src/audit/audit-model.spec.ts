import { EMPTY_FILTER, chainStatus, filterProblem, toAuditFilter } from './audit-model';

describe('audit model', () => {
  it('reports the chain as verified or names the first broken link', () => {
    expect(
      chainStatus({
        valid: true,
        checkedEntries: 42,
        firstBrokenSeq: null,
        reason: null,
        headHash: 'abcdef0123456789',
      }),
    ).toEqual({ ok: true, text: 'Chain verified ✓ (42 entries, head #abcdef012345)' });
    expect(
      chainStatus({
        valid: false,
        checkedEntries: 42,
        firstBrokenSeq: 17,
        reason: 'hash does not match the entry',
        headHash: null,
      }),
    ).toEqual({
      ok: false,
      text: 'Chain broken at entry 17: hash does not match the entry. Entries from there on cannot be trusted.',
    });
  });

  it('sends only the filters that are set, with whole days', () => {
    expect(toAuditFilter(EMPTY_FILTER)).toEqual({});
    expect(
      toAuditFilter({
        ...EMPTY_FILTER,
        entityType: 'version',
        action: ' version.approve ',
        from: '2026-11-01',
        to: '2026-11-02',
      }),
    ).toEqual({
      entityType: 'version',
      action: 'version.approve',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-03T00:00:00.000Z',
    });
    expect(filterProblem({ ...EMPTY_FILTER, from: '2026-11-05', to: '2026-11-01' })).toMatch(
      /start date is after/,
    );
  });
});
