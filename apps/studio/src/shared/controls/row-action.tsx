import { Button } from './button';

/**
 * A table row's small action button ("Edit", "Delete"), named with the row for assistive technology;
 * `blocked` says why it cannot be used now and disables it.
 */
export function RowAction({
  verb,
  row,
  blocked,
  onClick,
}: {
  verb: string;
  row: string;
  blocked?: string;
  onClick(): void;
}) {
  return (
    <Button
      variant="ghost"
      className="btn-small"
      onClick={onClick}
      disabled={!!blocked}
      title={blocked ?? `${verb} ${row}`}
      aria-label={`${verb} ${row}`}
    >
      {verb}
    </Button>
  );
}
