import {
  formatBytes,
  mappingLines,
  missingText,
  rangeText,
  readReport,
  rejectionSummary,
} from './report-model';
import { report } from './test-fixtures';

describe('readReport', () => {
  it('reads the stored report and tolerates missing parts', () => {
    const r = readReport(report)!;
    expect(r.rowsKept).toBe(990);
    expect(r.rejected[0]).toEqual({
      line: 10,
      column: 'age',
      kind: 'invalid-number',
      reason: 'age must be a number.',
    });
    expect(r.columns[2]!.personal).toBe('hash');
    expect(readReport(null)).toBeUndefined();
    expect(readReport({})).toMatchObject({ rowsRead: 0, columns: [], rejected: [] });
  });

  it('summarises rejections and column statistics in words', () => {
    const r = readReport(report)!;
    expect(rejectionSummary(r)).toEqual([{ kind: 'invalid-number', words: 'not a number', count: 10 }]);
    expect(missingText(r.columns[1]!)).toBe('9 (0.9 %)');
    expect(missingText(r.columns[0]!)).toBe('none');
    expect(rangeText(r.columns[1]!)).toBe('30 – 80');
  });
});

describe('mappingLines', () => {
  it('names the action every row of a single-offer dataset was offered', () => {
    expect(
      mappingLines({
        offeredAction: 'coffee-house-1d',
        offeredActionName: 'Coffee House, 1 day',
        outcome: 'Y',
      })[1],
    ).toEqual({ label: 'Logged action', value: 'every row was offered Coffee House, 1 day' });
  });

  it('says what each column was used for', () => {
    expect(mappingLines({ loggedAction: ['coupon', 'expiration'], outcome: 'Y' })).toEqual([
      { label: 'Customer id', value: 'none (rows are told apart by their line)' },
      { label: 'Logged action', value: 'coupon + expiration' },
      { label: 'Outcome', value: 'Y (accepted / declined)' },
      { label: 'Logging propensity', value: 'none' },
      { label: 'Segments', value: 'none' },
      { label: 'Customer fields', value: 'every other column' },
    ]);
  });
});

it('formats sizes', () => {
  expect(formatBytes(512)).toBe('512 B');
  expect(formatBytes(2_163_456)).toBe('2.1 MB');
  expect(formatBytes(null)).toBe('—');
});
