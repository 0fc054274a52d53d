import type { ReactNode } from 'react';
import { TableHead, type Column } from '../shared/ui';

/** A table of simulation results: a header row of column titles, figures aligned right. */
export function SimTable({
  label,
  columns,
  className = '',
  children,
}: {
  label: string;
  columns: Column[];
  className?: string;
  children: ReactNode;
}) {
  return (
    <table className={`data-table sim-table ${className}`.trim()} aria-label={label}>
      <TableHead columns={columns} />
      <tbody>{children}</tbody>
    </table>
  );
}
