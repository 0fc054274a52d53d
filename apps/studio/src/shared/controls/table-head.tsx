import type { ReactNode } from 'react';

/** A column's title: plain for text, from `num` for figures (aligned right). */
export type Column = ReactNode | { title: ReactNode; num: true };

/** A column of figures, aligned right. */
export const num = (title: ReactNode): Column => ({ title, num: true });

/** A column whose title only screen readers announce, such as the row actions. */
export const unseen = (title: string): Column => <span className="sr-only">{title}</span>;

const isNum = (c: Column): c is { title: ReactNode; num: true } =>
  typeof c === 'object' && c !== null && 'num' in c;

/** A table's header row: a `<th scope="col">` per column. */
export function TableHead({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) =>
          isNum(c) ? (
            <th key={i} scope="col" className="num">
              {c.title}
            </th>
          ) : (
            <th key={i} scope="col">
              {c}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}
