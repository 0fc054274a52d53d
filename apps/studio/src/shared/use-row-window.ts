import { useEffect, useState, type RefObject } from 'react';

/** The rows of a long list to render: the ones in view, and `overscan` more on each side. */
export interface RowWindow {
  start: number;
  /** One past the last row to render. */
  end: number;
  /** Pixels of rows left out above and below, for spacers that keep the scroll bar true. */
  before: number;
  after: number;
}

/**
 * Windowing for a list of `count` rows of `rowHeight` px inside the scrolling element `container`:
 * only the rows in view are rendered, so a catalog of 10,000 actions costs as much as one of 30.
 * `offset` is the height above the first row inside the container (a sticky header).
 */
export function useRowWindow(
  container: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  offset = 0,
  overscan = 10,
): RowWindow {
  const [view, setView] = useState({ top: 0, height: 800 });
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const measure = () =>
      setView((v) =>
        v.top === el.scrollTop && v.height === el.clientHeight
          ? v
          : { top: el.scrollTop, height: el.clientHeight || 800 },
      );
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    const resize = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(measure);
    resize?.observe(el);
    return () => {
      el.removeEventListener('scroll', measure);
      resize?.disconnect();
    };
  }, [container]);
  const inView = Math.ceil(view.height / rowHeight);
  // Clamped to the list: after it shrinks (a filter), the old scroll position may lie past its end.
  const first = Math.min(Math.floor(Math.max(0, view.top - offset) / rowHeight), Math.max(0, count - inView));
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + inView + overscan);
  return {
    start,
    end: Math.max(start, end),
    before: start * rowHeight,
    after: Math.max(0, count - end) * rowHeight,
  };
}
