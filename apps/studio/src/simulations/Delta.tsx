import { changeTone, formatChange } from './results-model';

/** A signed change, green when up and red when down. */
export function Delta({
  value,
  kind,
}: {
  value: number | null | undefined;
  kind: 'count' | 'number' | 'share';
}) {
  return <span className={`sim-delta sim-delta-${changeTone(value)}`}>{formatChange(value, kind)}</span>;
}
