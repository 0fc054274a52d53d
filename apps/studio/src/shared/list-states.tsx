import type { ReactNode } from 'react';

/**
 * A list a screen reads from the server, in the state it is in: the failure of the last read (above
 * what an earlier read gave, if anything), `loading` until the first answer, `empty`, or the list.
 */
export function ListStates<T>({
  items,
  failure,
  loading,
  empty,
  children,
}: {
  items: readonly T[] | undefined;
  /** What to show while the last read failed; falsy when it did not. */
  failure: ReactNode;
  loading: ReactNode;
  empty: ReactNode;
  children(items: readonly T[]): ReactNode;
}) {
  return (
    <>
      {failure}
      {!items && !failure && loading}
      {items?.length === 0 && empty}
      {items && items.length > 0 && children(items)}
    </>
  );
}
