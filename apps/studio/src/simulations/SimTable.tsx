import type { ReactNode } from 'react';

interface Column {
  title: ReactNode;
  /** A column of figures, aligned right. */
  num?: boolean;
}

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
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={i} scope="col" className={c.num ? 'num' : undefined}>
              {c.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
