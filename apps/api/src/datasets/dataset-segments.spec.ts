import { segmentLabel } from './dataset-segments';

describe('segmentLabel', () => {
  it('is the value of a single segment column, or (missing)', () => {
    expect(segmentLabel(['region'], { region: 'north' })).toBe('north');
    expect(segmentLabel(['region'], {})).toBe('(missing)');
  });

  it('names each column when there are several, in the mapping order', () => {
    expect(segmentLabel(['region', 'tier'], { tier: 'gold', region: 'north' })).toBe(
      'region=north · tier=gold',
    );
    expect(segmentLabel(['region', 'tier'], { tier: 'gold' })).toBe('region=(missing) · tier=gold');
  });

  it('gives no segment without segment columns or stored values', () => {
    expect(segmentLabel([], { region: 'north' })).toBeUndefined();
    expect(segmentLabel(['region'], null)).toBeUndefined();
  });
});
