import { changeTone, formatChange, type BetterWhen } from './results-model';

/** A signed change, green when it is good news, red when bad, plain when it is neither. */
export function Delta({
  value,
  kind,
  better,
}: {
  value: number | null | undefined;
  kind: 'count' | 'number' | 'share';
  better: BetterWhen;
}) {
  const tone = changeTone(value, better);
  const words = tone === 'better' ? 'better' : tone === 'worse' ? 'worse' : undefined;
  return (
    <span className={`sim-delta sim-delta-${tone}`} title={words && `${formatChange(value, kind)}: ${words}`}>
      {formatChange(value, kind)}
    </span>
  );
}
